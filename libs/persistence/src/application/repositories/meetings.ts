import type { EntityManager } from 'typeorm';
import type { MeetingRecord, MeetingRepository } from '@rueda/application';
import { MeetingEntity } from '../../entities';

export class TypeOrmMeetingRepository implements MeetingRepository {
  constructor(private readonly m: EntityManager) {}

  async eventOf(meetingId: string): Promise<string | null> {
    const row = await this.m.getRepository(MeetingEntity).findOne({ where: { id: meetingId }, select: { eventId: true } });
    return row?.eventId ?? null;
  }

  lock(eventId: string, meetingId: string): Promise<MeetingEntity | null> {
    return this.m.getRepository(MeetingEntity).findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
  }

  save<M extends MeetingRecord>(meeting: M): Promise<M> {
    return this.m.getRepository(MeetingEntity).save(meeting as unknown as MeetingEntity) as unknown as Promise<M>;
  }
}
