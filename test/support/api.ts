import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase } from './database';

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dbUrl: string;
  query: (sql: string, params?: unknown[]) => Promise<any[]>;
  tokens: { admin: string; staff: string };
  close: () => Promise<void>;
}

/**
 * The real HTTP application on a fresh, migrated PostgreSQL database and the real Redis,
 * with one admin and one staff account logged in.
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: db.url, LOG_LEVEL: 'silent', ...env });
  // Required after the environment is set: the app reads it while loading.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createApp } = require('../../apps/api/src/bootstrap') as typeof import('../../apps/api/src/bootstrap');
  const { AuthService } = require('../../apps/api/src/auth/auth.service') as typeof import('../../apps/api/src/auth/auth.service');
  const app = await createApp({ logger: false });
  await app.init();
  const auth = app.get(AuthService);
  await auth.createUser({ email: 'admin@rueda.test', name: 'Admin', role: 'admin', password: 'admin-password-1' });
  await auth.createUser({ email: 'staff@rueda.test', name: 'Staff', role: 'staff', password: 'staff-password-1' });
  const admin = (await auth.login('admin@rueda.test', 'admin-password-1')).token;
  const staff = (await auth.login('staff@rueda.test', 'staff-password-1')).token;
  return {
    app,
    http: request(app.getHttpServer()),
    dbUrl: db.url,
    query: (sql, params) => db.dataSource.query(sql, params),
    tokens: { admin, staff },
    close: async () => {
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
  sessions: [{ label: 'Mañana', day: '2026-11-25', startTime: '09:00', endTime: '12:00', slotMinutes: 20, gapMinutes: 0, breaks: [{ start: '10:20', end: '10:40', label: 'Café' }] }],
  tableCount: 10,
};
