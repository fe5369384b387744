import type { EntityManager } from 'typeorm';
import type { ScheduleRepository, ScheduleVersionRecord } from '@rueda/application';
import { ScheduleAssignmentEntity, ScheduleVersionEntity } from '../../entities';
import { loadEventScheduleInstance } from '../../scheduling/event-schedule-instance';

export class TypeOrmScheduleRepository implements ScheduleRepository {
  constructor(private readonly m: EntityManager) {}

  loadInstance(eventId: string, opts: { keepPublished: boolean }) {
    return loadEventScheduleInstance(this.m, eventId, opts);
  }

  find(eventId: string, versionId: string): Promise<ScheduleVersionEntity | null> {
    return this.m.getRepository(ScheduleVersionEntity).findOneBy({ id: versionId, eventId });
  }

  async create(eventId: string, params: Record<string, unknown>): Promise<ScheduleVersionEntity> {
    const [{ n }] = await this.m.query(`SELECT coalesce(max(number), 0) + 1 AS n FROM schedule_versions WHERE event_id = $1`, [eventId]);
    const repo = this.m.getRepository(ScheduleVersionEntity);
    const v = await repo.save(repo.create({ eventId, number: n, status: 'generating', params }));
    v.jobId = `schedule-${v.id}`;
    return repo.save(v);
  }

  async assignments(versionId: string) {
    const rows = await this.m.getRepository(ScheduleAssignmentEntity).findBy({ scheduleVersionId: versionId });
    return rows.map((r) => ({ meeting: r.meetingId, slot: r.slotId, table: r.tableId }));
  }

  async assign(versionId: string, meetingId: string, to: { slotId: string; tableId: string } | null) {
    const repo = this.m.getRepository(ScheduleAssignmentEntity);
    await repo.delete({ scheduleVersionId: versionId, meetingId });
    if (to) await repo.insert({ scheduleVersionId: versionId, meetingId, slotId: to.slotId, tableId: to.tableId });
  }

  async saveFigures(versionId: string, stats: Record<string, unknown>, unscheduled: { meeting: string; reason: string }[]) {
    // jsonb columns are written as JSON text: TypeORM's partial-update types do not describe them.
    await this.m.query(`UPDATE schedule_versions SET stats = $2, unscheduled = $3 WHERE id = $1`, [
      versionId,
      JSON.stringify(stats),
      JSON.stringify(unscheduled),
    ]);
  }

  async publish(eventId: string, versionId: string, now: Date): Promise<ScheduleVersionRecord> {
    const t = this.m;
    await t.query(`UPDATE schedule_versions SET status = 'superseded' WHERE event_id = $1 AND status = 'published'`, [eventId]);
    await t.query(
      `UPDATE meetings SET status = 'accepted', slot_id = NULL, table_id = NULL, version = version + 1, updated_at = $2
        WHERE event_id = $1 AND status = 'scheduled'`,
      [eventId, now],
    );
    await t.query(
      `UPDATE meetings m SET status = 'scheduled', slot_id = a.slot_id, table_id = a.table_id, version = m.version + 1, updated_at = $2
         FROM schedule_assignments a
        WHERE a.schedule_version_id = $1 AND a.meeting_id = m.id AND m.status IN ('accepted', 'scheduled')`,
      [versionId, now],
    );
    await t.query(`UPDATE schedule_versions SET status = 'published', published_at = $2 WHERE id = $1`, [versionId, now]);
    return t.getRepository(ScheduleVersionEntity).findOneByOrFail({ id: versionId });
  }
}
