import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Clock, selfServiceWindow } from '@rueda/application';
import { NOUNS, notFound } from '@rueda/domain';
import {
  DelegateEntity,
  DemandEntity,
  OfferEntity,
  ParticipantEntity,
  SlotEntity,
  TypeOrmSelfServiceRepository,
  UnavailabilityEntity,
} from '@rueda/persistence';
import { CLOCK } from '../../platform/application.module';

export interface Me {
  participantId: string;
  eventId: string;
}

/**
 * What a participant sees of its own data through its personal link. Changing it (profile,
 * availability, delegates, demands, offers) is a use case each (libs/application self-service).
 */
@Injectable()
export class SelfServiceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Until when the participant may edit (the rule the self-service use cases apply). */
  async window(eventId: string): Promise<{ open: boolean; deadline: string | null; timeZone: string }> {
    const facts = await new TypeOrmSelfServiceRepository(this.db.manager).facts(eventId);
    if (!facts) throw notFound(NOUNS.event, eventId);
    return selfServiceWindow(facts, this.clock.now());
  }

  /** Everything the participant can edit, with the deadline and what the organisers said. */
  async get(me: Me) {
    const m = this.db.manager;
    const [participant, delegates, demands, offers, unavailable, slots, window, reviews] = await Promise.all([
      m.getRepository(ParticipantEntity).findOneByOrFail({ id: me.participantId }),
      m.getRepository(DelegateEntity).find({ where: { participantId: me.participantId }, order: { externalId: 'ASC' } }),
      m.getRepository(DemandEntity).find({ where: { participantId: me.participantId }, order: { externalId: 'ASC' } }),
      m.getRepository(OfferEntity).find({ where: { participantId: me.participantId }, order: { externalId: 'ASC' } }),
      m.getRepository(UnavailabilityEntity).find({ where: { participantId: me.participantId } }),
      m.getRepository(SlotEntity).find({ where: { eventId: me.eventId }, order: { ordinal: 'ASC' } }),
      this.window(me.eventId),
      m.query(
        `SELECT review_status AS status, count(*)::int AS n, max(reviewed_at) AS at,
                (array_agg(review_comment ORDER BY reviewed_at DESC) FILTER (WHERE review_comment IS NOT NULL))[1] AS comment
           FROM participant_changes WHERE participant_id = $1 GROUP BY review_status`,
        [me.participantId],
      ),
    ]);
    return {
      participant,
      delegates,
      demands: participant.kind === 'gadm' ? demands : [],
      offers: participant.kind === 'cooperant' ? offers : [],
      availability: {
        unavailableSlotIds: unavailable.map((u) => u.slotId),
        slots: slots.map((s) => ({ id: s.id, code: s.code, startsAt: s.startsAt, endsAt: s.endsAt })),
      },
      window,
      review: Object.fromEntries(
        (reviews as { status: string; n: number; at: Date | null; comment: string | null }[]).map((r) => [
          r.status,
          { count: r.n, at: r.at, comment: r.comment },
        ]),
      ),
    };
  }
}
