import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type Clock, type Dispatcher, meetingChange } from '@rueda/application';
import {
  appendLive,
  EventEntity,
  expireRequests,
  LATEST_DONE_RUN,
  MeetingEntity,
  ParticipantEntity,
  SlotEntity,
  UnavailabilityEntity,
  lockEventExclusive,
} from '@rueda/persistence';
import { windowLeavesNoSlot } from '@rueda/formats';
import type { LiveMessage } from '@rueda/realtime';
import { CLOCK, DISPATCHER } from '../../platform/application.module';
import {
  canTransition,
  conflict,
  forbidden,
  invalidField,
  LIVE_STATUSES,
  MeetingStatus,
  meetingWeight,
  notFound,
  NOUNS,
  sqlIn,
  versionConflict,
} from '@rueda/domain';

export const DEFAULT_REQUEST_EXPIRY_HOURS = 72;
export const DEFAULT_MAX_OPEN_REQUESTS = 20;

export interface RequestInput {
  counterpartId: string;
  demandId?: string | null;
  offerId?: string | null;
  note?: string;
  allowedSlotIds?: string[];
}

/** The whole event is locked first, as every event-wide live operation does, so the change log stays in commit order without deadlocks. */
async function lockEvent(m: EntityManager, eventId: string): Promise<EventEntity | null> {
  await lockEventExclusive(m, eventId);
  return m.getRepository(EventEntity).findOne({ where: { id: eventId } });
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs a meeting change in one transaction that also appends it to the event's change log
   * (read by live pages and by the notification pipeline), then pushes it once committed.
   */
  private async logged(
    eventId: string,
    fn: (m: EntityManager, event: EventEntity) => Promise<{ meeting: MeetingEntity; created: boolean }>,
  ): Promise<MeetingEntity> {
    let messages: LiveMessage[] = [];
    const meeting = await this.db.transaction(async (m) => {
      const event = await lockEvent(m, eventId);
      if (!event) throw notFound(NOUNS.event, eventId);
      const { meeting: saved, created } = await fn(m, event);
      messages = await appendLive(m, eventId, [meetingChange(saved, created ? 'meeting.created' : 'meeting.updated')], this.clock.now());
      return saved;
    });
    this.dispatcher.dispatch({ messages, jobs: [] });
    return meeting;
  }

  /**
   * A participant asks another for a meeting. Races are settled by the database: the
   * requester's row is locked while open requests are counted, and the unique index on live
   * pairs refuses a second meeting between the same two participants. If the counterpart had
   * already asked us, that request is accepted as mutual instead.
   */
  async request(
    eventId: string,
    requesterId: string,
    input: RequestInput,
    origin: 'request' | 'organiser' = 'request',
  ): Promise<MeetingEntity> {
    return this.logged(eventId, async (m, event) => {
      const requester = await m
        .getRepository(ParticipantEntity)
        .findOne({ where: { id: requesterId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!requester) throw notFound(NOUNS.participant, requesterId);
      if (input.counterpartId === requesterId) throw invalidField('counterpartId', 'no puede reunirse consigo mismo', 'cannot meet itself');
      const counterpart = await m.getRepository(ParticipantEntity).findOneBy({ id: input.counterpartId, eventId });
      if (!counterpart) throw invalidField('counterpartId', 'participante desconocido en este evento', 'unknown participant in this event');
      if (origin === 'request' && counterpart.kind === requester.kind) {
        throw invalidField(
          'counterpartId',
          'las reuniones son entre un GADM y un cooperante',
          'meetings are between a GADM and a cooperant',
        );
      }
      await this.checkTopics(m, eventId, requester, counterpart, input);
      await this.checkWindow(m, eventId, [requester.id, counterpart.id], input.allowedSlotIds);
      await this.expire(m, eventId);
      const live = await this.livePair(m, eventId, requesterId, input.counterpartId);
      if (live) {
        if (live.status === 'requested' && live.participantAId === input.counterpartId) {
          return { meeting: await this.accept(m, live, { mutual: true }), created: false };
        }
        throw conflict(
          'duplicate',
          {
            es: 'Ya existe una reunión o solicitud abierta con este participante',
            en: 'A meeting or open request with this participant already exists',
          },
          { current: live },
        );
      }
      const max = event.settings.maxOpenRequests ?? DEFAULT_MAX_OPEN_REQUESTS;
      const open = await m.getRepository(MeetingEntity).countBy({ eventId, participantAId: requesterId, status: 'requested' });
      if (origin === 'request' && open >= max) {
        throw conflict('too_many_open_requests', {
          es: `Tiene ${open} solicitudes sin respuesta (máximo ${max}); espere respuestas o retire alguna`,
          en: `You have ${open} unanswered requests (maximum ${max}); wait for answers or withdraw one`,
        });
      }
      const hours = event.settings.requestExpiryHours ?? DEFAULT_REQUEST_EXPIRY_HOURS;
      const repo = m.getRepository(MeetingEntity);
      const meeting = await repo.save(
        repo.create({
          eventId,
          participantAId: requesterId,
          participantBId: input.counterpartId,
          demandId: input.demandId ?? null,
          offerId: input.offerId ?? null,
          note: input.note ?? '',
          allowedSlotIds: input.allowedSlotIds ?? null,
          origin,
          status: 'requested',
          expiresAt: new Date(Date.now() + hours * 3600_000),
        }),
      );
      return { meeting, created: true };
    });
  }

  /** Organisers add meetings directly: accepted, or mandatory (the scheduler must place them first). */
  async create(
    eventId: string,
    input: {
      participantAId: string;
      participantBId: string;
      demandId?: string | null;
      offerId?: string | null;
      mandatory: boolean;
      note?: string;
      allowedSlotIds?: string[];
    },
  ) {
    return this.logged(eventId, async (m) => {
      const [a, b] = await Promise.all([
        m.getRepository(ParticipantEntity).findOneBy({ id: input.participantAId, eventId }),
        m.getRepository(ParticipantEntity).findOneBy({ id: input.participantBId, eventId }),
      ]);
      if (!a) throw invalidField('participantAId', 'participante desconocido en este evento', 'unknown participant in this event');
      if (!b) throw invalidField('participantBId', 'participante desconocido en este evento', 'unknown participant in this event');
      if (a.id === b.id) throw invalidField('participantBId', 'no puede reunirse consigo mismo', 'cannot meet itself');
      await this.checkTopics(m, eventId, a, b, input);
      await this.checkWindow(m, eventId, [a.id, b.id], input.allowedSlotIds);
      await this.expire(m, eventId);
      const live = await this.livePair(m, eventId, a.id, b.id);
      if (live && live.status !== 'requested') {
        throw conflict(
          'duplicate',
          { es: 'Ya existe una reunión con este par', en: 'A meeting for this pair already exists' },
          { current: live },
        );
      }
      const meeting =
        live ??
        m
          .getRepository(MeetingEntity)
          .create({ eventId, participantAId: a.id, participantBId: b.id, origin: input.mandatory ? 'mandatory' : 'organiser' });
      Object.assign(meeting, {
        demandId: input.demandId ?? meeting.demandId ?? null,
        offerId: input.offerId ?? meeting.offerId ?? null,
        note: input.note ?? meeting.note ?? '',
        mandatory: input.mandatory,
        allowedSlotIds: input.allowedSlotIds ?? meeting.allowedSlotIds ?? null,
      });
      if (!live) meeting.status = 'requested';
      return { meeting: await this.accept(m, meeting, { mutual: false }), created: !live };
    });
  }

  /** Sets or clears a meeting's window; the next schedule (and the live repair) keeps it inside. */
  async setWindow(eventId: string, meetingId: string, allowedSlotIds: string[] | null) {
    return this.db.transaction(async (m) => {
      const meeting = await m
        .getRepository(MeetingEntity)
        .findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw notFound(NOUNS.meeting, meetingId);
      await this.checkWindow(m, eventId, [meeting.participantAId, meeting.participantBId], allowedSlotIds ?? undefined);
      meeting.allowedSlotIds = allowedSlotIds;
      return m.getRepository(MeetingEntity).save(meeting);
    });
  }

  /** A window names slots of this event and leaves at least one slot where both participants are available. */
  private async checkWindow(m: EntityManager, eventId: string, participantIds: string[], window: string[] | undefined) {
    if (!window) return;
    const slots = await m.getRepository(SlotEntity).find({ where: { eventId }, select: { id: true } });
    const known = new Set(slots.map((x) => x.id));
    window.forEach((id, i) => {
      if (!known.has(id))
        throw invalidField(`allowedSlotIds.${i}`, `franja desconocida en este evento: ${id}`, `unknown slot in this event: ${id}`);
    });
    const rows = await m.getRepository(UnavailabilityEntity).find({ where: { participantId: In(participantIds) } });
    const closed = windowLeavesNoSlot(
      window,
      participantIds.map((p) => rows.filter((r) => r.participantId === p).map((r) => r.slotId)),
    );
    if (closed) throw invalidField('allowedSlotIds', closed.es, closed.en);
  }

  /** Only the asked participant (or an organiser) answers; a stale version gets 409. */
  async respond(eventId: string, meetingId: string, answer: 'accept' | 'decline', by: { participantId?: string; version?: number }) {
    return this.logged(eventId, async (m) => {
      await this.expire(m, eventId);
      const meeting = await m
        .getRepository(MeetingEntity)
        .findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw notFound(NOUNS.meeting, meetingId);
      if (by.participantId && meeting.participantBId !== by.participantId) {
        throw forbidden({
          es: 'Solo la contraparte puede responder',
          en: 'Only the counterpart can answer',
        });
      }
      if (by.version !== undefined && by.version !== meeting.version) throw versionConflict(meeting);
      const to: MeetingStatus = answer === 'accept' ? 'accepted' : 'declined';
      if (!canTransition(meeting.status, to)) {
        throw conflict(
          'invalid_transition',
          {
            es: `La solicitud está «${meeting.status}» y ya no puede pasar a «${to}»`,
            en: `The request is "${meeting.status}" and can no longer become "${to}"`,
          },
          { current: meeting },
        );
      }
      if (answer === 'decline') {
        meeting.status = 'declined';
        meeting.respondedAt = new Date();
        return { meeting: await m.getRepository(MeetingEntity).save(meeting), created: false };
      }
      return { meeting: await this.accept(m, meeting, { mutual: false }), created: false };
    });
  }

  async withdraw(eventId: string, meetingId: string, participantId: string) {
    return this.logged(eventId, async (m) => {
      const meeting = await m
        .getRepository(MeetingEntity)
        .findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting || meeting.participantAId !== participantId) throw notFound(NOUNS.request, meetingId);
      if (meeting.status !== 'requested') {
        throw conflict(
          'invalid_transition',
          { es: 'Solo se retiran solicitudes abiertas', en: 'Only open requests can be withdrawn' },
          { current: meeting },
        );
      }
      meeting.status = 'cancelled';
      return { meeting: await m.getRepository(MeetingEntity).save(meeting), created: false };
    });
  }

  async list(eventId: string, q: { status?: string; participantId?: string; page: number; pageSize: number }) {
    await this.expire(this.db.manager, eventId);
    const qb = this.db.getRepository(MeetingEntity).createQueryBuilder('m').where('m.eventId = :eventId', { eventId });
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    if (q.participantId) qb.andWhere('(m.participantAId = :p OR m.participantBId = :p)', { p: q.participantId });
    const [items, total] = await qb
      .orderBy('m.createdAt', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  private expire(m: EntityManager, eventId: string) {
    return expireRequests(m, eventId);
  }

  private async accept(m: EntityManager, meeting: MeetingEntity, opts: { mutual: boolean }) {
    const event = await m.getRepository(EventEntity).findOneByOrFail({ id: meeting.eventId });
    const bestScore = await this.bestScore(m, meeting.eventId, meeting.participantAId, meeting.participantBId);
    meeting.status = 'accepted';
    meeting.respondedAt = new Date();
    meeting.expiresAt = null;
    meeting.weight = meetingWeight({
      bestScore,
      mutual: opts.mutual,
      mandatory: meeting.mandatory,
      mutualBonus: event.settings.mutualInterestBonus,
    });
    if (opts.mutual) meeting.note = [meeting.note, 'interés mutuo / mutual interest'].filter(Boolean).join(' · ');
    return m.getRepository(MeetingEntity).save(meeting);
  }

  /** Best score of the pair in the newest finished matching run, either direction. */
  private async bestScore(m: EntityManager, eventId: string, a: string, b: string): Promise<number> {
    const [row] = await m.query(
      `SELECT max(r.score) AS s FROM match_results r
         JOIN demands d ON d.id = r.demand_id JOIN offers o ON o.id = r.offer_id
        WHERE r.run_id = ${LATEST_DONE_RUN()}
          AND ((d.participant_id = $2 AND o.participant_id = $3) OR (d.participant_id = $3 AND o.participant_id = $2))`,
      [eventId, a, b],
    );
    return row?.s === null || row?.s === undefined ? 0 : Number(row.s);
  }

  private async livePair(m: EntityManager, eventId: string, a: string, b: string) {
    return m
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.eventId = :eventId', { eventId })
      .andWhere(`m.status IN ${sqlIn(LIVE_STATUSES)}`)
      .andWhere('((m.participantAId = :a AND m.participantBId = :b) OR (m.participantAId = :b AND m.participantBId = :a))', { a, b })
      .getOne();
  }

  /** A demand or offer named in a meeting must belong to one of its two participants. */
  private async checkTopics(
    m: EntityManager,
    eventId: string,
    a: ParticipantEntity,
    b: ParticipantEntity,
    input: { demandId?: string | null; offerId?: string | null },
  ) {
    const owners = [a.id, b.id];
    for (const [col, table] of [
      ['demandId', 'demands'],
      ['offerId', 'offers'],
    ] as const) {
      const id = input[col];
      if (!id) continue;
      const [row] = await m.query(`SELECT participant_id FROM ${table} WHERE id = $1 AND event_id = $2`, [id, eventId]);
      if (!row || !owners.includes(row.participant_id))
        throw invalidField(col, 'no pertenece a ninguno de los dos participantes', 'does not belong to either participant');
    }
  }
}
