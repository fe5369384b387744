import { randomUUID } from 'node:crypto';
import { appendLive } from '@rueda/persistence';
import { createTestDatabase } from '../support/database';

/**
 * appendLive reads the streams' heads in the statement that takes the event's row. When another
 * writer of the event committed while that statement waited for the row, its snapshot is older
 * than the heads: the heads must be read again, or the message would name a stale previous
 * sequence and a participant's client would not notice the message it missed.
 */
describe('live log heads under a concurrent writer (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives the second writer the first writer’s sequence as the previous one of their shared streams', async () => {
    const [{ id: eventId }] = await db.dataSource.query(
      `INSERT INTO events (name, time_zone, settings, version) VALUES ('Heads', 'America/Guayaquil', '{}', 1) RETURNING id`,
    );
    const participant = randomUUID();
    const change = { type: 'meeting.updated' as const, participants: [participant], tables: [], payload: {} };
    const now = new Date('2026-11-25T14:05:00Z');
    const first = await appendLive(db.dataSource.manager, eventId, [change], now);
    expect(first[0].prevs).toEqual({ b: 0, p: { [participant]: 0 } });

    const a = db.dataSource.createQueryRunner();
    const b = db.dataSource.createQueryRunner();
    await a.connect();
    await b.connect();
    try {
      await a.startTransaction();
      await b.startTransaction();
      const fromA = await appendLive(a.manager, eventId, [change], now);
      const pending = appendLive(b.manager, eventId, [change], now);
      // B's statement took its snapshot before A's commit and waits for A's row lock (a condition, not a delay).
      for (;;) {
        const [w] = await db.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (w.n > 0) break;
      }
      await a.commitTransaction();
      const fromB = await pending;
      await b.commitTransaction();
      expect(fromA[0].seq).toBe(2);
      expect(fromA[0].prevs).toEqual({ b: 1, p: { [participant]: 1 } });
      expect(fromB[0].seq).toBe(3);
      expect(fromB[0].prevs).toEqual({ b: 2, p: { [participant]: 2 } });
    } finally {
      await a.release();
      await b.release();
    }
  });
});
