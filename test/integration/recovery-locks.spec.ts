import type { QueryRunner } from 'typeorm';
import { MoveMeeting, RecoverCell, SetMeetingStatus, WORKER } from '@rueda/application';
import { lockEventExclusive, lockEventSlot } from '@rueda/persistence';
import { seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * The recovery job locks only the freed cell's slot (libs/persistence live/event-locks.ts): these
 * tests hold locks in transactions of their own and look at who waits in pg_stat_activity.
 */
describe('recovery locks on PostgreSQL', () => {
  let env: UseCaseEnv;
  const open: QueryRunner[] = [];
  beforeAll(async () => {
    // 09:05 in Guayaquil: the first slot is under way, the rest ahead.
    env = await startUseCases('2026-11-25T14:05:00Z');
  });
  afterEach(async () => {
    for (const qr of open.splice(0)) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  /** A transaction of the test's own, left open until the test commits it. */
  const holder = async () => {
    const qr = env.db.createQueryRunner();
    open.push(qr);
    await qr.connect();
    await qr.startTransaction();
    return qr;
  };
  /** Sessions of this database waiting for a lock. */
  const waiting = async () =>
    (await env.q(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0]
      .n as number;
  /** Until `n` sessions wait (polled: each try is one query; a few thousand are plenty). */
  const untilWaiting = async (n: number) => {
    for (let i = 0; i < 20_000; i++) {
      if ((await waiting()) >= n) return;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error(`${n} sessions never waited for a lock`);
  };
  const settled = <T>(p: Promise<T>) => {
    const s = { done: false, value: undefined as T | undefined, promise: p };
    void p.then((v) => Object.assign(s, { done: true, value: v }));
    return s;
  };

  it('a recovery holds its slot only: other slots and table marks go on, its slot and event-wide changes wait', async () => {
    const day = await seedDay(env);
    const [g1, g2, g3, g4, c1, c2] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('0103', 'gadm'),
      await day.participant('0104', 'gadm'),
      await day.participant('CAF', 'cooperant'),
      await day.participant('JICA', 'cooperant'),
    ];
    for (const p of [g1, g2, g3, g4, c1, c2]) await day.checkIn(p);
    const missed4 = await day.meeting(g1, c1, 'no_show', { slot: 4, table: 1 });
    const missed5 = await day.meeting(g3, c2, 'no_show', { slot: 5, table: 1 });
    const marked = await day.meeting(g4, c1, 'scheduled', { slot: 2, table: 0 });
    await day.meeting(g2, c1, 'accepted');
    await day.meeting(g4, c2, 'accepted');

    const slot4 = await holder();
    await lockEventSlot(slot4.manager, day.eventId, day.slots[4]);
    // Another slot's recovery and a table mark finish while slot 4 is held.
    const r5 = await env.useCases.execute(RecoverCell, WORKER, {
      eventId: day.eventId,
      slotId: day.slots[5],
      tableId: day.tables[1],
      freedMeetingId: missed5,
    });
    expect(r5).toMatchObject({ applied: true, proposal: { status: 'applied' } });
    await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: marked, status: 'checked_in' });
    // The same slot's recovery and an event-wide change wait for it.
    const r4 = settled(
      env.useCases.execute(RecoverCell, WORKER, {
        eventId: day.eventId,
        slotId: day.slots[4],
        tableId: day.tables[1],
        freedMeetingId: missed4,
      }),
    );
    await untilWaiting(1);
    const wide = await holder();
    const wideLocked = settled(lockEventExclusive(wide.manager, day.eventId));
    await untilWaiting(2);
    expect([r4.done, wideLocked.done]).toEqual([false, false]);
    await slot4.commitTransaction();
    // The recovery queued first, so it goes first; the event-wide change waits for it too.
    // Awaited, not polled a number of ticks: on a loaded machine those ticks could run out first.
    await Promise.all([r4.promise, wideLocked.promise]);
    expect(r4.value).toMatchObject({ applied: true, proposal: { status: 'applied' } });
    expect(wideLocked.done).toBe(true);
    await wide.commitTransaction();
  });

  it('a table mark and a move of the same meeting at once queue one behind the other: neither dies in a deadlock', async () => {
    const day = await seedDay(env);
    const [g1, c1] = [await day.participant('0101', 'gadm'), await day.participant('CAF', 'cooperant')];
    for (const p of [g1, c1]) await day.checkIn(p);
    const meeting = await day.meeting(g1, c1, 'scheduled', { slot: 3, table: 0 });
    // The test holds the meeting's row, so the mark and the move both reach it and wait there or before.
    const row = await holder();
    await row.query(`SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, [meeting]);
    const outcome = (p: Promise<unknown>) =>
      p.then(
        (v) => ({ ok: true as const, v }),
        (e: { code?: string }) => ({ ok: false as const, code: e.code }),
      );
    const mark = outcome(env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: meeting, status: 'cancelled' }));
    await untilWaiting(1);
    const move = outcome(
      env.useCases.execute(MoveMeeting, STAFF, { eventId: day.eventId, meetingId: meeting, slotId: day.slots[3], tableId: day.tables[1] }),
    );
    await untilWaiting(2);
    await row.commitTransaction();
    // Before the mark held the event's advisory lock, it took the meeting, the move the event row,
    // and each then waited for the other's: PostgreSQL aborted one (409 concurrent_update).
    const [marked, moved] = await Promise.all([mark, move]);
    expect(marked).toMatchObject({ ok: true, v: { status: 'cancelled' } });
    // The move came second and found the meeting cancelled: refused for that, not for a deadlock.
    expect(moved).toEqual({ ok: false, code: 'invalid_transition' });
    const [now] = await env.q(`SELECT status, table_id FROM meetings WHERE id = $1`, [meeting]);
    expect(now).toEqual({ status: 'cancelled', table_id: day.tables[0] });
  });

  it('two slots recovering at once with one waiting meeting both want: it is placed once, nobody is booked twice', async () => {
    const day = await seedDay(env);
    const [g1, g2, g3, c1, c2] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('0103', 'gadm'),
      await day.participant('CAF', 'cooperant'),
      await day.participant('JICA', 'cooperant'),
    ];
    for (const p of [g1, g2, g3, c1, c2]) await day.checkIn(p);
    const missed4 = await day.meeting(g1, c1, 'no_show', { slot: 4, table: 1 });
    const missed5 = await day.meeting(g3, c2, 'no_show', { slot: 5, table: 1 });
    const wanted = await day.meeting(g2, c1, 'accepted');
    // The waiting meeting is held by the test: both recoveries read it free, choose it and queue for it.
    const row = await holder();
    await row.query(`SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, [wanted]);
    const recover = (slot: number, freed: string) =>
      env.useCases.execute(RecoverCell, WORKER, {
        eventId: day.eventId,
        slotId: day.slots[slot],
        tableId: day.tables[1],
        freedMeetingId: freed,
      });
    const both = Promise.all([recover(4, missed4), recover(5, missed5)]);
    await untilWaiting(2);
    await row.commitTransaction();
    const [r4, r5] = await both;
    // One placed it; the other found it taken when it locked it, read again, and did something else.
    expect([r4, r5].filter((r) => r.proposal.resultMeetingId === wanted && r.proposal.proposal.kind !== 'move')).toHaveLength(1);
    const placed = await env.q(`SELECT slot_id, table_id, status FROM meetings WHERE id = $1`, [wanted]);
    expect(placed).toHaveLength(1);
    expect(placed[0].status).toBe('scheduled');
    expect([day.slots[4], day.slots[5]]).toContain(placed[0].slot_id);
    const twice = await env.q(
      `SELECT p, slot_id, count(*)::int AS n FROM (
         SELECT participant_a_id AS p, slot_id FROM meetings WHERE event_id = $1 AND status IN ('scheduled','checked_in','held')
         UNION ALL SELECT participant_b_id, slot_id FROM meetings WHERE event_id = $1 AND status IN ('scheduled','checked_in','held')
       ) x GROUP BY p, slot_id HAVING count(*) > 1`,
      [day.eventId],
    );
    expect(twice).toEqual([]);
  });
});
