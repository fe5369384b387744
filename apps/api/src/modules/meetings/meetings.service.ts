import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeetingEntity } from '@rueda/persistence';

/**
 * The organisers' reads of meetings and requests. Every change (request, answer, withdrawal,
 * an organiser's meeting, its window, expiry) is a use case in libs/application (meetings).
 */
@Injectable()
export class MeetingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of the event's meetings; the caller expires overdue requests first (ExpireRequests). */
  async list(eventId: string, q: { status?: string; participantId?: string; page: number; pageSize: number }) {
    const qb = this.db.getRepository(MeetingEntity).createQueryBuilder('m').where('m.eventId = :eventId', { eventId });
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    if (q.participantId) qb.andWhere('(m.participantAId = :p OR m.participantBId = :p)', { p: q.participantId });
    const [items, total] = await qb
      .orderBy('m.createdAt', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
