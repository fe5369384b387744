import { EntityManager } from 'typeorm';
import type { Schedule } from '@rueda/formats';
import { ScheduleAssignmentEntity } from '../entities';

/**
 * Writes a job's schedule into its version, in the caller's transaction: assignments replaced,
 * figures and proof stored, status draft. The use case FillScheduleDraft decides whether it may.
 */
export async function fillScheduleVersion(t: EntityManager, versionId: string, schedule: Schedule): Promise<void> {
  await t.getRepository(ScheduleAssignmentEntity).delete({ scheduleVersionId: versionId });
  const rows = schedule.assignments.map((a) => ({
    scheduleVersionId: versionId,
    meetingId: a.meeting,
    slotId: a.slot,
    tableId: a.table,
  }));
  for (let i = 0; i < rows.length; i += 1000) await t.getRepository(ScheduleAssignmentEntity).insert(rows.slice(i, i + 1000));
  // jsonb columns are written as JSON text: TypeORM's partial-update types do not describe them.
  await t.query(
    `UPDATE schedule_versions SET status = 'draft', error = NULL, stats = $2, bounds = $3, unscheduled = $4, fairness = $5 WHERE id = $1`,
    [
      versionId,
      JSON.stringify(schedule.stats),
      JSON.stringify(schedule.bounds),
      JSON.stringify(schedule.unscheduled),
      JSON.stringify(storedFairness(schedule)),
    ],
  );
}

/** Meetings per GADM, and under `idle` how idle time falls on participants (the fairness of waits). */
export function storedFairness(schedule: Pick<Schedule, 'fairness' | 'idleFairness'>): Record<string, unknown> {
  return { ...(schedule.fairness ?? {}), ...(schedule.idleFairness ? { idle: schedule.idleFairness } : {}) };
}
