import type { EntityManager } from 'typeorm';
import type { ImportRepository } from '@rueda/application';
import type { ImportKind, RecordByKind } from '@rueda/importing';
import { EventEntity, ImportBatchEntity, ParticipantEntity } from '../../entities';
import { existingExternalIds, writeRecords } from '../../records/write-records';

export class TypeOrmImportRepository implements ImportRepository {
  constructor(private readonly m: EntityManager) {}

  eventExists(eventId: string) {
    return this.m.getRepository(EventEntity).existsBy({ id: eventId });
  }

  participants(eventId: string) {
    return this.m.getRepository(ParticipantEntity).find({ where: { eventId }, select: { externalId: true, kind: true } });
  }

  existing(kind: ImportKind, eventId: string, externalIds: string[]) {
    return existingExternalIds(this.m, kind, eventId, externalIds);
  }

  write<K extends ImportKind>(kind: K, eventId: string, records: ReadonlyArray<RecordByKind[K]>) {
    return writeRecords(this.m, kind, eventId, records);
  }

  async recordBatch(b: {
    eventId: string;
    kind: ImportKind;
    filename: string;
    rows: number;
    inserted: number;
    updated: number;
    userId: string | null;
  }) {
    await this.m.getRepository(ImportBatchEntity).insert({ ...b, filename: b.filename.slice(0, 300) });
  }
}
