import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/database';
import { busyClientWarnings, forgetBusyClientWarnings } from '../support/one-query-at-a-time';

/**
 * The jest setup's guard (test/support/one-query-at-a-time.ts) sees queries sent at once on a
 * transaction's connection. Each case empties the record after looking, else the guard would
 * fail this file, which is the point everywhere else.
 */
describe('the one-query-at-a-time guard', () => {
  let db: { dataSource: DataSource; drop: () => Promise<void> };
  const settle = () => new Promise((r) => setImmediate(r));
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('sees nothing when a transaction sends its queries one after the other, nor for queries at once on the pool', async () => {
    await db.dataSource.transaction(async (m) => {
      await m.query('SELECT 1');
      await m.query('SELECT 2');
    });
    await Promise.all([db.dataSource.query('SELECT 1'), db.dataSource.query('SELECT 2'), db.dataSource.query('SELECT 3')]);
    await settle();
    expect(busyClientWarnings()).toEqual([]);
  });

  it('sees two queries sent at once on a transaction (pg itself does not warn for two)', async () => {
    await db.dataSource.transaction((m) => Promise.all([m.query('SELECT pg_sleep(0.01)'), m.query('SELECT 2')]));
    await settle();
    expect(busyClientWarnings().map((w) => w.name)).toEqual(['BusySend']);
    forgetBusyClientWarnings();
  });

  it("sees three at once twice over: the second and third sends, and pg's deprecation warning", async () => {
    await db.dataSource.transaction((m) => Promise.all([m.query('SELECT pg_sleep(0.01)'), m.query('SELECT 2'), m.query('SELECT 3')]));
    await settle();
    expect(busyClientWarnings().map((w) => w.name)).toEqual(['BusySend', 'BusySend', 'DeprecationWarning']);
    expect(busyClientWarnings()[2].message).toMatch(/already executing a query/);
    forgetBusyClientWarnings();
  });
});
