import type { EntityManager } from 'typeorm';
import { MeetingEntity } from '../entities';

/**
 * Writes a meeting this transaction read under its row lock, in one statement. TypeORM's save()
 * first reads the row again to find what changed (a round trip each time: docs/benchmarks.md,
 * "Where the CPU of a no-show goes"). Here the database finds it: every updatable column is
 * set, and the row only if one of them differs, so as with save() the version and updated_at
 * move only when something changed; their new values are put into the entity as save() does.
 * Only for a row that exists and is locked until commit (lock() and the live change's
 * locked read): save() would insert a missing row, this would not.
 */
export async function updateLockedMeeting<M extends MeetingEntity>(m: EntityManager, row: M): Promise<M> {
  const meta = m.connection.getMetadata(MeetingEntity);
  const seen = new Set<string>();
  const cols = meta.columns.filter((c) => {
    const skip =
      !c.isUpdate ||
      c.isPrimary ||
      c.isVersion ||
      c.isUpdateDate ||
      c.isCreateDate ||
      c.isVirtual ||
      c.isVirtualProperty ||
      seen.has(c.databaseName);
    seen.add(c.databaseName);
    return !skip;
  });
  const names = cols.map((c) => `"${c.databaseName}"`);
  const params = cols.map((_, i) => `$${i + 2}`);
  const values = cols.map((c) => m.connection.driver.preparePersistentValue(c.getEntityValue(row), c));
  const [rows]: [{ version: number; updated_at: Date }[], number] = await m.query(
    `UPDATE "meetings" SET ${names.map((n, i) => `${n} = ${params[i]}`).join(', ')},
            "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP
      WHERE "id" = $1 AND (${names.join(', ')}) IS DISTINCT FROM (${params.join(', ')})
      RETURNING "version", "updated_at"`,
    [row.id, ...values],
  );
  if (rows[0]) Object.assign(row, { version: rows[0].version, updatedAt: rows[0].updated_at });
  return row;
}

/**
 * A live change's new place and status for a meeting, in one statement: the row is locked as
 * findOne's pessimistic_write did (FOR UPDATE, before the write) and its columns come back with
 * the UPDATE, so no read is sent before it. Null when the row is missing or already so (the
 * caller then reads it as before).
 */
export async function moveMeeting(
  m: EntityManager,
  eventId: string,
  meetingId: string,
  to: { status: string; slotId: string | null; tableId: string | null },
): Promise<MeetingEntity | null> {
  const [rows]: [Record<string, unknown>[], number] = await m.query(
    `WITH l AS (SELECT id FROM meetings WHERE id = $1 AND event_id = $2 FOR UPDATE)
     UPDATE meetings x SET status = $3, slot_id = $4, table_id = $5, version = x.version + 1, updated_at = CURRENT_TIMESTAMP
       FROM l WHERE x.id = l.id AND (x.status, x.slot_id, x.table_id) IS DISTINCT FROM ($3, $4, $5)
     RETURNING x.*`,
    [meetingId, eventId, to.status, to.slotId, to.tableId],
  );
  return rows[0] ? toEntity(m, rows[0]) : null;
}

/** A meetings row as TypeORM's find() would give it (each column's value as the driver hydrates it). */
function toEntity(m: EntityManager, raw: Record<string, unknown>): MeetingEntity {
  const meta = m.connection.getMetadata(MeetingEntity);
  const row = meta.create() as MeetingEntity;
  for (const c of meta.columns) {
    if (c.isVirtual || c.isVirtualProperty) continue;
    c.setEntityValue(row, m.connection.driver.prepareHydratedValue(raw[c.databaseName], c));
  }
  return row;
}
