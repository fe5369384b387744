import type { DemandRecord, OfferRecord, ParticipantKind, ParticipantRecord } from './types';

export const MATCH_INPUT_FORMAT = 'rueda.match-input/1';

/** The shape of rueda.match-input/1 (see /work/shared/formats/README.md). */
export interface MatchInput {
  format: typeof MATCH_INPUT_FORMAT;
  participants: MatchInputParticipant[];
  demands: MatchInputDemand[];
  offers: MatchInputOffer[];
}

export interface MatchInputParticipant {
  id: string;
  kind: ParticipantKind;
  name: string;
  /** Province code ("01"), GADMs only. */
  province?: string;
  region?: string;
  tipo?: string;
}

export interface MatchInputDemand {
  id: string;
  participant: string;
  title: string;
  description: string;
  sectors?: string[];
  competencias?: string[];
  ods?: number[];
  modalidades?: string[];
  amountUsd?: number;
}

export interface MatchInputOffer {
  id: string;
  participant: string;
  title: string;
  description: string;
  sectors?: string[];
  ods?: number[];
  modalidades?: string[];
  regions: string[];
  provinces: string[];
  minAmountUsd?: number;
  maxAmountUsd?: number;
}

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
      regions: [...o.regions],
      provinces: [...o.provinces],
      ...(o.minAmountUsd !== undefined && { minAmountUsd: o.minAmountUsd }),
      ...(o.maxAmountUsd !== undefined && { maxAmountUsd: o.maxAmountUsd }),
    })),
  };
}
