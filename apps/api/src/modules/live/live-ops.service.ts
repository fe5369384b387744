import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '@rueda/application';
import { liveMeeting, meetingChange } from '@rueda/application';
import { conflict, DomainError, formatLocal, NOUNS, notFound, readCheckInCode, versionConflict } from '@rueda/domain';
import { randomUUID } from 'node:crypto';
import { applyDelay, applyLeaveEarly, applyWalkIn, buildIndex, cellProblem, DelayRequest, slotTiming, timingOptions } from '@rueda/live';
import {
  appendLive,
  DelegateEntity,
  EventEntity,
  ParticipantEntity,
  LiveChange,
  lockLiveState,
  missedLive,
  currentLiveSeq,
  TableEntity,
  MeetingEntity,
  persistMeetingChanges,
  ReplacementProposalEntity,
  resolveProposal,
  TypeOrmStatusChangeRepository,
} from '@rueda/persistence';
import type { LiveMessage } from '@rueda/realtime';
import { QUEUES, RecoveryJobData } from '@rueda/queues';
import { CLOCK } from '../../platform/application.module';
import { InstallSecrets } from '../../platform/install-secrets';
import { LiveBroadcaster } from '../../platform/live-broadcaster';

/**
 * The day's operations. Each one changes the database and appends its live messages in one
 * transaction, then pushes them to every affected client once committed.
 */
