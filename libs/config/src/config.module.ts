import { Global, Module } from '@nestjs/common';
import { Env, loadEnv } from './env';

export const ENV = Symbol('ENV');

/** The validated environment, injectable as `@Inject(ENV) env: Env`. */
@Global()
@Module({ providers: [{ provide: ENV, useFactory: (): Env => loadEnv() }], exports: [ENV] })
export class EnvModule {}
