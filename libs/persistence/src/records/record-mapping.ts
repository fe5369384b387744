import type { DelegateRecord, DemandRecord, OfferRecord, ParticipantRecord } from '@rueda/importing';
import type { DelegateEntity, DemandEntity, OfferEntity, ParticipantEntity } from '../entities';

// Spreadsheet records name participants by external id; rows in the database by uuid.
// These two directions are kept side by side so that export → import round-trips.

const orUndef = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function participantToRecord(p: ParticipantEntity): ParticipantRecord {
  return {
    externalId: p.externalId,
    kind: p.kind,
    name: p.name,
    inecCode: orUndef(p.inecCode),
    canton: orUndef(p.canton),
    province: orUndef(p.province),
    provinceCode: orUndef(p.provinceCode),
    region: orUndef(p.region) as ParticipantRecord['region'],
    acronym: orUndef(p.acronym),
    tipo: orUndef(p.tipo),
    origin: orUndef(p.origin),
    email: orUndef(p.email),
    phone: orUndef(p.phone),
  };
}

export function participantFromRecord(r: ParticipantRecord): Partial<ParticipantEntity> {
  return {
    externalId: r.externalId,
    kind: r.kind,
    name: r.name,
    inecCode: orNull(r.inecCode),
    canton: orNull(r.canton),
    province: orNull(r.province),
    provinceCode: orNull(r.provinceCode),
    region: orNull(r.region),
    acronym: orNull(r.acronym),
    tipo: orNull(r.tipo),
    origin: orNull(r.origin),
    email: orNull(r.email),
    phone: orNull(r.phone),
  };
}

export function delegateToRecord(d: DelegateEntity, participantExt: string): DelegateRecord {
  return {
    externalId: d.externalId,
    participant: participantExt,
    fullName: d.fullName,
    role: orUndef(d.role),
    email: orUndef(d.email),
    phone: orUndef(d.phone),
  };
}

export function delegateFromRecord(r: DelegateRecord, participantId: string): Partial<DelegateEntity> {
  return {
    externalId: r.externalId,
    participantId,
    fullName: r.fullName,
    role: orNull(r.role),
    email: orNull(r.email),
    phone: orNull(r.phone),
  };
}

export function demandToRecord(d: DemandEntity, participantExt: string): DemandRecord {
  return {
    externalId: d.externalId,
    participant: participantExt,
    title: d.title,
    description: d.description,
    sectors: d.sectors,
    competencias: d.competencias,
    ods: d.ods,
    modalidades: d.modalidades,
    amountUsd: orUndef(d.amountUsd),
    deadline: orUndef(d.deadline),
  };
}

export function demandFromRecord(r: DemandRecord, participantId: string): Partial<DemandEntity> {
  return {
    externalId: r.externalId,
    participantId,
    title: r.title,
    description: r.description,
    sectors: r.sectors,
    competencias: r.competencias,
    ods: r.ods,
    modalidades: r.modalidades,
    amountUsd: orNull(r.amountUsd),
    deadline: orNull(r.deadline),
  };
}

export function offerToRecord(o: OfferEntity, participantExt: string): OfferRecord {
  return {
    externalId: o.externalId,
    participant: participantExt,
    title: o.title,
    description: o.description,
    sectors: o.sectors,
    ods: o.ods,
    modalidades: o.modalidades,
    regions: o.regions as OfferRecord['regions'],
    provinces: o.provinces,
    minAmountUsd: orUndef(o.minAmountUsd),
    maxAmountUsd: orUndef(o.maxAmountUsd),
    validUntil: orUndef(o.validUntil),
  };
}

export function offerFromRecord(r: OfferRecord, participantId: string): Partial<OfferEntity> {
  return {
    externalId: r.externalId,
    participantId,
    title: r.title,
    description: r.description,
    sectors: r.sectors,
    ods: r.ods,
    modalidades: r.modalidades,
    regions: r.regions,
    provinces: r.provinces,
    minAmountUsd: orNull(r.minAmountUsd),
    maxAmountUsd: orNull(r.maxAmountUsd),
    validUntil: orNull(r.validUntil),
  };
}
