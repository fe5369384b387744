import type { EntityManager } from 'typeorm';
import type { LiveMeetingOrigin, MeetingRecord, MeetingRepository } from '@rueda/application';
import type { LiveChange as LiveDomainChange } from '@rueda/live';
import { MeetingEntity } from '../../entities';
import { persistMeetingChanges } from '../../live/persist-live';

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

  applyLiveChange(eventId: string, change: LiveDomainChange, origin: LiveMeetingOrigin, now: Date) {
    return persistMeetingChanges(this.m, eventId, change, origin, now);
  }
}
