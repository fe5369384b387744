import { EntityManager, In } from 'typeorm';
import type { ImportKind, RecordByKind } from '@rueda/importing';
import { DelegateEntity, DemandEntity, OfferEntity, ParticipantEntity } from '../entities';
import * as map from './record-mapping';
import { withGadmReference } from '@rueda/domain';

export const RECORD_ENTITY = {
  participants: ParticipantEntity,
  delegates: DelegateEntity,
  demands: DemandEntity,
  offers: OfferEntity,
} as const;

/** External ids among `ids` that already exist in the event. */
export async function existingExternalIds(m: EntityManager, kind: ImportKind, eventId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await m.getRepository<{ externalId: string }>(RECORD_ENTITY[kind]).find({
    where: { eventId, externalId: In(ids) } as never,
    select: { externalId: true } as never,
  });
  return new Set(rows.map((r) => r.externalId));
}

/**
 * Inserts or updates records by (event, external id): re-loading the same spreadsheet updates,
 * never duplicates. Run it inside a transaction so a file is written whole or not at all.
 */
export async function writeRecords<K extends ImportKind>(
  m: EntityManager,
  kind: K,
  eventId: string,
  records: ReadonlyArray<RecordByKind[K]>,
): Promise<{ inserted: number; updated: number }> {
  const before = await existingExternalIds(
    m,
    kind,
    eventId,
    records.map((r) => r.externalId),
  );
  const idOf = new Map(
    (await m.getRepository(ParticipantEntity).find({ where: { eventId }, select: { id: true, externalId: true } })).map((p) => [
      p.externalId,
      p.id,
    ]),
  );
  const pid = (r: { participant: string }) => {
    const id = idOf.get(r.participant);
    if (!id) throw new Error(`participante desconocido / unknown participant: ${r.participant}`);
    return id;
  };
  const values = records.map((r) => {
    switch (kind) {
      case 'participants':
        return withGadmReference(map.participantFromRecord(r as RecordByKind['participants']));
      case 'delegates':
        return map.delegateFromRecord(r as RecordByKind['delegates'], pid(r as RecordByKind['delegates']));
      case 'demands':
        return map.demandFromRecord(r as RecordByKind['demands'], pid(r as RecordByKind['demands']));
      default:
        return map.offerFromRecord(r as RecordByKind['offers'], pid(r as RecordByKind['offers']));
    }
  });
  const repo = m.getRepository<{ eventId: string }>(RECORD_ENTITY[kind]);
  for (let i = 0; i < values.length; i += 500) {
    await repo.upsert(values.slice(i, i + 500).map((v) => ({ ...v, eventId })) as never, { conflictPaths: ['eventId', 'externalId'] });
  }
  return { inserted: records.length - before.size, updated: before.size };
}

/** The event's records of one kind as spreadsheet records (participants named by external id). */
export async function readRecords<K extends ImportKind>(m: EntityManager, kind: K, eventId: string): Promise<RecordByKind[K][]> {
  const participants = await m.getRepository(ParticipantEntity).find({ where: { eventId }, order: { externalId: 'ASC' } });
  if (kind === 'participants') return participants.map(map.participantToRecord) as RecordByKind[K][];
  const extOf = new Map(participants.map((p) => [p.id, p.externalId]));
  const order = { order: { externalId: 'ASC' as const } };
  if (kind === 'delegates') {
    const rows = await m.getRepository(DelegateEntity).find({ where: { eventId }, ...order });
    return rows.map((r) => map.delegateToRecord(r, extOf.get(r.participantId)!)) as RecordByKind[K][];
  }
  if (kind === 'demands') {
    const rows = await m.getRepository(DemandEntity).find({ where: { eventId }, ...order });
    return rows.map((r) => map.demandToRecord(r, extOf.get(r.participantId)!)) as RecordByKind[K][];
  }
  const rows = await m.getRepository(OfferEntity).find({ where: { eventId }, ...order });
  return rows.map((r) => map.offerToRecord(r, extOf.get(r.participantId)!)) as RecordByKind[K][];
}
