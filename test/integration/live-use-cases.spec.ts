import {
  CheckInDelegate,
  EditDraftAssignment,
  MoveMeeting,
  PublishScheduleVersion,
  RecoverCell,
  ResolveProposal,
  SetMeetingStatus,
  UndoMeetingStatus,
  WORKER,
} from '@rueda/application';
import { ADMIN, seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';
import { refusal as rejection } from '../support/refusals';

/** The use cases of the day against the real PostgreSQL: one transaction each, the log written with them, effects after commit. */
describe('live use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    // 09:05 in Guayaquil: the first slot is under way, the rest ahead.
    env = await startUseCases('2026-11-25T14:05:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a no-show is saved with its log message and queues the recovery of its cell after commit', async () => {
    const day = await seedDay(env);
    const [g, c] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    const m = await day.meeting(g, c, 'scheduled', { slot: 3, table: 0 });
    const res = await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: m, status: 'no_show', version: 1 });
    expect(res).toEqual({
      id: m,
      status: 'no_show',
      participantAId: g,
      participantBId: c,
      slotId: day.slots[3],
      tableId: day.tables[0],
      version: 2,
      // The table may take the mark back for a minute.
      change: { id: expect.any(String), at: '2026-11-25T14:05:00.000Z', undoUntil: '2026-11-25T14:06:00.000Z' },
    });
    const { change: _change, ...meeting } = res;
    const batch = env.last();
    expect(batch.messages).toEqual([
      {
        eventId: day.eventId,
        seq: 1,
        type: 'meeting.updated',
        at: '2026-11-25T14:05:00.000Z',
        participants: [g, c],
        tables: [day.tables[0]],
        payload: meeting,
        // The first message of the board, of both participants and of the table: nothing before it.
        prevs: { b: 0, p: { [g]: 0, [c]: 0 }, t: { [day.tables[0]]: 0 } },
      },
    ]);
    expect(batch.jobs).toEqual([
      {
        outboxId: expect.any(String),
        jobId: batch.jobs[0]?.outboxId,
        queue: 'live',
        name: 'recover',
        data: {
          eventId: day.eventId,
          slotId: day.slots[3],
          tableId: day.tables[0],
          freedMeetingId: m,
          requestedAt: Date.parse('2026-11-25T14:05:00Z'),
        },
        options: { removeOnComplete: 1000, attempts: 2 },
      },
    ]);
    // The message and the job were written in the same transaction: the log and the outbox have them.
    const log = await env.q(`SELECT seq, type FROM live_messages WHERE event_id = $1`, [day.eventId]);
    expect(log).toEqual([{ seq: '1', type: 'meeting.updated' }]);
    const outbox = await env.q(`SELECT id, queue, name, job_id, dispatched_at FROM outbox_jobs`);
    expect(outbox).toEqual([
      { id: batch.jobs[0].outboxId, queue: 'live', name: 'recover', job_id: batch.jobs[0].outboxId, dispatched_at: null },
    ]);
    // A stale version is refused with the current meeting, and nothing is written or delivered.
    const count = env.delivered.length;
    const stale = await rejection(
      env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: m, status: 'held', version: 1 }),
    );
    expect(stale).toMatchObject({
      kind: 'conflict',
      code: 'version_conflict',
      details: { current: { id: m, status: 'no_show', version: 2 } },
    });
    expect(env.delivered.length).toBe(count);
  });

  it('recovering a freed cell places the best waiting meeting in automatic mode and says so in the log', async () => {
    const day = await seedDay(env);
    const [g1, g2, c] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('CAF', 'cooperant'),
    ];
    for (const p of [g1, g2, c]) await day.checkIn(p);
    const missed = await day.meeting(g1, c, 'no_show', { slot: 3, table: 1 });
    const waiting = await day.meeting(g2, c, 'accepted');
    const r = await env.useCases.execute(RecoverCell, WORKER, {
      eventId: day.eventId,
      slotId: day.slots[3],
      tableId: day.tables[1],
      freedMeetingId: missed,
    });
    expect(r).toMatchObject({ applied: true, proposal: { status: 'applied', mode: 'automatic', resultMeetingId: waiting } });
    const [row] = await env.q(`SELECT status, slot_id, table_id, version FROM meetings WHERE id = $1`, [waiting]);
    expect(row).toEqual({ status: 'scheduled', slot_id: day.slots[3], table_id: day.tables[1], version: 2 });
    expect(env.last().messages.map((x) => x.type)).toEqual(['meeting.updated', 'replacement.proposed']);
    // Only the system runs it: an organiser's HTTP call cannot.
    await expect(
      env.useCases.execute(RecoverCell, STAFF, {
        eventId: day.eventId,
        slotId: day.slots[3],
        tableId: day.tables[1],
        freedMeetingId: null,
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('in confirm-first mode the proposal waits; accepting applies it, accepting twice is refused', async () => {
    const day = await seedDay(env, { settings: { recoveryMode: 'confirm' } });
    const [g1, g2, c] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('CAF', 'cooperant'),
    ];
    for (const p of [g1, g2, c]) await day.checkIn(p);
    const missed = await day.meeting(g1, c, 'no_show', { slot: 4, table: 0 });
    const waiting = await day.meeting(g2, c, 'accepted');
    const r = await env.useCases.execute(RecoverCell, WORKER, {
      eventId: day.eventId,
      slotId: day.slots[4],
      tableId: day.tables[0],
      freedMeetingId: missed,
    });
    expect(r).toMatchObject({ applied: false, proposal: { status: 'proposed', mode: 'confirm', resultMeetingId: null } });
    const accepted = await env.useCases.execute(ResolveProposal, STAFF, { eventId: day.eventId, proposalId: r.proposal.id, accept: true });
    expect(accepted).toMatchObject({ status: 'applied', resultMeetingId: waiting, resolvedAt: new Date('2026-11-25T14:05:00Z') });
    expect(env.last().messages.map((x) => x.type)).toEqual(['meeting.updated', 'replacement.resolved']);
    const again = await rejection(
      env.useCases.execute(ResolveProposal, STAFF, { eventId: day.eventId, proposalId: r.proposal.id, accept: false }),
    );
    expect(again).toMatchObject({ kind: 'conflict', code: 'proposal_resolved', es: 'La propuesta ya está «applied»' });
  });

  it('a mark writes only what it changes: the meeting keeps its other columns to the microsecond', async () => {
    const day = await seedDay(env);
    const [g, c] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    const m = await day.meeting(g, c, 'scheduled', { slot: 3, table: 2 });
    await env.q(`UPDATE meetings SET responded_at = '2026-11-20T10:00:00.123456Z', weight = 0.7 WHERE id = $1`, [m]);
    const columns = `SELECT status, version, responded_at::text AS responded, weight FROM meetings WHERE id = $1`;
    const [before] = await env.q(columns, [m]);
    await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: m, status: 'checked_in' });
    expect((await env.q(columns, [m]))[0]).toEqual({ ...before, status: 'checked_in', version: before.version + 1 });
  });

  it('a recovery request delivered twice is answered once; a newer request for the cell supersedes the open proposal', async () => {
    const day = await seedDay(env, { settings: { recoveryMode: 'confirm' } });
    const [g1, g2, c] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('CAF', 'cooperant'),
    ];
    for (const p of [g1, g2, c]) await day.checkIn(p);
    const missed = await day.meeting(g1, c, 'no_show', { slot: 4, table: 2 });
    await day.meeting(g2, c, 'accepted');
    const recover = (requestId: string) =>
      env.useCases.execute(RecoverCell, WORKER, {
        eventId: day.eventId,
        slotId: day.slots[4],
        tableId: day.tables[2],
        freedMeetingId: missed,
        requestId,
      });
    const first = await recover('job-a');
    expect(first).toMatchObject({ applied: false, proposal: { status: 'proposed', requestId: 'job-a' } });
    // The same job again: the first answer, and the open proposal stays open.
    const again = await recover('job-a');
    expect(again).toEqual({ proposal: first.proposal, applied: false, repeated: true });
    const status = async (id: string) => (await env.q(`SELECT status FROM replacement_proposals WHERE id = $1`, [id]))[0].status;
    expect(await status(first.proposal.id)).toBe('proposed');
    // Another job for the cell: the open proposal is expired, a new one waits.
    const newer = await recover('job-b');
    expect(newer).toMatchObject({ applied: false, proposal: { status: 'proposed', requestId: 'job-b' } });
    expect(newer.proposal.id).not.toBe(first.proposal.id);
    expect(await status(first.proposal.id)).toBe('expired');
  });

  it('undoing a no-show withdraws the open proposal for its cell and says so once, by its id', async () => {
    const day = await seedDay(env, { settings: { recoveryMode: 'confirm' } });
    const [g1, g2, c] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('CAF', 'cooperant'),
    ];
    for (const p of [g1, g2, c]) await day.checkIn(p);
    const m = await day.meeting(g1, c, 'scheduled', { slot: 4, table: 0 });
    await day.meeting(g2, c, 'accepted');
    const mark = await env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: m, status: 'no_show' });
    const r = await env.useCases.execute(RecoverCell, WORKER, {
      eventId: day.eventId,
      slotId: day.slots[4],
      tableId: day.tables[0],
      freedMeetingId: m,
    });
    expect(r).toMatchObject({ applied: false, proposal: { status: 'proposed' } });
    await env.useCases.execute(UndoMeetingStatus, STAFF, { eventId: day.eventId, meetingId: m, changeId: mark.change!.id });
    // The undo took the cell back: the waiting proposal for it is withdrawn, and only that one is announced.
    expect(env.last().messages.map((x) => [x.type, x.payload])).toEqual([
      ['replacement.resolved', { proposalId: r.proposal.id, accepted: false }],
      ['meeting.updated', expect.objectContaining({ id: m, status: 'scheduled' })],
    ]);
    const [row] = await env.q(`SELECT status FROM replacement_proposals WHERE id = $1`, [r.proposal.id]);
    expect(row).toEqual({ status: 'expired' });
  });

  it('moving a meeting onto a taken table is refused with the reason; onto a free one it moves and frees its old cell', async () => {
    const day = await seedDay(env);
    const [g1, g2, c1, c2] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('JICA', 'cooperant'),
      await day.participant('CAF', 'cooperant'),
    ];
    const a = await day.meeting(g1, c1, 'scheduled', { slot: 3, table: 0 });
    await day.meeting(g2, c2, 'scheduled', { slot: 3, table: 1 });
    const taken = await rejection(
      env.useCases.execute(MoveMeeting, STAFF, { eventId: day.eventId, meetingId: a, slotId: day.slots[3], tableId: day.tables[1] }),
    );
    expect(taken).toMatchObject({ kind: 'conflict', code: 'cell_unavailable', details: { current: { id: a, tableId: day.tables[0] } } });
    const moved = await env.useCases.execute(MoveMeeting, STAFF, {
      eventId: day.eventId,
      meetingId: a,
      slotId: day.slots[4],
      tableId: day.tables[2],
    });
    expect(moved).toMatchObject({ id: a, slotId: day.slots[4], tableId: day.tables[2], version: 2 });
    expect(env.last().messages[0]).toMatchObject({ type: 'meeting.updated', tables: [day.tables[2], day.tables[0]] });
    expect(env.last().jobs[0].data).toMatchObject({ slotId: day.slots[3], tableId: day.tables[0], freedMeetingId: null });
  });

  it('checking in twice keeps the first time', async () => {
    const day = await seedDay(env);
    const p = await day.participant('0101', 'gadm');
    const [d] = await env.q(
      `INSERT INTO delegates (event_id, participant_id, external_id, full_name, version) VALUES ($1, $2, 'D1', 'Ana', 1) RETURNING id`,
      [day.eventId, p],
    );
    const first = await env.useCases.execute(CheckInDelegate, STAFF, { eventId: day.eventId, delegateId: d.id });
    env.clock.advance(60_000);
    const second = await env.useCases.execute(CheckInDelegate, STAFF, { eventId: day.eventId, delegateId: d.id });
    expect(first).toMatchObject({ alreadyCheckedIn: false, delegate: { checkedInAt: new Date('2026-11-25T14:05:00Z') } });
    expect(second).toMatchObject({ alreadyCheckedIn: true, delegate: { checkedInAt: new Date('2026-11-25T14:05:00Z') } });
    env.clock.set('2026-11-25T14:05:00Z');
  });
});

