import type { EntityManager } from 'typeorm';
import type { RegistrationDecision, RegistrationRecord, RegistrationRepository } from '@rueda/application';
import { EventEntity, ParticipantEntity, RegistrationEntity } from '../../entities';

const shown = (r: RegistrationEntity): RegistrationRecord => ({
  id: r.id,
  eventId: r.eventId,
  email: r.email,
  data: r.data,
  status: r.status,
});

export class TypeOrmRegistrationRepository implements RegistrationRepository {
  constructor(private readonly m: EntityManager) {}

  async registrationOpen(eventId: string): Promise<boolean | null> {
    const ev = await this.m.getRepository(EventEntity).findOneBy({ id: eventId });
    return ev ? !!ev.settings.registrationOpen : null;
  }

  async insert(eventId: string, email: string, data: unknown): Promise<RegistrationRecord> {
    const repo = this.m.getRepository(RegistrationEntity);
    return shown(await repo.save(repo.create({ eventId, email, data: data as Record<string, unknown> })));
  }

  async lock(eventId: string, id: string): Promise<RegistrationRecord | null> {
    const reg = await this.m.getRepository(RegistrationEntity).findOne({ where: { id, eventId }, lock: { mode: 'pessimistic_write' } });
    return reg && shown(reg);
  }

  async decide(id: string, d: RegistrationDecision): Promise<void> {
    await this.m.getRepository(RegistrationEntity).update(id, {
      status: d.status,
      ...(d.participantId ? { participantId: d.participantId } : {}),
      ...(d.comment !== undefined ? { reviewComment: d.comment } : {}),
      reviewedBy: d.reviewedBy,
      reviewedAt: d.at,
    });
  }

  externalIdTaken(eventId: string, externalId: string): Promise<boolean> {
    return this.m.getRepository(ParticipantEntity).exists({ where: { eventId, externalId } });
  }
}
