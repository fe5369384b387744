import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadEnv } from '@rueda/config';

async function main() {
  try {
    loadEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WorkerModule } = require('./worker.module') as typeof import('./worker.module');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Liveness for container health checks: a file touched while the event loop turns.
  const beat = () => writeFileSync('/tmp/rueda-worker-alive', String(Date.now()));
  beat();
  setInterval(beat, 15_000).unref();
}

void main();
