import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { CreateUser, UseCases } from '@rueda/application';
import { createTestDatabase } from './database';

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dbUrl: string;
  query: (sql: string, params?: unknown[]) => Promise<any[]>;
  tokens: { admin: string; staff: string };
  /** Starts listening on a free port; returns the base URL. */
  listen: () => Promise<string>;
  /** Another API node on the same database and Redis (a second process in production). */
  startNode: () => Promise<string>;
  /** The BullMQ worker, in this process, on the same database and queue namespace. */
  startWorker: () => Promise<INestApplicationContext>;
  close: () => Promise<void>;
}

/**
 * The real HTTP application on a fresh, migrated PostgreSQL database and the real Redis,
 * with one admin and one staff account logged in.
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  // Each test file gets its own BullMQ namespace, so workers of parallel files never take each other's jobs.
  // TEST_API_LOGS=1 shows the API's own logs (errors included) while debugging a test.
  const logs = process.env.TEST_API_LOGS === '1';
  Object.assign(process.env, { DATABASE_URL: db.url, LOG_LEVEL: logs ? 'error' : 'silent', QUEUE_PREFIX: `t${db.url.slice(-10)}`, ...env });
  // Required after the environment is set: the app reads it while loading.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createApp } = require('../../apps/api/src/bootstrap') as typeof import('../../apps/api/src/bootstrap');
  const { AuthService } =
    require('../../apps/api/src/modules/auth/auth.service') as typeof import('../../apps/api/src/modules/auth/auth.service');
  const app = await createApp({ logger: logs });
  await app.init();
  const auth = app.get(AuthService);
  // The accounts are set up as the command line does (the same use case).
  const setUp = (user: { email: string; name: string; role: 'admin' | 'staff'; password: string }) =>
    app.get(UseCases).execute(CreateUser, { type: 'system', name: 'test' }, user);
  await setUp({ email: 'admin@rueda.test', name: 'Admin', role: 'admin', password: 'admin-password-1' });
  await setUp({ email: 'staff@rueda.test', name: 'Staff', role: 'staff', password: 'staff-password-1' });
  const admin = (await auth.login('admin@rueda.test', 'admin-password-1')).token;
  const staff = (await auth.login('staff@rueda.test', 'staff-password-1')).token;
  let worker: INestApplicationContext | undefined;
  const nodes: INestApplication[] = [];
  return {
    app,
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    },
    startNode: async () => {
      const node = await createApp({ logger: logs });
      await node.listen(0, '127.0.0.1');
      nodes.push(node);
      return `http://127.0.0.1:${(node.getHttpServer().address() as { port: number }).port}`;
    },
    startWorker: async () => {
      const { WorkerModule } = require('../../apps/worker/src/worker.module') as typeof import('../../apps/worker/src/worker.module');
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      await worker.init();
      return worker;
    },
    http: request(app.getHttpServer()),
    dbUrl: db.url,
    query: (sql, params) => db.dataSource.query(sql, params),
    tokens: { admin, staff },
    close: async () => {
      for (const n of nodes) await n.close();
      await worker?.close();
      await app.close();
      await db.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A small Jornada: one morning of 20-minute slots and 10 tables. */
export const SAMPLE_EVENT = {
  name: 'Jornada de Cooperación Internacional 2026',
  venue: 'Quito, Centro de Convenciones',
  sessions: [
    {
      label: 'Mañana',
      day: '2026-11-25',
      startTime: '09:00',
      endTime: '12:00',
      slotMinutes: 20,
      gapMinutes: 0,
      breaks: [{ start: '10:20', end: '10:40', label: 'Café' }],
    },
  ],
  tableCount: 10,
};

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts a matching run for the event's current data and waits until the worker has finished it. */
export async function runMatchingToCompletion(api: TestApi, eventId: string, body: object = { top: 5 }): Promise<{ id: string }> {
  const admin = bearer(api.tokens.admin);
  const run = (await api.http.post(`/events/${eventId}/matching/runs`).set(admin).send(body).expect(201)).body;
  await eventually(async () => {
    const latest = (await api.http.get(`/events/${eventId}/matching/runs/latest`).set(admin)).body;
    return latest.id === run.id && latest.status === 'done' ? latest : undefined;
  });
  return run;
}
