import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '..', '..');

/** A refusal to run (environment not suitable): reported without a stack trace. */
export class BenchStop extends Error {}

/**
 * The PostgreSQL and Redis the live benchmarks use: DATABASE_URL / REDIS_URL, or the ones
 * `scripts/services.sh` started (.rueda/env). Loopback only: a benchmark never touches a real
 * deployment.
 */
export function serviceUrls(): { db: string; redis: string } {
  let db = process.env.DATABASE_URL;
  let redis = process.env.REDIS_URL;
  const envFile = join(ROOT, '.rueda', 'env');
  if ((!db || !redis) && existsSync(envFile)) {
    for (const line of readFileSync(envFile, 'utf8').split('\n')) {
      const m = /^export (DATABASE_URL|REDIS_URL)='?([^']*)'?$/.exec(line.trim());
      if (m && m[1] === 'DATABASE_URL') db ??= m[2];
      if (m && m[1] === 'REDIS_URL') redis ??= m[2];
    }
  }
  if (!db || !redis) throw new Error('DATABASE_URL / REDIS_URL not set and no .rueda/env: run `bash scripts/services.sh` first');
  for (const u of [db, redis]) {
    const host = new URL(u).hostname.replace(/^\[|\]$/g, '');
    if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new BenchStop(`only loopback services are allowed, got ${host}`);
  }
  return { db, redis };
}

/** The same server URL with another database name. */
export const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Drops a benchmark's database at the end of a run (on failure too); a failure is reported, not thrown. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  try {
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (e) {
    process.stderr.write(`could not drop ${name}: ${(e as Error).message}\n`);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** `n` processes that each keep one core busy until killed: a "loaded" machine, the same load in every run. */
export function startHogs(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random())'], { stdio: 'ignore' }));
}
