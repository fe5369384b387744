import { DataSource } from 'typeorm';
import type { MatchInput } from '@rueda/formats';
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
