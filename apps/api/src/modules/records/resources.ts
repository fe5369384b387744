import { z } from 'zod';
import { bi, isVideoUrl, type Noun, NOUNS, TEXT_LIMITS } from '@rueda/domain';
import { DelegateEntity, DemandEntity, OfferEntity, ParticipantEntity, TableEntity } from '@rueda/persistence';
import { competenciaCodes, modalidadCodes, odsCodes, provinceCode, regionName, sectorCodes, tipoCode } from './taxonomy-schemas';

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
  /** `ci`: names compare without case ("AZUAY" finds "Azuay", as the reference list writes it now). */
  filters: Record<string, { column: string; kind: 'eq' | 'array' | 'ilike' | 'participant'; ci?: boolean }>;
  order: string;
  /** Columns that must point at a participant of the same event. */
  participantRefs?: string[];
}

const ext = (max: number) => z.string().trim().min(1).max(max);
const text = (max: number) => z.string().trim().max(max);
const email = (max: number) => z.email().max(max);
const L = TEXT_LIMITS;
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();
const amount = z.number().min(0).max(1e13);
const isoDate = z.iso.date();
const videoUrl = z
  .string()
  .trim()
  .refine(isVideoUrl, {
    message: bi('Debe ser un enlace https:// de hasta 500 caracteres', 'Must be an https:// link of up to 500 characters'),
  });

export const participantFields = {
  externalId: ext(L.participants.externalId),
  kind: z.enum(['gadm', 'cooperant']),
  name: text(L.participants.name).min(1),
  inecCode: opt(z.string().regex(/^\d{4}$/)),
  canton: opt(text(L.participants.canton)),
  province: opt(text(L.participants.province)),
  provinceCode: opt(provinceCode),
  region: opt(regionName),
  acronym: opt(text(L.participants.acronym)),
  tipo: opt(tipoCode),
  origin: opt(text(L.participants.origin)),
  email: opt(email(L.participants.email)),
  phone: opt(text(L.participants.phone)),
  parallel: opt(z.number().int().min(1).max(20)),
  maxMeetings: opt(z.number().int().min(0).max(200)),
  /** Takes part from afar, by its video-call link (hybrid meetings). */
  remote: z.boolean().default(false),
  videoUrl: opt(videoUrl),
};

export const demandFields = {
  participantId: z.uuid(),
  externalId: ext(L.demands.externalId),
  title: text(L.demands.title).min(1),
  description: text(L.demands.description).default(''),
  sectors: sectorCodes.default([]),
  competencias: competenciaCodes.default([]),
  ods: odsCodes.default([]),
  modalidades: modalidadCodes.default([]),
  amountUsd: opt(amount),
  deadline: opt(isoDate),
};

export const offerFields = {
  participantId: z.uuid(),
  externalId: ext(L.offers.externalId),
  title: text(L.offers.title).min(1),
  description: text(L.offers.description).default(''),
  sectors: sectorCodes.default([]),
  ods: odsCodes.default([]),
  modalidades: modalidadCodes.default([]),
  regions: z.array(regionName).default([]),
  provinces: z.array(provinceCode).default([]),
  minAmountUsd: opt(amount),
  maxAmountUsd: opt(amount),
  validUntil: opt(isoDate),
};

export const delegateFields = {
  fullName: text(L.delegates.fullName).min(1),
  role: opt(text(L.delegates.role)),
  email: opt(email(L.delegates.email)),
  phone: opt(text(L.delegates.phone)),
};

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
    entity: TableEntity,
    label: NOUNS.table,
    create: z
      .object({
        number: z.number().int().min(1).max(10_000),
        label: text(L.tables.label).default(''),
        reservedForParticipantId: opt(z.uuid()),
      })
      .strict(),
    // Like every other record: the version read, so two organisers renumbering tables cannot overwrite each other.
    update: withVersion({
      number: z.number().int().min(1).max(10_000),
      label: text(L.tables.label),
      reservedForParticipantId: opt(z.uuid()),
    }),
    filters: {},
    order: 'number',
    participantRefs: ['reservedForParticipantId'],
  } satisfies ResourceSpec<TableEntity>,
  participants: {
    path: 'participants',
    entity: ParticipantEntity,
    label: NOUNS.participant,
    create: z.object(participantFields).strict(),
    update: withVersion(participantFields),
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
    entity: DelegateEntity,
    label: NOUNS.delegate,
    create: z
      .object({
        participantId: z.uuid(),
        externalId: ext(L.delegates.externalId),
        ...delegateFields,
      })
      .strict(),
    update: withVersion(delegateFields),
    filters: { participantId: { column: 'participantId', kind: 'eq' }, q: { column: 'fullName', kind: 'ilike' } },
    order: 'externalId',
    participantRefs: ['participantId'],
  } satisfies ResourceSpec<DelegateEntity>,
  demands: {
    path: 'demands',
    entity: DemandEntity,
    label: NOUNS.demand,
    create: z.object(demandFields).strict(),
    update: withVersion(demandFields),
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
    entity: OfferEntity,
    label: NOUNS.offer,
    create: z.object(offerFields).strict().refine(amountsInOrder, amountsMsg),
    update: withVersion(offerFields).refine(amountsInOrder, amountsMsg),
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
