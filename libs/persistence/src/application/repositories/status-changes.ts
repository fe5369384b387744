import type { EntityManager } from 'typeorm';
import type { StatusChange, StatusChangeRepository } from '@rueda/application';
import { IdempotentRequestEntity, MeetingStatusChangeEntity } from '../../entities';

const toChange = (r: MeetingStatusChangeEntity): StatusChange => ({
  id: r.id,
  meetingId: r.meetingId,
  kind: r.kind,
  before: r.beforeStatus,
  after: r.afterStatus,
  actorId: r.actorId,
  actorEmail: r.actorEmail,
  reason: r.reason,
  at: r.at,
});

export class TypeOrmStatusChangeRepository implements StatusChangeRepository {
  constructor(private readonly m: EntityManager) {}

  async record(c: Parameters<StatusChangeRepository['record']>[0]): Promise<StatusChange> {
    const repo = this.m.getRepository(MeetingStatusChangeEntity);
    const { before, after, ...rest } = c;
    return toChange(await repo.save(repo.create({ ...rest, beforeStatus: before, afterStatus: after })));
  }

  async latest(meetingId: string): Promise<StatusChange | null> {
    const r = await this.m.getRepository(MeetingStatusChangeEntity).findOne({ where: { meetingId }, order: { at: 'DESC', seq: 'DESC' } });
    return r ? toChange(r) : null;
  }

  async history(eventId: string, meetingId: string): Promise<StatusChange[]> {
    const rows = await this.m
      .getRepository(MeetingStatusChangeEntity)
      .find({ where: { eventId, meetingId }, order: { at: 'DESC', seq: 'DESC' }, take: 100 });
    return rows.map(toChange);
  }

  async verdict(eventId: string, key: string): Promise<Record<string, unknown> | null> {
    const r = await this.m.getRepository(IdempotentRequestEntity).findOne({ where: { eventId, key } });
    return r ? r.body : null;
  }

  async keepVerdict(eventId: string, key: string, body: object, at: Date): Promise<boolean> {
    // The primary key (event, key) settles two requests racing with one key: one row, one winner.
    const rows: unknown[] = await this.m.query(
      `INSERT INTO idempotent_requests (event_id, key, status, body, at) VALUES ($1, $2, 200, $3, $4)
       ON CONFLICT (event_id, key) DO NOTHING RETURNING key`,
      [eventId, key, JSON.stringify(body), at],
    );
    return rows.length === 1;
  }
}
