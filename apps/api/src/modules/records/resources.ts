import { z } from 'zod';
import { bi, CREATE_ONLY, type Noun, NOUNS, recordFields, type RecordKind } from '@rueda/domain';
import { DelegateEntity, DemandEntity, OfferEntity, ParticipantEntity, TableEntity } from '@rueda/persistence';
import { DelegateOut, DemandOut, OfferOut, ParticipantOut, TableOut } from './records.responses';
import { competenciaCodes, modalidadCodes, odsCodes, provinceCode, sectorCodes, tipoCode } from './taxonomy-schemas';

/**
 * What differs between the event-scoped records; one generic controller and service serve them all.
 * `filters` maps a query parameter to how it narrows the list.
 */
export interface ResourceSpec<E> {
  path: string;
  entity: new () => E;
  label: Noun;
  create: z.ZodType<Partial<E>>;
  update: z.ZodType<Partial<E>>;
  /** What a record of this kind looks like in a response (the OpenAPI document and the contract check). */
  response: z.ZodType;
  /** `ci`: names compare without case ("AZUAY" finds "Azuay", as the reference list writes it now). */
  filters: Record<string, { column: string; kind: 'eq' | 'array' | 'ilike' | 'participant'; ci?: boolean }>;
  order: string;
  /** Columns that must point at a participant of the same event. */
  participantRefs?: string[];
}

/** The shared record fields (libs/domain, also the web's forms) with the codes checked against the reference data. */
export const FIELDS = recordFields({
  sectors: sectorCodes,
  competencias: competenciaCodes,
  modalidades: modalidadCodes,
  ods: odsCodes,
  provinceCode,
  tipo: tipoCode,
});
const updatable = <K extends RecordKind>(kind: K) =>
  Object.fromEntries(Object.entries(FIELDS[kind]).filter(([k]) => !CREATE_ONLY[kind].includes(k))) as z.ZodRawShape;

export const amountsInOrder = (o: { minAmountUsd?: number | null; maxAmountUsd?: number | null }) =>
  o.minAmountUsd == null || o.maxAmountUsd == null || o.minAmountUsd <= o.maxAmountUsd;
export const amountsMsg = { message: bi('debe ser ≥ minAmountUsd', 'must be ≥ minAmountUsd'), path: ['maxAmountUsd'] };

/**
 * Updates carry the version the client read, so a stale write is refused with 409. Defaults
 * are stripped: a field the client leaves out must stay as it is, not be reset.
 */
export const withVersion = <T extends z.ZodRawShape>(shape: T) => {
  const plain = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]));
  return z
    .object(plain)
    .partial()
    .extend({ version: z.number().int().min(1) })
    .strict();
};

export const RESOURCES = {
  tables: {
    path: 'tables',
    response: TableOut,
    entity: TableEntity,
    label: NOUNS.table,
    create: z.object(FIELDS.tables).strict(),
    // Like every other record: the version read, so two organisers renumbering tables cannot overwrite each other.
    update: withVersion(updatable('tables')),
    filters: {},
    order: 'number',
    participantRefs: ['reservedForParticipantId'],
  } satisfies ResourceSpec<TableEntity>,
  participants: {
    path: 'participants',
    response: ParticipantOut,
    entity: ParticipantEntity,
    label: NOUNS.participant,
    create: z.object(FIELDS.participants).strict(),
    update: withVersion(updatable('participants')),
    filters: {
      kind: { column: 'kind', kind: 'eq' },
      province: { column: 'province', kind: 'eq', ci: true },
      provinceCode: { column: 'provinceCode', kind: 'eq' },
      region: { column: 'region', kind: 'eq' },
      q: { column: 'name', kind: 'ilike' },
    },
    order: 'externalId',
  } satisfies ResourceSpec<ParticipantEntity>,
  delegates: {
    path: 'delegates',
    response: DelegateOut,
    entity: DelegateEntity,
    label: NOUNS.delegate,
    create: z.object(FIELDS.delegates).strict(),
    update: withVersion(updatable('delegates')),
    filters: { participantId: { column: 'participantId', kind: 'eq' }, q: { column: 'fullName', kind: 'ilike' } },
    order: 'externalId',
    participantRefs: ['participantId'],
  } satisfies ResourceSpec<DelegateEntity>,
  demands: {
    path: 'demands',
    response: DemandOut,
    entity: DemandEntity,
    label: NOUNS.demand,
    create: z.object(FIELDS.demands).strict(),
    update: withVersion(updatable('demands')),
    filters: {
      participantId: { column: 'participantId', kind: 'eq' },
      sector: { column: 'sectors', kind: 'array' },
      modalidad: { column: 'modalidades', kind: 'array' },
      province: { column: 'province', kind: 'participant', ci: true },
      provinceCode: { column: 'provinceCode', kind: 'participant' },
      region: { column: 'region', kind: 'participant' },
      q: { column: 'title', kind: 'ilike' },
    },
    order: 'externalId',
    participantRefs: ['participantId'],
  } satisfies ResourceSpec<DemandEntity>,
  offers: {
    path: 'offers',
    response: OfferOut,
    entity: OfferEntity,
    label: NOUNS.offer,
    create: z.object(FIELDS.offers).strict().refine(amountsInOrder, amountsMsg),
    update: withVersion(updatable('offers')).refine(amountsInOrder, amountsMsg),
    filters: {
      participantId: { column: 'participantId', kind: 'eq' },
      sector: { column: 'sectors', kind: 'array' },
      modalidad: { column: 'modalidades', kind: 'array' },
      region: { column: 'regions', kind: 'array' },
      q: { column: 'title', kind: 'ilike' },
    },
    order: 'externalId',
    participantRefs: ['participantId'],
  } satisfies ResourceSpec<OfferEntity>,
};

export type ResourceName = keyof typeof RESOURCES;
