import type { EntityManager } from 'typeorm';
import type { EventRepository, EventView, StoredSession } from '@rueda/application';
import type { GeneratedSlot, SessionSpec } from '@rueda/domain';
import { EventEntity, EventSessionEntity, SlotEntity, TableEntity, UnavailabilityEntity } from '../../entities';

export class TypeOrmEventRepository implements EventRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(fields: Record<string, unknown>) {
    const repo = this.m.getRepository(EventEntity);
    return repo.save(repo.create(fields));
  }

  async idsNamed(name: string): Promise<string[]> {
    const rows = await this.m.getRepository(EventEntity).find({ where: { name }, select: { id: true }, order: { createdAt: 'ASC' } });
    return rows.map((r) => r.id);
  }

  async view(eventId: string): Promise<EventView | null> {
    return (await this.m.getRepository(EventEntity).findOne({
      where: { id: eventId },
      relations: { sessions: true },
      order: { sessions: { day: 'ASC', startTime: 'ASC' } },
    })) as EventView | null;
  }

  async save(event: EventView): Promise<void> {
    const { sessions: _sessions, ...row } = event;
    await this.m.getRepository(EventEntity).save(row);
  }

  async remove(eventId: string): Promise<boolean> {
    return Boolean((await this.m.getRepository(EventEntity).delete({ id: eventId })).affected);
  }

  sessions(eventId: string): Promise<StoredSession[]> {
    return this.m.getRepository(EventSessionEntity).find({ where: { eventId } });
  }

  async replaceSessions(eventId: string, sessions: SessionSpec[]): Promise<StoredSession[]> {
    const repo = this.m.getRepository(EventSessionEntity);
    await repo.delete({ eventId });
    return sessions.length ? repo.save(sessions.map((s) => repo.create({ ...s, eventId }))) : [];
  }

  async replaceSlots(eventId: string, slots: GeneratedSlot[]): Promise<void> {
    const repo = this.m.getRepository(SlotEntity);
    await repo.delete({ eventId });
    if (slots.length) await repo.insert(slots.map((s) => ({ ...s, sessionId: s.sessionId ?? null, eventId })));
  }

  async placedInSlots(eventId: string): Promise<number> {
    const [{ n }] = await this.m.query(
      `SELECT (SELECT count(*) FROM meetings WHERE event_id = $1 AND slot_id IS NOT NULL)
            + (SELECT count(*) FROM schedule_assignments a JOIN schedule_versions v ON v.id = a.schedule_version_id WHERE v.event_id = $1) AS n`,
      [eventId],
    );
    return Number(n);
  }

  async slotIds(eventId: string): Promise<string[]> {
    return (await this.m.getRepository(SlotEntity).find({ where: { eventId }, select: { id: true } })).map((s) => s.id);
  }

  async insertTables(eventId: string, count: number): Promise<void> {
    await this.m
      .getRepository(TableEntity)
      .insert(Array.from({ length: count }, (_, i) => ({ eventId, number: i + 1, label: `Mesa ${i + 1}` })));
  }

  async replaceUnavailability(participantId: string, slotIds: string[]): Promise<void> {
    const repo = this.m.getRepository(UnavailabilityEntity);
    await repo.delete({ participantId });
    if (slotIds.length) await repo.insert(slotIds.map((slotId) => ({ participantId, slotId })));
  }
}
