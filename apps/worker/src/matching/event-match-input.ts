import { DataSource } from 'typeorm';
import type { MatchInput } from '@rueda/formats';
import { MeetingStatus, requestAnswer } from '@rueda/domain';
import type { EventFeedback } from '@rueda/matching';
import { DemandEntity, OfferEntity, ParticipantEntity } from '@rueda/persistence';

const orUndef = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/**
 * The event's data as `rueda.match-input/1`, with database ids as ids so that results map
 * straight back to rows. Province is the two-digit code, as offers restrict by code.
 */
export async function loadEventMatchInput(db: DataSource, eventId: string): Promise<MatchInput> {
  const [participants, demands, offers] = await Promise.all([
    db.getRepository(ParticipantEntity).find({ where: { eventId } }),
    db.getRepository(DemandEntity).find({ where: { eventId }, order: { externalId: 'ASC' } }),
    db.getRepository(OfferEntity).find({ where: { eventId }, order: { externalId: 'ASC' } }),
  ]);
  return {
    format: 'rueda.match-input/1',
    participants: participants.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      province: orUndef(p.provinceCode),
      region: orUndef(p.region),
      tipo: orUndef(p.tipo),
      // A GADM's external id is its INEC code: its size class (fairness) is read from it.
      inecCode: p.kind === 'gadm' ? orUndef(p.externalId) : undefined,
    })),
    demands: demands.map((d) => ({
      id: d.id,
      participant: d.participantId,
      title: d.title,
      description: d.description,
      sectors: d.sectors,
      competencias: d.competencias,
      ods: d.ods,
      modalidades: d.modalidades,
      amountUsd: orUndef(d.amountUsd),
    })),
    offers: offers.map((o) => ({
      id: o.id,
      participant: o.participantId,
      title: o.title,
      description: o.description,
      sectors: o.sectors,
      ods: o.ods,
      modalidades: o.modalidades,
      regions: o.regions,
      provinces: o.provinces,
      minAmountUsd: orUndef(o.minAmountUsd),
      maxAmountUsd: orUndef(o.maxAmountUsd),
    })),
  } as MatchInput;
}

/**
 * The event's answered meeting requests between a GADM and a cooperant, for learning from the
 * event (accepted, including everything after acceptance, or declined).
 */
export async function loadEventFeedback(db: DataSource, eventId: string, input: MatchInput): Promise<EventFeedback> {
  const rows: Array<{
    a: string;
    b: string;
    demand: string | null;
    offer: string | null;
    status: MeetingStatus;
    respondedAt: Date | null;
  }> = await db.query(
    `SELECT participant_a_id AS a, participant_b_id AS b, demand_id AS demand, offer_id AS offer, status, responded_at AS "respondedAt"
         FROM meetings WHERE event_id = $1 AND origin = 'request' AND responded_at IS NOT NULL`,
    [eventId],
  );
  const kind = new Map(input.participants.map((p) => [p.id, p.kind]));
  const requests: EventFeedback['requests'] = [];
  for (const r of rows) {
    const answer = requestAnswer(r.status, r.respondedAt);
    if (answer !== 'accepted' && answer !== 'declined') continue;
    const [gadm, cooperant] = kind.get(r.a) === 'gadm' ? [r.a, r.b] : [r.b, r.a];
    if (kind.get(gadm) !== 'gadm' || kind.get(cooperant) !== 'cooperant') continue;
    requests.push({ gadm, cooperant, demand: r.demand ?? undefined, offer: r.offer ?? undefined, accepted: answer === 'accepted' });
  }
  return { requests };
}