describe('schedule use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    // The day before: every slot ahead.
    env = await startUseCases('2026-11-24T12:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function draft() {
    const day = await seedDay(env, { tables: 2 });
    const [g1, g2, c1, c2] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('JICA', 'cooperant'),
      await day.participant('CAF', 'cooperant'),
    ];
    const m1 = await day.meeting(g1, c1, 'accepted');
    const m2 = await day.meeting(g2, c2, 'accepted');
    const m3 = await day.meeting(g1, c2, 'accepted');
    const [v] = await env.q(
      `INSERT INTO schedule_versions (event_id, number, status, stats, unscheduled) VALUES ($1, 1, 'draft', '{"weight": 3}', $2) RETURNING id`,
      [day.eventId, JSON.stringify([{ meeting: m3, reason: 'x' }])],
    );
    for (const [meeting, slot, table] of [
      [m1, 0, 0],
      [m2, 0, 1],
    ] as const) {
      await env.q(`INSERT INTO schedule_assignments (schedule_version_id, meeting_id, slot_id, table_id) VALUES ($1, $2, $3, $4)`, [
        v.id,
        meeting,
        day.slots[slot],
        day.tables[table],
      ]);
    }
    return { ...day, versionId: v.id as string, m1, m2, m3 };
  }

  it('a draft edit onto a taken cell is refused with the reason; a valid one moves the meeting and re-measures the figures', async () => {
    const d = await draft();
    const taken = await rejection(
      env.useCases.execute(EditDraftAssignment, ADMIN, {
        eventId: d.eventId,
        versionId: d.versionId,
        meetingId: d.m3,
        to: { slotId: d.slots[0], tableId: d.tables[0] },
      }),
    );
    expect(taken).toMatchObject({ kind: 'conflict', code: 'cell_unavailable' });
    const v = await env.useCases.execute(EditDraftAssignment, ADMIN, {
      eventId: d.eventId,
      versionId: d.versionId,
      meetingId: d.m3,
      to: { slotId: d.slots[1], tableId: d.tables[0] },
    });
    expect(v.unscheduled).toEqual([]);
    expect(v.stats).toMatchObject({ scheduled: 3, editedByHand: true });
    const removed = await env.useCases.execute(EditDraftAssignment, ADMIN, {
      eventId: d.eventId,
      versionId: d.versionId,
      meetingId: d.m2,
      to: null,
    });
    expect(removed.unscheduled).toEqual([{ meeting: d.m2, reason: 'retirada por la organización / removed by the organisers' }]);
    expect(removed.stats).toMatchObject({ scheduled: 2 });
    // Staff read drafts; only admins change them.
    await expect(
      env.useCases.execute(EditDraftAssignment, STAFF, { eventId: d.eventId, versionId: d.versionId, meetingId: d.m2, to: null }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('publishing places the draft, sends one event-wide message, and a second publish is refused', async () => {
    const d = await draft();
    const v = await env.useCases.execute(PublishScheduleVersion, ADMIN, { eventId: d.eventId, versionId: d.versionId });
    expect(v).toMatchObject({ status: 'published', publishedAt: new Date('2026-11-24T12:00:00Z') });
    const rows = await env.q(`SELECT id, status, slot_id, table_id FROM meetings WHERE event_id = $1 ORDER BY id`, [d.eventId]);
    expect(rows.find((r: { id: string }) => r.id === d.m1)).toEqual({
      id: d.m1,
      status: 'scheduled',
      slot_id: d.slots[0],
      table_id: d.tables[0],
    });
    expect(rows.find((r: { id: string }) => r.id === d.m3)).toMatchObject({ status: 'accepted', slot_id: null });
    expect(env.last().messages).toEqual([
      expect.objectContaining({ type: 'schedule.published', participants: [], tables: [], payload: { versionId: d.versionId, number: 1 } }),
    ]);
    const again = await rejection(env.useCases.execute(PublishScheduleVersion, ADMIN, { eventId: d.eventId, versionId: d.versionId }));
    expect(again).toMatchObject({ kind: 'conflict', code: 'not_draft', en: 'Only a draft can be published (this version is "published")' });
  });
});
