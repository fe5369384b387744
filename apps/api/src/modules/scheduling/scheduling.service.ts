import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@rueda/application';
import { CLOCK } from '../../platform/application.module';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EventEntity, loadEventScheduleInstance, loadReportData, ScheduleVersionEntity } from '@rueda/persistence';
import { QUEUES, SchedulingJobData, SchedulingProgress } from '@rueda/queues';
import { NOUNS, notFound } from '@rueda/domain';
import { labelledParticipation } from '@rueda/reporting';

/** Reads of schedule versions; their changes are use cases (GenerateSchedule, EditDraftAssignment, PublishScheduleVersion). */
@Injectable()
export class SchedulingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.scheduling) private readonly queue: Queue<SchedulingJobData>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(eventId: string) {
    return this.db.getRepository(ScheduleVersionEntity).find({
      where: { eventId },
      order: { number: 'DESC' },
      select: {
        id: true,
        eventId: true,
        number: true,
        status: true,
        stats: true,
        bounds: true,
        createdAt: true,
        publishedAt: true,
        params: true,
      },
    });
  }

  /** A version with its figures, the gap to the bound, why meetings were left out, and live progress while it runs. */
  async get(eventId: string, versionId: string) {
    const v = await this.db.getRepository(ScheduleVersionEntity).findOneBy({ id: versionId, eventId });
    if (!v) throw notFound(NOUNS.scheduleVersion, versionId);
    let progress: SchedulingProgress | null = null;
    if (v.status === 'generating' && v.jobId) {
      const job = await this.queue.getJob(v.jobId).catch(() => undefined);
      progress = (job?.progress as SchedulingProgress | undefined) ?? { phase: 'loading', percent: 0 };
    }
    const unscheduled = await this.describeUnscheduled(v.unscheduled);
    const weight = Number(v.stats.weight ?? 0);
    const bound = Number(v.bounds.weightUpperBound ?? 0);
    return {
      ...v,
      unscheduled,
      progress,
      participation: v.status === 'generating' ? null : await this.participation(eventId, versionId),
      quality: bound > 0 ? { weight, bound, ratio: weight / bound, gapPercent: (1 - weight / bound) * 100 } : null,
    };
  }

  /**
   * The GADM figures of this version, by the definitions the reports and the PDF use: the
   * GADMs of the Jornada with and without demands, with and without a meeting in this schedule.
   */
  private async participation(eventId: string, versionId: string) {
    const loaded = await loadReportData(this.db.manager, eventId);
    if (!loaded) throw notFound(NOUNS.event, eventId);
    const placed: { meeting_id: string }[] = await this.db.query(
      `SELECT meeting_id FROM schedule_assignments WHERE schedule_version_id = $1`,
      [versionId],
    );
    return labelledParticipation(loaded.data, { metric: 'scheduled', placedMeetingIds: new Set(placed.map((r) => r.meeting_id)) });
  }

  /** Slot × table rows with the names a person reads. */
  async assignments(eventId: string, versionId: string) {
    const v = await this.db.getRepository(ScheduleVersionEntity).findOneBy({ id: versionId, eventId });
    if (!v) throw notFound(NOUNS.scheduleVersion, versionId);
    return this.db.query(
      `SELECT a.meeting_id AS "meetingId", s.id AS "slotId", s.code AS "slot", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
              t.id AS "tableId", t.number AS "table", pa.id AS "participantAId", pa.name AS "participantA", pb.id AS "participantBId", pb.name AS "participantB",
              m.weight, m.mandatory
         FROM schedule_assignments a JOIN slots s ON s.id = a.slot_id JOIN tables t ON t.id = a.table_id
         JOIN meetings m ON m.id = a.meeting_id JOIN participants pa ON pa.id = m.participant_a_id JOIN participants pb ON pb.id = m.participant_b_id
        WHERE a.schedule_version_id = $1 ORDER BY s.ordinal, t.number`,
      [versionId],
    );
  }

  /** The instance the next job would solve, as rueda.schedule-instance/1 (for the CLI, audits and support). */
  async instance(eventId: string, keepPublished: boolean) {
    if (!(await this.db.getRepository(EventEntity).existsBy({ id: eventId }))) throw notFound(NOUNS.event, eventId);
    return (await loadEventScheduleInstance(this.db.manager, eventId, { keepPublished, now: this.clock.now() })).instance;
  }

  private async describeUnscheduled(rows: { meeting: string; reason: string }[]) {
    if (!rows.length) return [];
    const names = await this.db.query(
      `SELECT m.id, pa.name AS a, pb.name AS b FROM meetings m JOIN participants pa ON pa.id = m.participant_a_id
         JOIN participants pb ON pb.id = m.participant_b_id WHERE m.id = ANY($1::uuid[])`,
      [rows.map((r) => r.meeting)],
    );
    const byId = new Map<string, { a: string; b: string }>(names.map((n: { id: string; a: string; b: string }) => [n.id, n]));
    return rows.map((r) => ({ ...r, participants: byId.has(r.meeting) ? [byId.get(r.meeting)!.a, byId.get(r.meeting)!.b] : [] }));
  }
}
