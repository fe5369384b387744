import { INestApplication, SetMetadata, Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import type { Audience } from '@rueda/application';
import { AUDIENCE_KEY, PUBLIC_KEY } from '../modules/auth/principal';

export const RETURNS_KEY = 'rueda:returns';
export const FILE_KEY = 'rueda:file';
export const ACCEPTS_KEY = 'rueda:accepts';

/**
 * The JSON a route answers with on success. The OpenAPI document (and so the web's generated
 * client) takes its response schema from here, and in tests every 2xx body is checked against
 * it (`ContractInterceptor`), so the document cannot drift from what the server sends.
 */
export const Returns = (schema: z.ZodType) => SetMetadata(RETURNS_KEY, schema);

/** A route that answers with a file: its media types, documented as binary content. */
export const ReturnsFile = (...mediaTypes: string[]) => SetMetadata(FILE_KEY, mediaTypes);

/**
 * The JSON body of a route that reads it with a plain `@Body()` and checks it itself, one of
 * these schemas by a path parameter (a participant's delegates, demands or offers). `@Body({
 * schema })` documents itself; this says what such a route takes, or the web's generated client
 * would type its body as nothing at all.
 */
export const Accepts = (...schemas: z.ZodType[]) => SetMetadata(ACCEPTS_KEY, schemas);

/** A page of a list: what every paginated list answers. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The one error body of every refusal (`httpError` in errors.ts writes it). */
export const ErrorBody = z
  .looseObject({
    statusCode: z.number().int(),
    code: z.string(),
    error: z.string(),
    kind: z.enum([
      'invalid',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'gone',
      'too_large',
      'unsupported',
      'unprocessable',
      'too_many',
      'unavailable',
      'internal',
    ]),
    message: z.string(),
    messages: z.object({ es: z.string(), en: z.string() }),
    fields: z.array(z.object({ path: z.string(), es: z.string(), en: z.string() })).optional(),
  })
  .meta({
    id: 'Error',
    description: 'Refusal: a code, its kind, and the message in Spanish and English; `fields` names each wrong field.',
  });

export const SECURITY = {
  organiser: 'organiser',
  participant: 'participant',
} as const;

const ORGANISERS: Audience[] = ['admin', 'staff'];

/** Statuses every operation may refuse with, besides the ones of its audience. */
const ERROR_STATUSES = {
  '400': 'Datos inválidos (cada campo nombrado) / Invalid data (each field named)',
  '404': 'No encontrado / Not found',
  '409': 'Conflicto (versión, estado o regla) / Conflict (version, state or rule)',
  '429': 'Demasiadas solicitudes / Too many requests',
  '500': 'Error interno / Internal error',
} as const;
const AUTH_STATUSES = {
  '401': 'Falta un token válido / A valid token is required',
  '403': 'Sin permiso / Not allowed',
} as const;

/**
 * A zod schema as an OpenAPI 3.0 schema; named parts (`.meta({ id })`) become components. A
 * response is read as zod outputs it, a request body as it may be sent (`io: 'input'`: a field
 * with a default may be left out).
 */
export function toOpenApiSchema(
  schema: z.ZodType,
  components: Record<string, unknown>,
  io: 'input' | 'output' = 'output',
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  const { $defs, definitions, $schema: _s, ...root } = json as Record<string, Record<string, unknown> | undefined>;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        k === '$ref' && typeof x === 'string' ? x.replace(/^#\/(\$defs|definitions)\//, '#/components/schemas/') : rewrite(x),
      ]),
    );
  };
  for (const [name, def] of Object.entries({ ...$defs, ...definitions })) components[name] = rewrite(def);
  return rewrite(root) as Record<string, unknown>;
}

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> } | { $ref: string }>;
};

