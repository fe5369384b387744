import {
  FillScheduleDraft,
  GenerateSchedule,
  MoveMeeting,
  PublishScheduleVersion,
  RecordWalkIn,
  SetMeetingStatus,
  WORKER,
} from '@rueda/application';
import { loadEventScheduleInstance } from '@rueda/persistence';
import { solve } from '@rueda/scheduling';
import { ADMIN, seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * A schedule generated and published while the day is under way (the demo's second run, an
 * organiser re-planning at noon) starts from the live day, not from the published version:
 * meetings checked in or held keep their cells, live moves and walk-ins stay where they were
 * put, and nothing new lands in a slot that has begun.
 */
describe('re-planning a day in progress', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    // 09:45 in Guayaquil: slots 1–2 are over, slot 3 (09:40) under way, slots 4–6 ahead.
    env = await startUseCases('2026-11-25T14:45:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  const cellOf = async (id: string) =>
    (await env.q(`SELECT status, slot_id AS "slotId", table_id AS "tableId" FROM meetings WHERE id = $1`, [id]))[0];

  it('keeps the day as it is and places new meetings only in slots ahead', async () => {
    const day = await seedDay(env, { tables: 3 });
    const [g1, g2, g3, g4, g5, g6] = await Promise.all(
      ['0101', '0102', '0103', '0104', '0105', '0106'].map((x) => day.participant(x, 'gadm')),
    );
    const [c1, c2, c3, c4, c5, c6] = await Promise.all(
      ['JICA', 'GIZ', 'AECID', 'KOICA', 'CAF', 'BID'].map((x) => day.participant(x, 'cooperant')),
    );
    const held = await day.meeting(g1, c1, 'scheduled', { slot: 0, table: 0 });
    const checkedIn = await day.meeting(g2, c2, 'scheduled', { slot: 2, table: 0 });
    const moved = await day.meeting(g3, c3, 'scheduled', { slot: 3, table: 1 });
    const unmarked = await day.meeting(g4, c4, 'scheduled', { slot: 1, table: 1 });
    const fresh = await day.meeting(g1, c2, 'accepted');
    // The published version placed them as seeded.
    const [pub] = await env.q(
      `INSERT INTO schedule_versions (event_id, number, status, params, published_at) VALUES ($1, 1, 'published', '{}', now()) RETURNING id`,
      [day.eventId],
    );
    for (const [meeting, slot, table] of [
      [held, 0, 0],
      [checkedIn, 2, 0],
      [moved, 3, 1],
      [unmarked, 1, 1],
    ] as const)
      await env.q(`INSERT INTO schedule_assignments (schedule_version_id, meeting_id, slot_id, table_id) VALUES ($1, $2, $3, $4)`, [
        pub.id,
        meeting,
        day.slots[slot],
        day.tables[table],
      ]);

    // The day so far: one meeting held, one checked in, one moved, a walk-in in the cell the move left.
    await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: held, status: 'held' });
    await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: checkedIn, status: 'checked_in' });
    await env.useCases.execute(MoveMeeting, STAFF, {
      eventId: day.eventId,
      meetingId: moved,
      slotId: day.slots[4],
      tableId: day.tables[2],
    });
    const walkIn = await env.useCases.execute(RecordWalkIn, STAFF, {
      eventId: day.eventId,
      participantAId: g5,
      participantBId: c5,
      slotId: day.slots[3],
      tableId: day.tables[1],
    });
    const late = await day.meeting(g6, c6, 'accepted');

    // Now the organiser asks for a schedule that keeps what was announced; the job solves it.
    const v = await env.useCases.execute(GenerateSchedule, ADMIN, { eventId: day.eventId });
    const { instance } = await loadEventScheduleInstance(env.db.manager, day.eventId, { keepPublished: true, now: env.clock.now() });
    const pins = Object.fromEntries(instance.meetings.filter((m) => m.pinned).map((m) => [m.id, m.pinned]));
    expect(pins).toEqual({
      [held]: { slot: day.slots[0], table: day.tables[0] },
      [checkedIn]: { slot: day.slots[2], table: day.tables[0] },
      [moved]: { slot: day.slots[4], table: day.tables[2] },
      [unmarked]: { slot: day.slots[1], table: day.tables[1] },
      [walkIn.id]: { slot: day.slots[3], table: day.tables[1] },
    });
    const ahead = day.slots.slice(3);
    for (const id of [fresh, late]) expect(instance.meetings.find((m) => m.id === id)?.allowedSlots).toEqual(ahead);

    const schedule = await solve(instance, { seed: 1, budget: 1 });
    await env.useCases.execute(FillScheduleDraft, WORKER, { eventId: day.eventId, versionId: v.id, schedule });
    const published = await env.useCases.execute(PublishScheduleVersion, ADMIN, { eventId: day.eventId, versionId: v.id });
    expect(published).toMatchObject({ status: 'published', rebased: null });

    expect(await cellOf(held)).toEqual({ status: 'held', slotId: day.slots[0], tableId: day.tables[0] });
    expect(await cellOf(checkedIn)).toEqual({ status: 'checked_in', slotId: day.slots[2], tableId: day.tables[0] });
    expect(await cellOf(moved)).toEqual({ status: 'scheduled', slotId: day.slots[4], tableId: day.tables[2] });
    expect(await cellOf(walkIn.id)).toEqual({ status: 'scheduled', slotId: day.slots[3], tableId: day.tables[1] });
    expect(await cellOf(unmarked)).toEqual({ status: 'scheduled', slotId: day.slots[1], tableId: day.tables[1] });
    for (const id of [fresh, late]) {
      const c = await cellOf(id);
      expect(c.status).toBe('scheduled');
      expect(ahead).toContain(c.slotId);
    }
    const cells = await env.q(`SELECT slot_id, table_id FROM meetings WHERE event_id = $1 AND slot_id IS NOT NULL`, [day.eventId]);
    expect(new Set(cells.map((c: { slot_id: string; table_id: string }) => `${c.slot_id}/${c.table_id}`)).size).toBe(cells.length);
  });

  it('lets a first schedule use every slot (nothing was announced yet)', async () => {
    const day = await seedDay(env, { tables: 2 });
    const met = await day.meeting(await day.participant('0201', 'gadm'), await day.participant('CAF', 'cooperant'), 'accepted');
    const { instance } = await loadEventScheduleInstance(env.db.manager, day.eventId, { keepPublished: true, now: env.clock.now() });
    expect(instance.meetings).toEqual([{ id: met, participants: expect.any(Array), weight: expect.any(Number) }]);
  });
});
