import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NOUNS, notFound } from '@rueda/domain';
import { EventEntity, ParticipantEntity, SlotEntity, UnavailabilityEntity } from '@rueda/persistence';

/** Reads of events, slots and availability (their changes are the event use cases). */
@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(page: number, pageSize: number) {
    const [items, total] = await this.db.getRepository(EventEntity).findAndCount({
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  slots(eventId: string) {
    return this.db.getRepository(SlotEntity).find({ where: { eventId }, order: { ordinal: 'ASC' } });
  }

  async unavailability(eventId: string, participantId: string): Promise<string[]> {
    await this.participantOf(eventId, participantId);
    const rows = await this.db.getRepository(UnavailabilityEntity).find({ where: { participantId } });
    return rows.map((r) => r.slotId);
  }

  private async participantOf(eventId: string, participantId: string, m: EntityManager = this.db.manager) {
    const p = await m.getRepository(ParticipantEntity).findOne({ where: { id: participantId, eventId } });
    if (!p) throw notFound(NOUNS.participant, participantId);
    return p;
  }
}
