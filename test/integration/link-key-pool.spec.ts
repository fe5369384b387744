import { IssueAccessLink, type Principal, UseCases } from '@rueda/application';
import { createDataSource, TypeOrmUnitOfWork } from '@rueda/persistence';
import type { DataSource } from 'typeorm';
import { seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * The link key is read once per process, on the connection pool. A burst of use cases on a cold
 * process (the first links issued after a start) used to read it from inside their transactions:
 * with as many transactions as pooled connections, each held a connection and waited for the one
 * read that needed another, and none went on until the pool gave up. Here the pool has 2
 * connections and 4 links are issued at once: before the fix the pool's wait for a connection
 * ran out and every transaction that held one failed; now the key is read before any transaction.
 */
describe('link key on a cold process with a saturated pool', () => {
  let env: UseCaseEnv;
  let small: DataSource;

  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
    const { url } = env.db.options as { url: string };
    // The pool's wait for a free connection is only the failure's bound; a passing run never waits.
    small = createDataSource(url, { extra: { max: 2, connectionTimeoutMillis: 8000 } });
    await small.initialize();
  });
  afterAll(async () => {
    await small?.destroy();
    await env?.close();
  });

  it('issues 4 links at once with 2 pooled connections', async () => {
    const day = await seedDay(env);
    const ids = await Promise.all(['0101', '0102', '0103', '0104'].map((code) => day.participant(code, 'gadm')));
    const clock = env.clock;
    const cold = new UseCases(new TypeOrmUnitOfWork(small, { dispatch: async () => undefined }, clock), clock);
    const admin: Principal = { type: 'system', name: 'test-admin' };
    const results = await Promise.allSettled(
      ids.map((participantId) => cold.execute(IssueAccessLink, admin, { eventId: day.eventId, participantId })),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const [{ n }] = await env.q(`SELECT count(*)::int AS n FROM access_links WHERE participant_id = ANY($1::uuid[])`, [ids]);
    expect(n).toBe(4);
  });
});
