import { EntityManager } from 'typeorm';
import { conflict, NOUNS, notFound } from '@rueda/domain';
import type { Schedule } from '@rueda/formats';
import type { LiveMessage } from '@rueda/realtime';
import { ScheduleAssignmentEntity, ScheduleVersionEntity } from '../entities';
import { appendLive } from '../live/live-log';

/**
 * Writes a solved schedule into its version in one transaction: a worker that dies half way
 * leaves the version as it was, and a retried job simply writes it again.
 */
export async function saveScheduleVersion(m: EntityManager, versionId: string, schedule: Schedule): Promise<void> {
  await m.transaction(async (t) => {
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
  });
}

/** Meetings per GADM, and under `idle` how idle time falls on participants (the fairness of waits). */
export function storedFairness(schedule: Pick<Schedule, 'fairness' | 'idleFairness'>): Record<string, unknown> {
  return { ...(schedule.fairness ?? {}), ...(schedule.idleFairness ? { idle: schedule.idleFairness } : {}) };
}

/**
 * Publishes a draft: the previous published version is superseded, meetings take their slot
 * and table (status scheduled), meetings no longer placed go back to accepted. The partial
 * unique index on published versions and the one on (slot, table) of live meetings keep two
 * concurrent publishes from both winning.
 */
export async function publishScheduleVersion(
  m: EntityManager,
  eventId: string,
  versionId: string,
): Promise<{ version: ScheduleVersionEntity; messages: LiveMessage[] }> {
  return m.transaction(async (t) => {
    await t.query(`SELECT id FROM events WHERE id = $1 FOR UPDATE`, [eventId]);
    const version = await t.getRepository(ScheduleVersionEntity).findOneBy({ id: versionId, eventId });
    if (!version) throw notFound(NOUNS.scheduleVersion, versionId);
    if (version.status !== 'draft') {
      throw conflict('not_draft', {
        es: `Solo se publica un borrador (esta versión está «${version.status}»)`,
        en: `Only a draft can be published (this version is "${version.status}")`,
      });
    }
    await t.query(`UPDATE schedule_versions SET status = 'superseded' WHERE event_id = $1 AND status = 'published'`, [eventId]);
    await t.query(
      `UPDATE meetings SET status = 'accepted', slot_id = NULL, table_id = NULL, version = version + 1, updated_at = now()
        WHERE event_id = $1 AND status = 'scheduled'`,
      [eventId],
    );
    await t.query(
      `UPDATE meetings m SET status = 'scheduled', slot_id = a.slot_id, table_id = a.table_id, version = m.version + 1, updated_at = now()
         FROM schedule_assignments a
        WHERE a.schedule_version_id = $1 AND a.meeting_id = m.id AND m.status IN ('accepted', 'scheduled')`,
      [versionId],
    );
    await t.query(`UPDATE schedule_versions SET status = 'published', published_at = now() WHERE id = $1`, [versionId]);
    // Event-wide (no participant, no table named): everybody reloads its agenda, and nobody
    // receives the list of everybody else.
    const messages = await appendLive(t, eventId, [
      { type: 'schedule.published', participants: [], tables: [], payload: { versionId, number: version.number } },
    ]);
    return { version: await t.getRepository(ScheduleVersionEntity).findOneByOrFail({ id: versionId }), messages };
  });
}
