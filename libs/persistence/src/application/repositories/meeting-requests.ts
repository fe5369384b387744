import { type EntityManager, In } from 'typeorm';
import type { AgreedMeeting, MeetingRequestRepository, NewAgreedMeeting } from '@rueda/application';
import { LIVE_STATUSES, sqlIn } from '@rueda/domain';
import { MeetingEntity, ParticipantEntity, UnavailabilityEntity } from '../../entities';
import { LATEST_DONE_RUN } from '../../matching/latest-run';

const TOPIC_TABLE = { demandId: 'demands', offerId: 'offers' } as const;

export class TypeOrmMeetingRequestRepository implements MeetingRequestRepository {
  constructor(private readonly m: EntityManager) {}

  async participantKind(eventId: string, participantId: string, opts: { lock?: boolean } = {}): Promise<string | null> {
    const p = await this.m.getRepository(ParticipantEntity).findOne({
      where: { id: participantId, eventId },
      select: { id: true, kind: true },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return p?.kind ?? null;
  }

  async topicOwner(topic: 'demandId' | 'offerId', eventId: string, id: string): Promise<string | null> {
    const [row] = await this.m.query(`SELECT participant_id FROM ${TOPIC_TABLE[topic]} WHERE id = $1 AND event_id = $2`, [id, eventId]);
    return row?.participant_id ?? null;
  }

  async unavailable(participantIds: string[]): Promise<string[][]> {
    const rows = await this.m.getRepository(UnavailabilityEntity).find({ where: { participantId: In(participantIds) } });
    return participantIds.map((p) => rows.filter((r) => r.participantId === p).map((r) => r.slotId));
  }

  /** Idempotent: an expired request is no longer `requested`. */
  async expire(eventId: string | undefined, now: Date): Promise<number> {
    const res = await this.m.query(
      `UPDATE meetings SET status = 'expired', version = version + 1, updated_at = now()
        WHERE status = 'requested' AND expires_at < $1 ${eventId ? 'AND event_id = $2' : ''}`,
      eventId ? [now, eventId] : [now],
    );
    return res[1] ?? 0;
  }

  livePair(eventId: string, a: string, b: string): Promise<AgreedMeeting | null> {
    return this.m
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.eventId = :eventId', { eventId })
      .andWhere(`m.status IN ${sqlIn(LIVE_STATUSES)}`)
      .andWhere('((m.participantAId = :a AND m.participantBId = :b) OR (m.participantAId = :b AND m.participantBId = :a))', { a, b })
      .getOne();
  }

  countOpen(eventId: string, requesterId: string): Promise<number> {
    return this.m.getRepository(MeetingEntity).countBy({ eventId, participantAId: requesterId, status: 'requested' });
  }

  async bestScore(eventId: string, a: string, b: string): Promise<number> {
    const [row] = await this.m.query(
      `SELECT max(r.score) AS s FROM match_results r
         JOIN demands d ON d.id = r.demand_id JOIN offers o ON o.id = r.offer_id
        WHERE r.run_id = ${LATEST_DONE_RUN()}
          AND ((d.participant_id = $2 AND o.participant_id = $3) OR (d.participant_id = $3 AND o.participant_id = $2))`,
      [eventId, a, b],
    );
    return row?.s === null || row?.s === undefined ? 0 : Number(row.s);
  }

  lock(eventId: string, meetingId: string): Promise<AgreedMeeting | null> {
    return this.m.getRepository(MeetingEntity).findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
  }

  draft(values: NewAgreedMeeting): AgreedMeeting {
    return this.m.getRepository(MeetingEntity).create(values as Partial<MeetingEntity>);
  }

  save<M extends AgreedMeeting>(meeting: M): Promise<M> {
    return this.m.getRepository(MeetingEntity).save(meeting as unknown as MeetingEntity) as unknown as Promise<M>;
  }
}
