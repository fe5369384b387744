import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@rueda/persistence';

/** The server URL of DATABASE_URL with another database name. */
export function databaseUrl(name: string): string {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run the tests with `npm test`');
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A throwaway database per test file, so suites run in parallel without seeing each other.
 * Migrated unless asked not to; dropped by `drop()`.
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<{
  url: string;
  dataSource: DataSource;
  drop: () => Promise<void>;
}> {
  const name = `rueda_t_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  // CREATE DATABASE copies template1 and fails while another session copies it too (55006):
  // parallel test files do that, so wait and retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = databaseUrl(name);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  if (opts.migrate !== false) await dataSource.runMigrations();
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      const c = new Client({ connectionString: databaseUrl('postgres') });
      await c.connect();
      // FORCE cannot end an autovacuum worker that happens to be in the database (its process
      // belongs to the superuser: 42501); it finishes soon, so wait and retry.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '42501' || attempt >= 50) throw e;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      await c.end();
    },
  };
}