/**
 * The OpenAPI document of the API: two opaque bearer schemes (organiser tokens `ro_…`, a
 * participant's personal link token `rp_…`), each operation's audience from the same
 * `@Allow`/`@Public` metadata the access guard reads, response schemas from `@Returns`,
 * file media types from `@ReturnsFile`, and the one error body on every refusal.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Rueda API')
    .setDescription(
      'Rueda de Negocios — Jornada de Cooperación Internacional. Textos para personas: español primero, inglés después. ' +
        'Mensajes en vivo (socket.io): ver docs/realtime.md.',
    )
    .setVersion('0.1.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque ro_…',
        description: 'Token de organizador (administrador o personal), opaco / Organiser token (admin or staff), opaque: `ro_…`',
      },
      SECURITY.organiser,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque rp_…',
        description: 'Token del enlace personal del participante, opaco / Participant personal-link token, opaque: `rp_…`',
      },
      SECURITY.participant,
    )
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  const handlers = handlerIndex(app);
  const reflector = new Reflector();
  const schemas: Record<string, unknown> = {};
  toOpenApiSchema(ErrorBody, schemas);
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });

  for (const ops of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(ops) as [string, Operation][]) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || !op.operationId) continue;
      const target = handlers.get(op.operationId);
      if (!target) throw new Error(`OpenAPI: no handler for operation ${op.operationId}`);
      const targets = [target.handler, target.controller];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
      const audience = reflector.getAllAndOverride<Audience[]>(AUDIENCE_KEY, targets) ?? ORGANISERS;
      op.security = isPublic
        ? []
        : [
            ...(audience.some((a) => ORGANISERS.includes(a)) ? [{ [SECURITY.organiser]: [] }] : []),
            ...(audience.includes('participant') ? [{ [SECURITY.participant]: [] }] : []),
          ];

      const success = Object.keys(op.responses).find((s) => /^2\d\d$/.test(s));
      const returns = reflector.get<z.ZodType | undefined>(RETURNS_KEY, target.handler);
      const files = reflector.get<string[] | undefined>(FILE_KEY, target.handler);
      if (success && (returns || files)) {
        const res = op.responses[success] as { description?: string; content?: Record<string, { schema?: unknown }> };
        res.content = files
          ? Object.fromEntries(
              files.map((m) => [
                m,
                // A file route's JSON answer has the schema of its `@Returns` when it declares one.
                {
                  schema:
                    m !== 'application/json'
                      ? { type: 'string', format: 'binary' }
                      : returns
                        ? toOpenApiSchema(returns, schemas)
                        : { type: 'object' },
                },
              ]),
            )
          : { 'application/json': { schema: toOpenApiSchema(returns!, schemas) } };
        res.description ||= 'OK';
      }
      const accepts = reflector.get<z.ZodType[] | undefined>(ACCEPTS_KEY, target.handler);
      if (accepts) {
        const bodies = accepts.map((s) => toOpenApiSchema(s, schemas, 'input'));
        op.requestBody = {
          required: true,
          content: { 'application/json': { schema: bodies.length === 1 ? bodies[0] : { oneOf: bodies } } },
        };
      }
      const refusals: Record<string, string> = { ...ERROR_STATUSES, ...(isPublic ? {} : AUTH_STATUSES) };
      for (const [status, description] of Object.entries(refusals)) op.responses[status] ??= errorResponse(description);
    }
  }
  doc.components = {
    ...doc.components,
    schemas: { ...(doc.components?.schemas ?? {}), ...(schemas as OpenAPIObject['components'] & object) },
  };
  return doc;
}

/** Each route handler by the operation id Swagger gives it (`Controller_method`). */
function handlerIndex(app: INestApplication): Map<string, { controller: Type; handler: (...args: unknown[]) => unknown }> {
  const out = new Map<string, { controller: Type; handler: (...args: unknown[]) => unknown }>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        if (name === 'constructor') continue;
        const handler = controller.prototype[name];
        if (typeof handler === 'function') out.set(`${controller.name}_${name}`, { controller, handler });
      }
    }
  }
  return out;
}
