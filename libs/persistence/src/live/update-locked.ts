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
