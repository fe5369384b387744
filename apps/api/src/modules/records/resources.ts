import { z } from 'zod';
import { RECORD_USE_CASES } from '@rueda/application';
import { type Noun, NOUNS, type RecordKind } from '@rueda/domain';
import { DelegateEntity, DemandEntity, OfferEntity, ParticipantEntity, TableEntity } from '@rueda/persistence';
import { DelegateOut, DemandOut, OfferOut, ParticipantOut, TableOut } from './records.responses';

/**
 * What differs between the event-scoped records; one generic controller serves them all (writes are
 * the record use cases, reads the records service).
 * `filters` maps a query parameter to how it narrows the list.
 */
export interface ResourceSpec<E> {
  path: RecordKind;
  entity: new () => E;
  label: Noun;
  /** The route bodies: the record use cases' commands without the path. */
  create: z.ZodType;
  update: z.ZodType;
  /** What a record of this kind looks like in a response (the OpenAPI document and the contract check). */
  response: z.ZodType;
  /** `ci`: names compare without case ("AZUAY" finds "Azuay", as the reference list writes it now). */
  filters: Record<string, { column: string; kind: 'eq' | 'array' | 'ilike' | 'participant'; ci?: boolean }>;
  order: string;
}

// The record fields and their rules live with the record use cases (libs/application).
export { amountsInOrder, amountsMsg, FIELDS, withVersion } from '@rueda/application';

const bodies = (kind: RecordKind) => {
  const { createBody, updateBody } = RECORD_USE_CASES[kind].schemas;
  return { create: createBody, update: updateBody };
};

export const RESOURCES = {
  tables: {
    path: 'tables',
    response: TableOut,
    entity: TableEntity,
    label: NOUNS.table,
    // Updates carry the version read, like every record, so two organisers renumbering tables cannot overwrite each other.
    ...bodies('tables'),
    filters: {},
    order: 'number',
  } satisfies ResourceSpec<TableEntity>,
  participants: {
    path: 'participants',
    response: ParticipantOut,
    entity: ParticipantEntity,
    label: NOUNS.participant,
    ...bodies('participants'),
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
    ...bodies('delegates'),
    filters: { participantId: { column: 'participantId', kind: 'eq' }, q: { column: 'fullName', kind: 'ilike' } },
    order: 'externalId',
  } satisfies ResourceSpec<DelegateEntity>,
  demands: {
    path: 'demands',
    response: DemandOut,
    entity: DemandEntity,
    label: NOUNS.demand,
    ...bodies('demands'),
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
  } satisfies ResourceSpec<DemandEntity>,
  offers: {
    path: 'offers',
    response: OfferOut,
    entity: OfferEntity,
    label: NOUNS.offer,
    ...bodies('offers'),
    filters: {
      participantId: { column: 'participantId', kind: 'eq' },
      sector: { column: 'sectors', kind: 'array' },
      modalidad: { column: 'modalidades', kind: 'array' },
      region: { column: 'regions', kind: 'array' },
      q: { column: 'title', kind: 'ilike' },
    },
    order: 'externalId',
  } satisfies ResourceSpec<OfferEntity>,
};

export type ResourceName = keyof typeof RESOURCES;
