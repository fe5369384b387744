import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { EventRecord, RecordRepository } from '@rueda/application';
import { OCCUPYING_STATUSES, type RecordKind } from '@rueda/domain';
import { DelegateEntity, DemandEntity, EventEntity, OfferEntity, ParticipantEntity, TableEntity } from '../../entities';

const ENTITY: Record<RecordKind, new () => ObjectLiteral> = {
  tables: TableEntity,
  participants: ParticipantEntity,
  delegates: DelegateEntity,
  demands: DemandEntity,
  offers: OfferEntity,
};

export class TypeOrmRecordRepository implements RecordRepository {
  constructor(private readonly m: EntityManager) {}

  eventExists(eventId: string): Promise<boolean> {
    return this.m.getRepository(EventEntity).exists({ where: { id: eventId } });
  }

  participantInEvent(eventId: string, participantId: string): Promise<boolean> {
    return this.m.getRepository(ParticipantEntity).exists({ where: { id: participantId, eventId } });
  }

  async participantKind(eventId: string, participantId: string): Promise<'gadm' | 'cooperant' | null> {
    const [row] = await this.m.query(`SELECT kind FROM participants WHERE id = $1 AND event_id = $2 FOR SHARE`, [participantId, eventId]);
    return (row?.kind as 'gadm' | 'cooperant' | undefined) ?? null;
  }

  ownedCount(kind: 'demands' | 'offers', participantId: string): Promise<number> {
    return this.m.getRepository(ENTITY[kind]).count({ where: { participantId } });
  }

  async placedMeetings(participantId: string): Promise<number> {
    const [row] = await this.m.query(
      `SELECT count(*)::int AS n FROM meetings WHERE (participant_a_id = $1 OR participant_b_id = $1) AND status = ANY($2::text[])`,
      [participantId, OCCUPYING_STATUSES],
    );
    return row.n as number;
  }

  async reservedTableOf(participantId: string, exceptTableId?: string): Promise<{ id: string; number: number } | null> {
    const [row] = await this.m.query(
      `SELECT id, number FROM tables WHERE reserved_for_participant_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1`,
      [participantId, exceptTableId ?? null],
    );
    return row ? { id: row.id, number: row.number } : null;
  }

  async insert(kind: RecordKind, eventId: string, values: Record<string, unknown>): Promise<EventRecord> {
    const repo = this.m.getRepository(ENTITY[kind]);
    return (await repo.save(repo.create({ ...values, eventId }))) as EventRecord;
  }

  async lock(kind: RecordKind, eventId: string, id: string): Promise<EventRecord | null> {
    return (await this.m
      .getRepository(ENTITY[kind])
      .findOne({ where: { id, eventId }, lock: { mode: 'pessimistic_write' } })) as EventRecord | null;
  }

  async save(kind: RecordKind, record: EventRecord): Promise<EventRecord> {
    return (await this.m.getRepository(ENTITY[kind]).save(record)) as EventRecord;
  }

  async remove(kind: RecordKind, eventId: string, id: string): Promise<boolean> {
    const res = await this.m.getRepository(ENTITY[kind]).delete({ id, eventId });
    return Boolean(res.affected);
  }
}
