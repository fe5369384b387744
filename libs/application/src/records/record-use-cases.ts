import {
  invalidField,
  type Noun,
  NOUNS,
  notFound,
  type RecordKind,
  reservedTableTaken,
  versionConflict,
  withGadmReference,
} from '@rueda/domain';
import { admins } from '../authorization';
import type { EventRecord, Repositories } from '../ports/repositories';
import { useCase } from '../use-case';
import { mergeChecked, recordSchemas } from './fields';
import { checkMaxMeetings, holdForMaxMeetings } from './max-meetings';

/** What differs between the kinds of record, for their use cases. */
interface RecordRules {
  noun: Noun;
  /** Columns that must point at a participant of the same event. */
  participantRefs: string[];
  /** The kind of participant that owns this kind of record (a demand a GADM's, an offer a cooperant's). */
  ownerKind?: 'gadm' | 'cooperant';
  /** Completes or checks a record before it is written (a GADM's canton, province and region from the reference). */
  complete?: <T extends Record<string, unknown>>(values: T) => T;
}

const RULES: Record<RecordKind, RecordRules> = {
  tables: { noun: NOUNS.table, participantRefs: ['reservedForParticipantId'] },
  participants: { noun: NOUNS.participant, participantRefs: [], complete: withGadmReference },
  delegates: { noun: NOUNS.delegate, participantRefs: ['participantId'] },
  demands: { noun: NOUNS.demand, participantRefs: ['participantId'], ownerKind: 'gadm' },
  offers: { noun: NOUNS.offer, participantRefs: ['participantId'], ownerKind: 'cooperant' },
};

/** The same words as the import's (libs/importing) and the participant's own link. */
const WRONG_OWNER = {
  gadm: { es: 'las demandas pertenecen a GADM, no a cooperantes', en: 'demands belong to GADMs, not to cooperants' },
  cooperant: { es: 'las ofertas pertenecen a cooperantes, no a GADM', en: 'offers belong to cooperants, not to GADMs' },
};

/**
 * A demand's or offer's owner is of the kind that owns them, on the record as it will be (the
 * owner read share-locked, so its kind cannot change before commit). Matching reads the kinds
 * from the owners: a cooperant's "demand" would be offered cooperants.
 */
async function checkOwnerKind(repos: Repositories, kind: RecordKind, eventId: string, record: Record<string, unknown>) {
  const want = RULES[kind].ownerKind;
  if (!want || typeof record.participantId !== 'string') return;
  const owner = await repos.records.participantKind(eventId, record.participantId);
  if (owner && owner !== want) throw invalidField('participantId', WRONG_OWNER[want].es, WRONG_OWNER[want].en);
}

/** A participant changing kind may not keep records of its old kind (its demands, or its offers). */
async function checkKindChange(repos: Repositories, current: EventRecord, merged: Record<string, unknown>) {
  if (merged.kind === current.kind) return;
  const kept = merged.kind === 'cooperant' ? 'demands' : 'offers';
  const n = await repos.records.ownedCount(kept, current.id);
  if (n > 0) {
    throw invalidField(
      'kind',
      kept === 'demands'
        ? `tiene ${n} demanda(s): un cooperante no tiene demandas; bórrelas antes`
        : `tiene ${n} oferta(s): un GADM no tiene ofertas; bórrelas antes`,
      kept === 'demands'
        ? `it has ${n} demand(s): a cooperant has none; delete them first`
        : `it has ${n} offer(s): a GADM has none; delete them first`,
    );
  }
}

async function checkParticipantRefs(repos: Repositories, kind: RecordKind, eventId: string, values: Record<string, unknown>) {
  for (const col of RULES[kind].participantRefs) {
    const ref = values[col];
    if (typeof ref !== 'string') continue;
    if (!(await repos.records.participantInEvent(eventId, ref))) {
      throw invalidField(col, `participante desconocido en este evento: ${ref}`, `unknown participant in this event: ${ref}`);
    }
  }
}

/** One fixed table per participant: a table reserved for a participant that already holds another is refused. */
async function checkOneReservedTable(repos: Repositories, kind: RecordKind, values: Record<string, unknown>, tableId?: string) {
  if (kind !== 'tables' || typeof values.reservedForParticipantId !== 'string') return;
  const held = await repos.records.reservedTableOf(values.reservedForParticipantId, tableId);
  if (held) throw reservedTableTaken(held);
}

const complete = <T extends Record<string, unknown>>(kind: RecordKind, values: T): T => RULES[kind].complete?.(values) ?? values;

const capital = (kind: RecordKind) => `${kind[0].toUpperCase()}${kind.slice(1, -1)}`;

/** Create, update (optimistic: the version read) and delete of one kind of record, by admins. */
function recordUseCases(kind: RecordKind) {
  const schemas = recordSchemas(kind);
  const { noun } = RULES[kind];
  return {
    schemas,
    create: useCase({
      name: `Create${capital(kind)}`,
      command: schemas.create,
      authorize: admins,
      async run({ tx }, cmd): Promise<EventRecord> {
        const { eventId, ...values } = cmd as { eventId: string } & Record<string, unknown>;
        // An unknown event is a 404 on every record route, not a foreign-key 409.
        if (!(await tx.repos.records.eventExists(eventId))) throw notFound(NOUNS.event, eventId);
        await checkParticipantRefs(tx.repos, kind, eventId, values);
        await checkOneReservedTable(tx.repos, kind, values);
        await checkOwnerKind(tx.repos, kind, eventId, values);
        return tx.repos.records.insert(kind, eventId, complete(kind, values));
      },
    }),
    update: useCase({
      name: `Update${capital(kind)}`,
      command: schemas.update,
      authorize: admins,
      async run({ tx }, cmd): Promise<EventRecord> {
        const { eventId, id, version, ...changes } = cmd as { eventId: string; id: string; version?: number } & Record<string, unknown>;
        if (kind === 'participants') await holdForMaxMeetings(tx, eventId, changes);
        const current = await tx.repos.records.lock(kind, eventId, id);
        if (!current) throw notFound(noun, id);
        if (version !== undefined && current.version !== version) throw versionConflict(current);
        await checkParticipantRefs(tx.repos, kind, eventId, changes);
        await checkOneReservedTable(tx.repos, kind, changes, id);
        const merged = mergeChecked(kind, current, changes);
        await checkOwnerKind(tx.repos, kind, eventId, merged);
        if (kind === 'participants') {
          await checkKindChange(tx.repos, current, merged);
          await checkMaxMeetings(tx.repos, id, changes.maxMeetings);
        }
        return tx.repos.records.save(kind, complete(kind, merged));
      },
    }),
    remove: useCase({
      name: `Delete${capital(kind)}`,
      command: schemas.remove,
      authorize: admins,
      async run({ tx }, cmd): Promise<void> {
        if (!(await tx.repos.records.remove(kind, cmd.eventId, cmd.id))) throw notFound(noun, cmd.id);
      },
    }),
  };
}

/** The use cases of each kind of event record: `RECORD_USE_CASES.demands.update`, … */
export const RECORD_USE_CASES = {
  tables: recordUseCases('tables'),
  participants: recordUseCases('participants'),
  delegates: recordUseCases('delegates'),
  demands: recordUseCases('demands'),
  offers: recordUseCases('offers'),
} satisfies Record<RecordKind, unknown>;
