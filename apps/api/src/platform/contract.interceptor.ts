import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { ENV, type Env } from '@rueda/config';
import { DomainError } from '@rueda/domain';
import { FILE_KEY, RETURNS_KEY } from './openapi';

/**
 * The contract test of every HTTP test: when the API runs under test, each 2xx JSON body is
 * checked against the schema its route declares with `@Returns` (the one the OpenAPI
 * document and the web's generated client are built from). A body that leaves its schema is
 * a 500 `contract_violation` naming the paths that differ, so the test that made the request
 * fails. In development and production nothing is checked (it costs a parse per response).
 */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  private readonly log = new Logger('Contract');
  private readonly enabled: boolean;

  constructor(
    private readonly reflector: Reflector,
    @Inject(ENV) env: Env,
  ) {
    this.enabled = env.NODE_ENV === 'test';
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.enabled || ctx.getType() !== 'http') return next.handle();
    const schema = this.reflector.get<z.ZodType | undefined>(RETURNS_KEY, ctx.getHandler());
    // A file route writes its answer itself (`@Res`): it checks its JSON with checkContract.
    if (!schema || this.reflector.get<string[] | undefined>(FILE_KEY, ctx.getHandler())) return next.handle();
    return next.handle().pipe(map((body) => checkContract(schema, body, `${ctx.getClass().name}.${ctx.getHandler().name}`, this.log)));
  }
}

/** The body as it, serialised, leaves the server, checked against its declared schema. */
export function checkContract<T>(schema: z.ZodType, body: T, route: string, log?: Logger): T {
  // What the client receives: Dates as ISO strings, undefined keys gone.
  const wire = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const result = schema.safeParse(wire);
  if (result.success) return body;
  const issues = result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  log?.error(`${route} answered outside its declared schema: ${issues.join('; ')}`);
  throw new DomainError(
    'internal',
    'contract_violation',
    { es: `La respuesta de ${route} no cumple su esquema`, en: `The response of ${route} leaves its declared schema` },
    { details: { issues } },
  );
}
