import type { EntityManager } from 'typeorm';
import { MeetingEntity } from '../entities';

/** The columns a save may write (not the key, version, dates or the ones the database keeps). */
const writable = (m: EntityManager) => {
  const seen = new Set<string>();
  return m.connection.getMetadata(MeetingEntity).columns.filter((c) => {
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
};

/** What each writable column held when the row was read under its lock, by entity. */
const asRead = new WeakMap<object, Map<string, unknown>>();

/** Remembers a meeting read under its row lock (held until commit), for updateLockedMeeting. */
export function rememberLocked(m: EntityManager, row: MeetingEntity): void {
  asRead.set(row, new Map(writable(m).map((c) => [c.databaseName, structuredClone(c.getEntityValue(row))])));
}

export const isRememberedLocked = (row: object) => asRead.has(row);

/** Equal as TypeORM's save() compares: dates by instant, arrays and JSON by content. */
const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date
    ? a.getTime() === b.getTime()
    : typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
      ? JSON.stringify(a) === JSON.stringify(b)
      : (a ?? null) === (b ?? null);

/**
 * Writes a meeting this transaction read under its row lock (rememberLocked), in one
 * statement. TypeORM's save() first reads the row again to find what changed, a round trip
 * each time (docs/benchmarks.md, "Where the CPU of a no-show goes"). The row is locked since
 * it was read, so what it held then is what the database holds: the same columns as save()
 * are written (those that changed), version and updated_at move as with save() (not at all
 * when nothing changed), and their new values are put into the entity.
 */
export async function updateLockedMeeting<M extends MeetingEntity>(m: EntityManager, row: M): Promise<M> {
  const read = asRead.get(row);
  if (!read) throw new Error('updateLockedMeeting: a meeting not read under its lock');
  const changed = writable(m).filter((c) => !same(c.getEntityValue(row), read.get(c.databaseName)));
  if (!changed.length) return row;
  const [rows]: [{ version: number; updated_at: Date }[], number] = await m.query(
    `UPDATE "meetings" SET ${changed.map((c, i) => `"${c.databaseName}" = $${i + 2}`).join(', ')},
            "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP
      WHERE "id" = $1 RETURNING "version", "updated_at"`,
    [row.id, ...changed.map((c) => m.connection.driver.preparePersistentValue(c.getEntityValue(row), c))],
  );
  if (rows[0]) Object.assign(row, { version: rows[0].version, updatedAt: rows[0].updated_at });
  rememberLocked(m, row);
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
