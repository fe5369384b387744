import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Inject, Injectable, forwardRef } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { canTransition, MeetingStatus } from '@rueda/domain';
import { randomUUID } from 'node:crypto';
import {
  applyDelay,
  applyLeaveEarly,
  applyWalkIn,
  buildIndex,
  cellProblem,
  DelayRequest,
  LiveError,
  slotTiming,
  timingOptions,
} from '@rueda/live';
import {
  appendLive,
  DelegateEntity,
  LiveChange,
  lockLiveState,
  MeetingEntity,
  persistMeetingChanges,
  ProposalError,
  ReplacementProposalEntity,
  resolveProposal,
} from '@rueda/persistence';
import { LiveEmitter, LiveMeeting, LiveMessage, StaffMeetingStatusRequest } from '@rueda/realtime';
import { QUEUES, RecoveryJobData } from '@rueda/queues';
import { ApiError, notFound, versionConflict } from '../common/errors';

export const LIVE_EMITTER = Symbol('LIVE_EMITTER');

export const liveMeeting = (m: MeetingEntity): LiveMeeting => ({
  id: m.id,
  status: m.status,
  participantAId: m.participantAId,
  participantBId: m.participantBId,
  slotId: m.slotId,
  tableId: m.tableId,
  version: m.version,
});

export const meetingChange = (
  m: MeetingEntity,
  type: 'meeting.updated' | 'meeting.created' = 'meeting.updated',
  extraTables: string[] = [],
): LiveChange => ({
  type,
  participants: [m.participantAId, m.participantBId],
  tables: [...new Set([...(m.tableId ? [m.tableId] : []), ...extraTables])],
  payload: liveMeeting(m),
});

/**
 * The day's operations. Each one changes the database and appends its live messages in one
 * transaction, then pushes them to every affected client once committed.
 */