@Injectable()
export class LiveOpsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly emitter: LiveBroadcaster,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectQueue(QUEUES.live) private readonly queue: Queue<RecoveryJobData>,
    private readonly secrets: InstallSecrets,
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

  /** A meeting's audit trail of status changes, newest first. */
  statusHistory(eventId: string, meetingId: string) {
    return new TypeOrmStatusChangeRepository(this.db.manager).history(eventId, meetingId);
  }

  /** Checking in twice is harmless: the first time stands. */
  async checkIn(eventId: string, delegateId: string) {
    return this.withLive(eventId, async (m, changes) => {
      const d = await m.getRepository(DelegateEntity).findOne({ where: { id: delegateId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw notFound(NOUNS.delegate, delegateId);
      if (d.checkedInAt) return { delegate: d, alreadyCheckedIn: true };
      d.checkedInAt = this.clock.now();
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

  /**
   * A check-in QR code scanned at the entrance or a table: its delegate is checked in (a second
   * scan changes nothing and says so); a forged, foreign or expired code checks nobody in.
   */
  async checkInByCode(eventId: string, code: string) {
    const read = readCheckInCode(await this.secrets.checkInKey(), eventId, code, this.clock.now());
    if (!read.ok && read.reason === 'expired') {
      const event = await this.db.getRepository(EventEntity).findOneBy({ id: eventId });
      const [day, hm] = formatLocal(read.expiresAt, event?.timeZone ?? 'America/Guayaquil').split('T');
      const when = `${day.split('-').reverse().join('/')} ${hm.slice(0, 5)}`;
      throw new DomainError(
        'gone',
        'checkin_code_expired',
        {
          es: `Este código QR caducó el ${when}: pida al delegado que abra su agenda de nuevo. No se registró a nadie.`,
          en: `This QR code expired on ${when}: ask the delegate to open their agenda again. Nobody was checked in.`,
        },
        { details: { expiresAt: read.expiresAt.toISOString() } },
      );
    }
    const delegate = read.ok ? await this.db.getRepository(DelegateEntity).findOneBy({ id: read.delegateId, eventId }) : null;
    if (!delegate) {
      const es = 'Este código QR no es un código de llegada de esta Jornada (o fue alterado). No se registró a nadie.';
      const en = 'This QR code is not a check-in code of this event (or it was altered). Nobody was checked in.';
      throw new DomainError('invalid', 'checkin_code_invalid', { es, en }, { fields: [{ path: 'code', es, en }] });
    }
    const participant = await this.db.getRepository(ParticipantEntity).findOneByOrFail({ id: delegate.participantId });
    const r = await this.checkIn(eventId, delegate.id);
    return { ...r, participant: { id: participant.id, name: participant.name } };
  }

  /** Delays one slot (cascading only as needed) or the rest of the day; every affected agenda is pushed. */
  async delay(eventId: string, req: DelayRequest) {
    return this.withLive(eventId, async (m, changes) => {
      const { state } = await lockLiveState(m, eventId);
      const result = applyDelay(state, req);
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
      if (!r.ok) throw conflict('no_free_cell', r.reason, { details: r.details });
      const persisted = await persistMeetingChanges(m, eventId, r, 'walk_in');
      changes.push(...persisted.changes);
      return liveMeeting(persisted.meetings.find((x) => x.id === r.meeting.id)!);
    });
  }

  /** A participant leaves: its later meetings are cancelled and every freed table looks for a replacement. */
  async leave(eventId: string, participantId: string, when?: Date) {
    const at = when ?? this.clock.now();
    const freed = await this.withLive(eventId, async (m, changes) => {
      const { state } = await lockLiveState(m, eventId);
      const r = applyLeaveEarly(state, participantId, at);
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
      if (!row) throw notFound(NOUNS.meeting, meetingId);
      if (to.version !== undefined && row.version !== to.version) throw versionConflict(liveMeeting(row));
      if (!['scheduled', 'checked_in'].includes(row.status)) {
        throw conflict(
          'invalid_transition',
          { es: 'Solo se mueven reuniones agendadas', en: 'Only scheduled meetings can be moved' },
          { current: liveMeeting(row) },
        );
      }
      // Judge the target as if the meeting were not on the agenda yet.
      const without = { ...state, meetings: state.meetings.filter((x) => x.id !== meetingId) };
      const ix = buildIndex(without);
      const pos = ix.slotPos.get(to.slotId);
      if (pos === undefined) throw notFound(NOUNS.slot, to.slotId);
      const timing = slotTiming(without.slots[pos], without.now, timingOptions({ protectMinutes: settings.protectMinutes }));
      const problem =
        timing === 'closed'
          ? { es: 'la franja ya terminó', en: 'the slot is over' }
          : cellProblem(ix, row.participantAId, row.participantBId, pos, to.tableId, { timing, addsMeeting: true });
      if (problem) throw conflict('cell_unavailable', problem, { current: liveMeeting(row) });
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

  /** A table of the event, or not_found: staff follow one table's feed. */
  async tableOf(eventId: string, tableId: string) {
    const table = await this.db.getRepository(TableEntity).findOneBy({ id: tableId, eventId });
    if (!table) throw notFound(NOUNS.table, tableId);
    return table;
  }

  /** What a subscriber missed after `lastSeq`, limited to what it may see, with the newest sequence number. */
  async replay(eventId: string, lastSeq: number, scope: { participantId?: string; tableId?: string }) {
    const [seq, missed] = await Promise.all([
      currentLiveSeq(this.db.manager, eventId),
      missedLive(this.db.manager, eventId, lastSeq, scope),
    ]);
    return { seq, missed };
  }

  /** The event's live log after a sequence number (organisers see everything). */
  log(eventId: string, after: number) {
    return missedLive(this.db.manager, eventId, after, {});
  }

  async proposals(eventId: string, status?: string) {
    return this.db
      .getRepository(ReplacementProposalEntity)
      .find({ where: { eventId, ...(status ? { status: status as never } : {}) }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async resolve(eventId: string, proposalId: string, accept: boolean) {
    return this.withLive(eventId, async (m, changes) => {
      const r = await resolveProposal(m, eventId, proposalId, accept);
      changes.push(...r.changes);
      return r.proposal;
    });
  }

  /** Queues the search for the best replacement of a freed table and slot. */
  async recover(eventId: string, slotId: string, tableId: string, freedMeetingId: string | null) {
    await this.queue.add(
      'recover',
      { eventId, slotId, tableId, freedMeetingId, requestedAt: this.clock.now().getTime() },
      { removeOnComplete: 1000, attempts: 2 },
    );
  }
}
