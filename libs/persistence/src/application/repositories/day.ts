import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type {
  DelegateRecord,
  DelegateRepository,
  EventFactsRepository,
  ParticipantRepository,
  ProposalRecord,
  ProposalRepository,
  SlotRepository,
  TableRepository,
} from '@rueda/application';
import type { ProposalStatus } from '@rueda/live';
import { checkInKey } from '../../install-secrets';
import { holdEventShared } from '../../live/event-locks';
import { DelegateEntity, EventEntity, ParticipantEntity, ReplacementProposalEntity, SlotEntity, TableEntity } from '../../entities';

export class TypeOrmDelegateRepository implements DelegateRepository {
  constructor(private readonly m: EntityManager) {}
  async lock(eventId: string, delegateId: string) {
    await holdEventShared(this.m, eventId);
    return this.m.getRepository(DelegateEntity).findOne({ where: { id: delegateId, eventId }, lock: { mode: 'pessimistic_write' } });
  }
  save<D extends DelegateRecord>(d: D): Promise<D> {
    return this.m.getRepository(DelegateEntity).save(d as unknown as DelegateEntity) as unknown as Promise<D>;
  }
}

export class TypeOrmSlotRepository implements SlotRepository {
  constructor(private readonly m: EntityManager) {}
  async reschedule(slots: { id: string; startsAt: Date; endsAt: Date }[]) {
    for (const x of slots) await this.m.getRepository(SlotEntity).update({ id: x.id }, { startsAt: x.startsAt, endsAt: x.endsAt });
  }
}

export class TypeOrmParticipantRepository implements ParticipantRepository {
  constructor(private readonly m: EntityManager) {}
  async markLeft(eventId: string, participantId: string, at: Date) {
    await this.m.getRepository(ParticipantEntity).update({ id: participantId, eventId }, { leftAt: at });
  }
  async name(eventId: string, participantId: string) {
    return (
      (await this.m.getRepository(ParticipantEntity).findOne({ where: { id: participantId, eventId }, select: { id: true, name: true } }))
        ?.name ?? null
    );
  }
}

export class TypeOrmEventFactsRepository implements EventFactsRepository {
  constructor(private readonly m: EntityManager) {}
  async timeZone(eventId: string) {
    return (
      (await this.m.getRepository(EventEntity).findOne({ where: { id: eventId }, select: { id: true, timeZone: true } }))?.timeZone ?? null
    );
  }
  checkInKey() {
    return checkInKey(this.m);
  }
}

export class TypeOrmTableRepository implements TableRepository {
  constructor(private readonly m: EntityManager) {}
  exists(eventId: string, tableId: string) {
    return this.m.getRepository(TableEntity).existsBy({ id: tableId, eventId });
  }
}

export class TypeOrmProposalRepository implements ProposalRepository {
  constructor(private readonly m: EntityManager) {}
  private get repo() {
    return this.m.getRepository(ReplacementProposalEntity);
  }
  list(eventId: string, status?: ProposalStatus) {
    return this.repo.find({ where: { eventId, ...(status ? { status } : {}) }, order: { createdAt: 'DESC' }, take: 200 });
  }
  async lock(eventId: string, proposalId: string) {
    await holdEventShared(this.m, eventId);
    return this.repo.findOne({ where: { id: proposalId, eventId }, lock: { mode: 'pessimistic_write' } });
  }
  beginRecovery(eventId: string, cell: { slotId: string; tableId: string }, requestId: string | null, now: Date) {
    // One statement: the answered proposal read, and the UPDATE (a data-modifying CTE, run
    // whether read or not) expiring the cell's open one unless the request was answered.
    return this.repo
      .createQueryBuilder('p')
      .addCommonTableExpression(
        `UPDATE replacement_proposals SET status = 'expired', resolved_at = :now
          WHERE event_id = :eventId AND slot_id = :slotId AND table_id = :tableId AND status = 'proposed'
            AND NOT EXISTS (SELECT 1 FROM replacement_proposals a WHERE a.event_id = :eventId AND a.request_id = :requestId)`,
        'expired',
      )
      .where('p.eventId = :eventId AND p.requestId = :requestId', { eventId, requestId, now, slotId: cell.slotId, tableId: cell.tableId })
      .getOne();
  }
  async insert(p: Omit<ProposalRecord, 'createdAt'>) {
    // An INSERT only (its RETURNING fills created_at into the entity): save() would first SELECT
    // the id to choose between insert and update, a round trip for an id just made up.
    const row = this.repo.create(p);
    // (Typed as a partial of itself: TypeORM's deep-partial type refuses the jsonb record.)
    await this.repo.insert(row as QueryDeepPartialEntity<ReplacementProposalEntity>);
    return row;
  }
  save<P extends ProposalRecord>(p: P): Promise<P> {
    return this.repo.save(p as unknown as ReplacementProposalEntity) as unknown as Promise<P>;
  }
}