@Injectable()
export class LiveOpsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(forwardRef(() => LIVE_EMITTER)) private readonly emitter: LiveEmitter,
    @InjectQueue(QUEUES.live) private readonly queue: Queue<RecoveryJobData>,
  ) {}

  /** Runs `fn` in a transaction and emits the messages it appended after commit. */
  async withLive<T>(eventId: string, fn: (m: EntityManager, changes: LiveChange[]) => Promise<T>): Promise<T> {
    let messages: LiveMessage[] = [];
    const result = await this.db.transaction(async (m) => {
      const changes: LiveChange[] = [];
      const r = await fn(m, changes);
      messages = await appendLive(m, eventId, changes);
      return r;
    });
    this.emitter.emit(messages);
    return result;
  }

  /** Checking in twice is harmless: the first time stands. */
  async checkIn(eventId: string, delegateId: string) {
    return this.withLive(eventId, async (m, changes) => {
      const d = await m.getRepository(DelegateEntity).findOne({ where: { id: delegateId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw notFound('Delegado', delegateId);
      if (d.checkedInAt) return { delegate: d, alreadyCheckedIn: true };
      d.checkedInAt = new Date();
      const saved = await m.getRepository(DelegateEntity).save(d);
      changes.push({
        type: 'delegate.checked_in',
        participants: [d.participantId],
        tables: [],
        payload: { participantId: d.participantId, delegateId: d.id, checkedInAt: d.checkedInAt.toISOString() },
      });
      return { delegate: saved, alreadyCheckedIn: false };
    });
  }

  /** Table staff mark a meeting; a freed table starts the recovery job. */
  async setMeetingStatus(eventId: string, meetingId: string, status: MeetingStatus, version?: number) {
    const meeting = await this.withLive(eventId, async (m, changes) => {
      const mt = await m.getRepository(MeetingEntity).findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!mt) throw notFound('Reunión', meetingId);
      if (version !== undefined && mt.version !== version) throw versionConflict(liveMeeting(mt));
      if (mt.status === status) return mt;
      if (!canTransition(mt.status, status)) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'invalid_transition',
          {
            es: `La reunión está «${mt.status}» y no puede pasar a «${status}»`,
            en: `The meeting is "${mt.status}" and cannot become "${status}"`,
          },
          { current: liveMeeting(mt) },
        );
      }
      mt.status = status;
      const saved = await m.getRepository(MeetingEntity).save(mt);
      changes.push(meetingChange(saved));
      return saved;
    });
    if ((status === 'no_show' || status === 'cancelled') && meeting.slotId && meeting.tableId) {
      await this.recover(eventId, meeting.slotId, meeting.tableId, meeting.id);
    }
    return liveMeeting(meeting);
  }

  async setMeetingStatusFromSocket(req: StaffMeetingStatusRequest) {
    try {
      const [row] = await this.db.query(`SELECT event_id FROM meetings WHERE id = $1`, [req.meetingId]);
      if (!row) return { ok: false, status: 404, error: { es: 'Reunión no encontrada', en: 'Meeting not found' } };
      return { ok: true, meeting: await this.setMeetingStatus(row.event_id, req.meetingId, req.status, req.version) };
    } catch (e) {
      if (e instanceof ApiError) {
        const body = e.getResponse() as { messages: { es: string; en: string }; current?: LiveMeeting };
        return { ok: false, status: e.getStatus(), error: body.messages, meeting: body.current };
      }
      throw e;
    }
  }

  /** Delays one slot (cascading only as needed) or the rest of the day; every affected agenda is pushed. */
  async delay(eventId: string, req: DelayRequest) {
    return this.withLive(eventId, async (m, changes) => {
      const { state } = await lockLiveState(m, eventId);
      const result = this.domain(() => applyDelay(state, req));
      const before = new Map(state.slots.map((x) => [x.id, x.startsAt.getTime()]));
      const moved = result.slots.filter((x) => before.get(x.id) !== x.startsAt.getTime());
      for (const x of moved) await m.query(`UPDATE slots SET starts_at = $2, ends_at = $3 WHERE id = $1`, [x.id, x.startsAt, x.endsAt]);
      const movedIds = new Set(moved.map((x) => x.id));
      const touched = state.meetings.filter((x) => x.slotId && movedIds.has(x.slotId) && ['scheduled', 'checked_in'].includes(x.status));
      changes.push({
        type: 'slots.delayed',
        participants: [...new Set(touched.flatMap((x) => [x.a, x.b]))],
        tables: [],
        payload: {
          slots: moved.map((x) => ({ id: x.id, startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString() })),
          atRisk: result.atRisk,
        },
      });
      return { slots: moved, atRisk: result.atRisk };
    });
  }

  /** A meeting agreed on the spot: the earliest free table and slot for both, or why there is none. */
  async walkIn(eventId: string, req: { participantAId: string; participantBId: string; slotId?: string; tableId?: string }) {
    return this.withLive(eventId, async (m, changes) => {
      const { settings, state } = await lockLiveState(m, eventId);
      const r = applyWalkIn(
        state,
        { a: req.participantAId, b: req.participantBId, slotId: req.slotId, tableId: req.tableId },
        {
          newMeetingId: randomUUID(),
          protectMinutes: settings.protectMinutes,
        },
      );
      if (!r.ok) throw new ApiError(HttpStatus.CONFLICT, 'no_free_cell', r.reason, { details: r.details });
      const persisted = await persistMeetingChanges(m, eventId, r, 'walk_in');
      changes.push(...persisted.changes);
      return liveMeeting(persisted.meetings.find((x) => x.id === r.meeting.id)!);
    });
  }

  /** A participant leaves: its later meetings are cancelled and every freed table looks for a replacement. */
  async leave(eventId: string, participantId: string, at: Date) {
    const freed = await this.withLive(eventId, async (m, changes) => {
      const { state } = await lockLiveState(m, eventId);
      const r = this.domain(() => applyLeaveEarly(state, participantId, at));
      await m.query(`UPDATE participants SET left_at = $2 WHERE id = $1`, [participantId, at]);
      const persisted = await persistMeetingChanges(m, eventId, r);
      changes.push(...persisted.changes, {
        type: 'participant.left',
        participants: [participantId],
        tables: [],
        payload: { participantId, at: at.toISOString(), freedMeetingIds: r.freed.map((f) => f.meetingId) },
      });
      return r.freed;
    });
    for (const f of freed) await this.recover(eventId, f.slotId, f.tableId, f.meetingId);
    return { freed };
  }

  /** Moves a meeting to another table or slot if both people and the table are free there. */
  async move(eventId: string, meetingId: string, to: { slotId: string; tableId: string; version?: number }) {
    const r = await this.withLive(eventId, async (m, changes) => {
      const { settings, state } = await lockLiveState(m, eventId);
      const row = await m.getRepository(MeetingEntity).findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Reunión', meetingId);
      if (to.version !== undefined && row.version !== to.version) throw versionConflict(liveMeeting(row));
      if (!['scheduled', 'checked_in'].includes(row.status)) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'invalid_transition',
          { es: 'Solo se mueven reuniones agendadas', en: 'Only scheduled meetings can be moved' },
          { current: liveMeeting(row) },
        );
      }
      // Judge the target as if the meeting were not on the agenda yet.
      const without = { ...state, meetings: state.meetings.filter((x) => x.id !== meetingId) };
      const ix = buildIndex(without);
      const pos = ix.slotPos.get(to.slotId);
      if (pos === undefined) throw notFound('Franja', to.slotId);
      const timing = slotTiming(without.slots[pos], without.now, timingOptions({ protectMinutes: settings.protectMinutes }));
      const problem =
        timing === 'closed'
          ? { es: 'la franja ya terminó', en: 'the slot is over' }
          : cellProblem(ix, row.participantAId, row.participantBId, pos, to.tableId, { timing, addsMeeting: true });
      if (problem) throw new ApiError(HttpStatus.CONFLICT, 'cell_unavailable', problem, { current: liveMeeting(row) });
      const fromTable = row.tableId;
      const fromSlot = row.slotId;
      row.slotId = to.slotId;
      row.tableId = to.tableId;
      const saved = await m.getRepository(MeetingEntity).save(row);
      changes.push(meetingChange(saved, 'meeting.updated', fromTable ? [fromTable] : []));
      return { meeting: saved, freed: fromSlot && fromTable ? { slotId: fromSlot, tableId: fromTable } : null };
    });
    if (r.freed) await this.recover(eventId, r.freed.slotId, r.freed.tableId, null);
    return liveMeeting(r.meeting);
  }

  async proposals(eventId: string, status?: string) {
    return this.db
      .getRepository(ReplacementProposalEntity)
      .find({ where: { eventId, ...(status ? { status: status as never } : {}) }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async resolve(eventId: string, proposalId: string, accept: boolean) {
    return this.withLive(eventId, async (m, changes) => {
      try {
        const r = await resolveProposal(m, eventId, proposalId, accept);
        changes.push(...r.changes);
        return r.proposal;
      } catch (e) {
        if (e instanceof ProposalError) throw new ApiError(e.status, e.status === 404 ? 'not_found' : 'conflict', { es: e.es, en: e.en });
        throw e;
      }
    });
  }

  /** libs/live refuses impossible requests with a bilingual reason: a 409 for the caller. */
  private domain<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof LiveError) throw new ApiError(HttpStatus.CONFLICT, 'not_possible', e.reason);
      throw e;
    }
  }

  /** Queues the search for the best replacement of a freed table and slot. */
  async recover(eventId: string, slotId: string, tableId: string, freedMeetingId: string | null) {
    await this.queue.add(
      'recover',
      { eventId, slotId, tableId, freedMeetingId, requestedAt: Date.now() },
      { removeOnComplete: 1000, attempts: 2 },
    );
  }
}
