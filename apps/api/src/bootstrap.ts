import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { validationPipe } from './common/validation';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { mountQueueDashboard } from './common/queue-dashboard';
import { mountWebApp } from './common/web-app';
import { loadEnv } from '@rueda/config';

/** Builds the HTTP application exactly as production runs it; tests use it too. */
export async function createApp(opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const env = loadEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.set('trust proxy', 'loopback');
  app.use(jsonBody(env.BODY_LIMIT));
  mountWebApp(app);
  mountQueueDashboard(app);
  app.useGlobalPipes(validationPipe());
  app.useWebSocketAdapter(new RedisIoAdapter(app, env.REDIS_URL, env.QUEUE_PREFIX));
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Rueda API')
    .setDescription('Rueda de Negocios — Jornada de Cooperación Internacional. Textos para personas: español primero, inglés después.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** JSON bodies with a size limit; malformed or oversized bodies get a JSON 4xx that says which. */
function jsonBody(limit: string) {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: { status?: number; type?: string; message?: string }) => {
      if (!err) return next();
      const status = err.status ?? 400;
      const [es, en] =
        err.type === 'entity.too.large'
          ? [`Cuerpo demasiado grande (máx. ${limit})`, `Body too large (max ${limit})`]
          : err.type === 'entity.parse.failed'
            ? ['JSON inválido', `Invalid JSON: ${err.message}`]
            : ['Cuerpo inválido', `Invalid body: ${err.message}`];
      res.status(status).json({ statusCode: status, error: err.type ?? 'bad_body', message: `${es} / ${en}`, messages: { es, en } });
    });
}
