import type { EntityManager } from 'typeorm';
import type { ParticipantChange, SelfServiceFacts, SelfServiceRepository } from '@rueda/application';
import { EventEntity, ParticipantChangeEntity, SlotEntity, UnavailabilityEntity } from '../../entities';

export class TypeOrmSelfServiceRepository implements SelfServiceRepository {
  constructor(private readonly m: EntityManager) {}

  async facts(eventId: string): Promise<SelfServiceFacts | null> {
    const ev = await this.m.getRepository(EventEntity).findOneBy({ id: eventId });
    if (!ev) return null;
    const [row]: { first: Date | null }[] = await this.m.query(`SELECT min(starts_at) AS first FROM slots WHERE event_id = $1`, [eventId]);
    return {
      deadline: ev.settings.selfServiceDeadline ?? null,
      firstSlotStart: row?.first ? new Date(row.first) : null,
      timeZone: ev.timeZone,
    };
  }

  async slotIds(eventId: string): Promise<string[]> {
    return (await this.m.getRepository(SlotEntity).find({ where: { eventId }, select: { id: true } })).map((s) => s.id);
  }

  async unavailableSlotIds(participantId: string): Promise<string[]> {
    return (await this.m.getRepository(UnavailabilityEntity).find({ where: { participantId } })).map((u) => u.slotId);
  }

  async setUnavailableSlotIds(participantId: string, slotIds: string[]): Promise<void> {
    const repo = this.m.getRepository(UnavailabilityEntity);
    await repo.delete({ participantId });
    if (slotIds.length) await repo.insert(slotIds.map((slotId) => ({ participantId, slotId })));
  }

  async recordChange(c: ParticipantChange): Promise<void> {
    const repo = this.m.getRepository(ParticipantChangeEntity);
    await repo.save(
      repo.create({
        eventId: c.eventId,
        participantId: c.participantId,
        entity: c.entity,
        entityId: c.entityId,
        action: c.action,
        before: c.before,
        after: c.after,
        actor: 'participant',
      }),
    );
  }

  async raiseDataVersion(eventId: string): Promise<void> {
    await this.m.query(`UPDATE events SET data_version = data_version + 1 WHERE id = $1`, [eventId]);
  }

  async externalIdsStartingWith(kind: 'delegates' | 'demands' | 'offers', eventId: string, prefix: string): Promise<string[]> {
    // `kind` is one of three table names, never the caller's text.
    const rows: { external_id: string }[] = await this.m.query(
      `SELECT external_id FROM ${kind} WHERE event_id = $1 AND external_id LIKE $2`,
      [eventId, `${prefix.replace(/[%_\\]/g, '\\$&')}%`],
    );
    return rows.map((r) => r.external_id);
  }
}
