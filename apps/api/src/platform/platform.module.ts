import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ENV, EnvModule, loggerParams } from '@rueda/config';
import type { Env } from '@rueda/config';
import { dataSourceOptions } from '@rueda/persistence';
import { ApplicationModule } from './application.module';
import { ContractInterceptor } from './contract.interceptor';
import { ErrorsFilter } from './errors.filter';
import { QueuesModule } from './queues.module';
import { RedisModule } from './redis.module';
import { ZodValidationPipe } from './validation';

/**
 * What every feature module stands on (the HTTP rate limit is AuthModule's, as it counts per principal): configuration, logs, database, Redis, queues, the application layer, and the edge rules.
 */
@Module({
  imports: [
    EnvModule,
    LoggerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => loggerParams(env, { ignore: (req) => req.url === '/health' }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({ ...dataSourceOptions(env.DATABASE_URL), autoLoadEntities: false }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => [{ name: 'default', ttl: 60_000, limit: env.API_RATE_PER_MINUTE }],
    }),
    RedisModule,
    QueuesModule,
    ApplicationModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ErrorsFilter },
    { provide: APP_PIPE, useClass: ZodValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: ContractInterceptor },
  ],
})
export class PlatformModule {}
