import { MATCH_INPUT_FORMAT, type MatchInput } from '@rueda/formats';
import type { DemandRecord, OfferRecord, ParticipantRecord } from './types';

// The format's types live with its reader in @rueda/formats; this file only converts records.
export { MATCH_INPUT_FORMAT, type MatchInput } from '@rueda/formats';

// Empty tag lists are left out, as in a half-filled form: the format treats a
// missing tag field as "not stated", which is what an empty cell means.
const tags = <T>(name: string, xs: T[]) => (xs.length ? { [name]: [...xs] } : {});

/**
 * Records (imported or generated) as the matching engine's input file.
 * Delegates, deadlines and contact data are not part of the format.
 */
export function toMatchInput(data: {
  participants: ReadonlyArray<ParticipantRecord>;
  demands: ReadonlyArray<DemandRecord>;
  offers: ReadonlyArray<OfferRecord>;
}): MatchInput {
  return {
    format: MATCH_INPUT_FORMAT,
    participants: data.participants.map((p) => ({
      id: p.externalId,
      kind: p.kind,
      name: p.name,
      ...(p.provinceCode && { province: p.provinceCode }),
      ...(p.region && { region: p.region }),
      ...(p.tipo && { tipo: p.tipo }),
    })),
    demands: data.demands.map((d) => ({
      id: d.externalId,
      participant: d.participant,
      title: d.title,
      description: d.description,
      ...tags('sectors', d.sectors),
      ...tags('competencias', d.competencias),
      ...tags('ods', d.ods),
      ...tags('modalidades', d.modalidades),
      ...(d.amountUsd !== undefined && { amountUsd: d.amountUsd }),
    })),
    offers: data.offers.map((o) => ({
      id: o.externalId,
      participant: o.participant,
      title: o.title,
      description: o.description,
      ...tags('sectors', o.sectors),
      ...tags('ods', o.ods),
      ...tags('modalidades', o.modalidades),
      regions: [...o.regions] as MatchInput['offers'][number]['regions'],
      provinces: [...o.provinces],
      ...(o.minAmountUsd !== undefined && { minAmountUsd: o.minAmountUsd }),
      ...(o.maxAmountUsd !== undefined && { maxAmountUsd: o.maxAmountUsd }),
    })),
  };
}
