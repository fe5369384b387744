import type { EntityManager } from 'typeorm';
import { SCHEDULABLE_STATUSES, STARTED_STATUSES, sqlIn } from '@rueda/domain';
import type { Schedule, ScheduleBounds } from '@rueda/formats';
import type { Cell, DayMeeting, ScheduleRepository } from '@rueda/application';
import { ScheduleAssignmentEntity, ScheduleVersionEntity } from '../../entities';
import { loadEventScheduleInstance } from '../../scheduling/event-schedule-instance';
import { fillScheduleVersion, storedFairness } from '../../scheduling/schedule-versions';
import { inTurn } from '../../in-turn';

export class TypeOrmScheduleRepository implements ScheduleRepository {
  constructor(private readonly m: EntityManager) {}

  loadInstance(eventId: string, opts: { keepPublished: boolean; now: Date }) {
    return loadEventScheduleInstance(this.m, eventId, opts);
  }

  find(eventId: string, versionId: string): Promise<ScheduleVersionEntity | null> {
    return this.m.getRepository(ScheduleVersionEntity).findOneBy({ id: versionId, eventId });
  }

  async create(eventId: string, params: Record<string, unknown>): Promise<ScheduleVersionEntity> {
    const [{ n }] = await this.m.query(`SELECT coalesce(max(number), 0) + 1 AS n FROM schedule_versions WHERE event_id = $1`, [eventId]);
    const repo = this.m.getRepository(ScheduleVersionEntity);
    // Under the event lock the caller holds: no live change slips between this read and the draft.
    const [{ live_seq }] = await this.m.query(`SELECT live_seq FROM events WHERE id = $1`, [eventId]);
    const v = await repo.save(repo.create({ eventId, number: n, status: 'generating', params, liveSeq: Number(live_seq) }));
    v.jobId = `schedule-${v.id}`;
    return repo.save(v);
  }

  async assignments(versionId: string) {
    const rows = await this.m.getRepository(ScheduleAssignmentEntity).findBy({ scheduleVersionId: versionId });
    return rows.map((r) => ({ meeting: r.meetingId, slot: r.slotId, table: r.tableId }));
  }

  async fill(versionId: string, schedule: Schedule) {
    await fillScheduleVersion(this.m, versionId, schedule);
  }

  async failJob(jobId: string, error: string) {
    const r = await this.m.getRepository(ScheduleVersionEntity).update({ jobId, status: 'generating' }, { status: 'failed', error });
    return (r.affected ?? 0) > 0;
  }

  async assign(versionId: string, meetingId: string, to: { slotId: string; tableId: string } | null) {
    const repo = this.m.getRepository(ScheduleAssignmentEntity);
    await repo.delete({ scheduleVersionId: versionId, meetingId });
    if (to) await repo.insert({ scheduleVersionId: versionId, meetingId, slotId: to.slotId, tableId: to.tableId });
  }

  async saveFigures(
    versionId: string,
    stats: Record<string, unknown>,
    unscheduled: { meeting: string; reason: string }[],
    measured?: { bounds: ScheduleBounds } & Pick<Schedule, 'fairness' | 'idleFairness'>,
  ) {
    // jsonb columns are written as JSON text: TypeORM's partial-update types do not describe them.
    await this.m.query(
      `UPDATE schedule_versions SET stats = $2, unscheduled = $3, bounds = COALESCE($4, bounds), fairness = COALESCE($5, fairness) WHERE id = $1`,
      [
        versionId,
        JSON.stringify(stats),
        JSON.stringify(unscheduled),
        measured ? JSON.stringify(measured.bounds) : null,
        measured ? JSON.stringify(storedFairness(measured)) : null,
      ],
    );
  }

  async publish(eventId: string, versionId: string, now: Date, rebase = { keep: [] as string[], skip: [] as string[] }) {
    const t = this.m;
    await t.query(`UPDATE schedule_versions SET status = 'superseded' WHERE event_id = $1 AND status = 'published'`, [eventId]);
    await t.query(
      `UPDATE meetings SET status = 'accepted', slot_id = NULL, table_id = NULL, version = version + 1, updated_at = $2
        WHERE event_id = $1 AND status = 'scheduled' AND NOT id = ANY($3::uuid[])`,
      [eventId, now, rebase.keep],
    );
    await t.query(
      `UPDATE meetings m SET status = 'scheduled', slot_id = a.slot_id, table_id = a.table_id, version = m.version + 1, updated_at = $2
         FROM schedule_assignments a
        WHERE a.schedule_version_id = $1 AND a.meeting_id = m.id AND m.status IN ${sqlIn(SCHEDULABLE_STATUSES)}
          AND NOT m.id = ANY($3::uuid[])`,
      [versionId, now, [...rebase.keep, ...rebase.skip]],
    );
    await t.query(`UPDATE schedule_versions SET status = 'published', published_at = $2 WHERE id = $1`, [versionId, now]);
    return t.getRepository(ScheduleVersionEntity).findOneByOrFail({ id: versionId });
  }

  async draftPlacements(versionId: string): Promise<(DayMeeting & Cell)[]> {
    return this.m.query(
      `SELECT m.id, m.participant_a_id AS a, m.participant_b_id AS b, m.status, a.slot_id AS "slotId", a.table_id AS "tableId"
         FROM schedule_assignments a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.schedule_version_id = $1`,
      [versionId],
    );
  }

  async liveSince(eventId: string, afterSeq: number) {
    const cols = `m.id, m.participant_a_id AS a, m.participant_b_id AS b, m.status, m.slot_id AS "slotId", m.table_id AS "tableId"`;
    const [[{ live_seq }], touched, holding] = await inTurn([
      () => this.m.query(`SELECT live_seq FROM events WHERE id = $1`, [eventId]),
      // The meetings named by the log after afterSeq: changed or created ones, and those a leave freed.
      () =>
        this.m.query(
          `SELECT ${cols} FROM meetings m WHERE m.event_id = $1 AND m.id IN (
           SELECT (l.payload->>'id')::uuid FROM live_messages l
            WHERE l.event_id = $1 AND l.seq > $2 AND l.type IN ('meeting.updated', 'meeting.created')
           UNION
           SELECT jsonb_array_elements_text(l.payload->'freedMeetingIds')::uuid FROM live_messages l
            WHERE l.event_id = $1 AND l.seq > $2 AND l.type = 'participant.left')`,
          [eventId, afterSeq],
        ),
      () => this.m.query(`SELECT ${cols} FROM meetings m WHERE m.event_id = $1 AND m.status IN ${sqlIn(STARTED_STATUSES)}`, [eventId]),
    ]);
    return { head: Number(live_seq), touched: touched as DayMeeting[], holding: holding as DayMeeting[] };
  }
}
