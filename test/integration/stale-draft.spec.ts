import { GenerateSchedule, MoveMeeting, PublishScheduleVersion, RecordWalkIn, SetMeetingStatus } from '@rueda/application';
import { DomainError } from '@rueda/domain';
import { ADMIN, seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';

/** Issue 10 item 1: publishing a draft made before live changes must not undo them. */
describe('a stale draft never undoes the day', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    // 09:05 in Guayaquil: the first slot is under way, the rest ahead.
    env = await startUseCases('2026-11-25T14:05:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function dayWithDraft() {
    const day = await seedDay(env, { tables: 3 });
    const [g1, g2, g3, w1] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('0103', 'gadm'),
      await day.participant('0104', 'gadm'),
    ];
    const [c1, c2, c3, wc] = [
      await day.participant('JICA', 'cooperant'),
      await day.participant('GIZ', 'cooperant'),
      await day.participant('AECID', 'cooperant'),
      await day.participant('KOICA', 'cooperant'),
    ];
    const m1 = await day.meeting(g1, c1, 'scheduled', { slot: 1, table: 0 });
    const m2 = await day.meeting(g2, c2, 'scheduled', { slot: 2, table: 0 });
    const m3 = await day.meeting(g3, c3, 'accepted');
    // The draft is asked for now; its job placed m3 at slot 3, table 2 (Mesa 2), and kept the rest.
    const v = await env.useCases.execute(GenerateSchedule, ADMIN, { eventId: day.eventId });
    await env.q(`UPDATE schedule_versions SET status = 'draft' WHERE id = $1`, [v.id]);
    for (const [meeting, slot, table] of [
      [m1, 1, 0],
      [m2, 2, 0],
      [m3, 3, 1],
    ] as const)
      await env.q(`INSERT INTO schedule_assignments (schedule_version_id, meeting_id, slot_id, table_id) VALUES ($1, $2, $3, $4)`, [
        v.id,
        meeting,
        day.slots[slot],
        day.tables[table],
      ]);
    return { day, versionId: v.id as string, m1, m2, m3, w1, wc };
  }

  const cellOf = async (id: string) =>
    (await env.q(`SELECT status, slot_id AS "slotId", table_id AS "tableId" FROM meetings WHERE id = $1`, [id]))[0];

  it('refuses to publish after a walk-in and a move (409 naming both), and a rebase keeps them and lists the conflict', async () => {
    const { day, versionId, m1, m2, m3, w1, wc } = await dayWithDraft();
    // After the draft: m1 checked in (the draft agrees: publishing leaves it), a walk-in in the
    // cell the draft gives m3, and m2 moved to slot 4, table 3.
    await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: m1, status: 'checked_in' });
    const walkIn = await env.useCases.execute(RecordWalkIn, STAFF, {
      eventId: day.eventId,
      participantAId: w1,
      participantBId: wc,
      slotId: day.slots[3],
      tableId: day.tables[1],
    });
    await env.useCases.execute(MoveMeeting, STAFF, { eventId: day.eventId, meetingId: m2, slotId: day.slots[4], tableId: day.tables[2] });

    let refusal: DomainError | undefined;
    await env.useCases.execute(PublishScheduleVersion, ADMIN, { eventId: day.eventId, versionId }).catch((e) => (refusal = e));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      kind: 'conflict',
      code: 'stale_draft',
      es: expect.stringContaining('2 cambios en vivo'),
      en: expect.stringContaining('2 live changes were made'),
    });
    const changes = (refusal!.details as { changes: unknown[] }).changes;
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        { meetingId: walkIn.id, live: { slotId: day.slots[3], tableId: day.tables[1] }, draft: null },
        { meetingId: m2, live: { slotId: day.slots[4], tableId: day.tables[2] }, draft: { slotId: day.slots[2], tableId: day.tables[0] } },
      ]),
    );
    // Nothing was written: the day is as the live changes left it, the draft still a draft.
    expect(await cellOf(walkIn.id)).toEqual({ status: 'scheduled', slotId: day.slots[3], tableId: day.tables[1] });
    expect((await env.q(`SELECT status FROM schedule_versions WHERE id = $1`, [versionId]))[0].status).toBe('draft');

    const published = await env.useCases.execute(PublishScheduleVersion, ADMIN, { eventId: day.eventId, versionId, rebase: true });
    expect(published.status).toBe('published');
    expect(published.rebased?.kept.map((k) => k.meetingId).sort()).toEqual([walkIn.id, m2].sort());
    expect(published.rebased?.conflicts).toEqual([
      { meetingId: m3, draft: { slotId: day.slots[3], tableId: day.tables[1] }, heldBy: walkIn.id },
    ]);
    // The walk-in keeps its cell, the move its target, the checked-in meeting its state; m3 waits.
    expect(await cellOf(walkIn.id)).toEqual({ status: 'scheduled', slotId: day.slots[3], tableId: day.tables[1] });
    expect(await cellOf(m2)).toEqual({ status: 'scheduled', slotId: day.slots[4], tableId: day.tables[2] });
    expect(await cellOf(m1)).toEqual({ status: 'checked_in', slotId: day.slots[1], tableId: day.tables[0] });
    expect(await cellOf(m3)).toEqual({ status: 'accepted', slotId: null, tableId: null });
  });

  it('publishes a draft as it is when the live changes after it are ones it agrees with', async () => {
    const { day, versionId, m1, m3 } = await dayWithDraft();
    await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: m1, status: 'checked_in' });
    const published = await env.useCases.execute(PublishScheduleVersion, ADMIN, { eventId: day.eventId, versionId });
    expect(published).toMatchObject({ status: 'published', rebased: null });
    expect(await cellOf(m3)).toEqual({ status: 'scheduled', slotId: day.slots[3], tableId: day.tables[1] });
    expect(await cellOf(m1)).toEqual({ status: 'checked_in', slotId: day.slots[1], tableId: day.tables[0] });
  });
});
