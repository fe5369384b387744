import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { json, NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { RedisIoAdapter } from './platform/redis-io.adapter';
import { mountQueueDashboard } from './platform/queue-dashboard';
import { mountWebApp } from './platform/web-app';
import { loadEnv } from '@rueda/config';
import { DomainError, findBadText, invalidField } from '@rueda/domain';
import { httpError } from './platform/errors';
import { buildOpenApiDocument } from './platform/openapi';

/** Builds the HTTP application exactly as production runs it; tests use it too. */
export async function createApp(opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const env = loadEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.set('trust proxy', 'loopback');
  app.use(jsonBody(env.BODY_LIMIT));
  app.use(rejectBadText);
  // gzip/deflate for every compressible response (the web front end's scripts, JSON): on a
  // venue's shared 3G or Wi-Fi the bytes are what a phone waits for.
  app.use(compression());
  mountWebApp(app);
  mountQueueDashboard(app);
  app.useWebSocketAdapter(new RedisIoAdapter(app, env.REDIS_URL, env.QUEUE_PREFIX));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/**
 * NUL characters and lone surrogates cannot be stored by PostgreSQL: refused with a 400 naming
 * the field (body or query string), for every route at once, before any handler runs.
 */
function rejectBadText(req: Request, res: Response, next: NextFunction) {
  const hit = findBadText(req.body) ?? findBadText(req.query);
  if (!hit) return next();
  const { status, body } = httpError(invalidField(hit.path, hit.reason.es, hit.reason.en));
  res.status(status).json(body);
}

/** JSON bodies with a size limit; malformed or oversized bodies get a JSON 4xx that says which. */
function jsonBody(limit: string) {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: { type?: string; message?: string }) => {
      if (!err) return next();
      const e =
        err.type === 'entity.too.large'
          ? new DomainError('too_large', 'body_too_large', {
              es: `Cuerpo demasiado grande (máx. ${limit})`,
              en: `Body too large (max ${limit})`,
            })
          : err.type === 'entity.parse.failed'
            ? new DomainError('invalid', 'invalid_json', { es: 'JSON inválido', en: `Invalid JSON: ${err.message}` })
            : new DomainError('invalid', 'bad_body', { es: 'Cuerpo inválido', en: `Invalid body: ${err.message}` });
      const { status, body } = httpError(e);
      res.status(status).json(body);
    });
}
