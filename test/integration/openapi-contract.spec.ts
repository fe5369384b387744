import 'reflect-metadata';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../apps/api/src/app.module';
import { buildOpenApiDocument } from '../../apps/api/src/platform/openapi';

type Response = { description?: string; content?: Record<string, { schema?: unknown }> };
type Operation = { operationId?: string; security?: unknown[]; requestBody?: unknown; responses: Record<string, Response> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const REFUSALS = ['400', '404', '409', '429', '500'];
const AUTH_REFUSALS = ['401', '403'];

/**
 * Every operation of the API documents what it answers, so the web's generated client never
 * types a response as `never`: a 2xx with a JSON schema (or, for a file, its media types;
 * only a 204 has no body), and the one error body on each refusal it can give.
 */
describe('OpenAPI document', () => {
  let doc: OpenAPIObject;
  const ops: { key: string; op: Operation }[] = [];
  /** Operation ids (`Controller_method`) of the handlers that take a request body (`@Body`). */
  const takesBody = new Set<string>();

  beforeAll(async () => {
    const app = await NestFactory.create(AppModule, { preview: true, logger: false });
    try {
      doc = buildOpenApiDocument(app);
      for (const mod of app.get(ModulesContainer).values()) {
        for (const { metatype } of mod.controllers.values()) {
          if (!metatype) continue;
          for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
            const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<string, unknown>;
            if (Object.keys(args).some((k) => k.startsWith(`${RouteParamtypes.BODY}:`))) takesBody.add(`${metatype.name}_${name}`);
          }
        }
      }
    } finally {
      await app.close();
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const m of METHODS) {
        const op = (item as Record<string, Operation | undefined>)[m];
        if (op) ops.push({ key: `${m.toUpperCase()} ${path}`, op });
      }
    }
  }, 120_000);

  it('has the API’s operations', () => {
    expect(ops.length).toBeGreaterThan(100);
  });

  it('gives every operation a success response with its schema or file media types', () => {
    const missing: string[] = [];
    for (const { key, op } of ops) {
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      const documented =
        success.length > 0 &&
        success.every((s) => {
          if (s === '204') return !op.responses[s].content;
          const content = op.responses[s].content ?? {};
          return Object.keys(content).length > 0 && Object.values(content).every((c) => c.schema && Object.keys(c.schema).length > 0);
        });
      if (!documented) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  it('documents the one error body on every refusal, and 401/403 where a token is needed', () => {
    const wrong: string[] = [];
    for (const { key, op } of ops) {
      const statuses = [...REFUSALS, ...(op.security?.length ? AUTH_REFUSALS : [])];
      for (const s of statuses) {
        const schema = op.responses[s]?.content?.['application/json']?.schema as { $ref?: string } | undefined;
        if (schema?.$ref !== '#/components/schemas/Error') wrong.push(`${key} ${s}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('declares the request body of every operation whose handler reads one', () => {
    expect(takesBody.size).toBeGreaterThan(20);
    const undeclared = ops.filter(({ op }) => takesBody.has(op.operationId ?? '') && !op.requestBody).map(({ key }) => key);
    expect(undeclared).toEqual([]);
  });

  it('declares the fields of every JSON answer: none is an open object the web would have to copy by hand', () => {
    const open: string[] = [];
    for (const { key, op } of ops) {
      for (const [status, r] of Object.entries(op.responses)) {
        const schema = r.content?.['application/json']?.schema as { type?: string; properties?: unknown } | undefined;
        if (/^2/.test(status) && schema?.type === 'object' && !schema.properties) open.push(key);
      }
    }
    expect(open).toEqual([]);
  });

  it('declares a binary media type on every file download', () => {
    const files = ops.filter(({ op }) =>
      Object.values(op.responses).some((r) => Object.keys(r.content ?? {}).some((m) => m !== 'application/json')),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const { op } of files) {
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^2/.test(status)) continue;
        for (const [media, c] of Object.entries(r.content ?? {})) {
          if (media !== 'application/json') expect(c.schema).toEqual({ type: 'string', format: 'binary' });
        }
      }
    }
  });
});
