import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Inject, Injectable, forwardRef } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { canTransition, MeetingStatus } from '@rueda/domain';
import { appendLive, DelegateEntity, LiveChange, MeetingEntity } from '@rueda/persistence';
import { LiveEmitter, LiveMeeting, LiveMessage, StaffMeetingStatusRequest } from '@rueda/realtime';
import { QUEUES, RecoveryJobData } from '@rueda/queues';
import { ApiError, notFound, versionConflict } from '../common/errors';

export const LIVE_EMITTER = Symbol('LIVE_EMITTER');

export const liveMeeting = (m: MeetingEntity): LiveMeeting => ({
  id: m.id, status: m.status, participantAId: m.participantAId, participantBId: m.participantBId, slotId: m.slotId, tableId: m.tableId, version: m.version,
});

export const meetingChange = (m: MeetingEntity, type: 'meeting.updated' | 'meeting.created' = 'meeting.updated', extraTables: string[] = []): LiveChange => ({
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
      changes.push({ type: 'delegate.checked_in', participants: [d.participantId], tables: [], payload: { participantId: d.participantId, delegateId: d.id, checkedInAt: d.checkedInAt.toISOString() } });
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
        throw new ApiError(HttpStatus.CONFLICT, 'invalid_transition', {
          es: `La reunión está «${mt.status}» y no puede pasar a «${status}»`,
          en: `The meeting is "${mt.status}" and cannot become "${status}"`,
        }, { current: liveMeeting(mt) });
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

  /** Queues the search for the best replacement of a freed table and slot. */
  async recover(eventId: string, slotId: string, tableId: string, freedMeetingId: string | null) {
    await this.queue.add('recover', { eventId, slotId, tableId, freedMeetingId, requestedAt: Date.now() }, { removeOnComplete: 1000, attempts: 2 });
  }
}
