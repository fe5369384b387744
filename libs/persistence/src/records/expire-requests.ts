import { EntityManager } from 'typeorm';

/**
 * Unanswered requests past their time stop blocking anybody. Idempotent; run by the API and the
 * worker. `at`: the use case's instant (its Clock); the database's clock otherwise.
 */
export async function expireRequests(m: EntityManager, eventId?: string, at?: Date): Promise<number> {
  const res = await m.query(
    `UPDATE meetings SET status = 'expired', version = version + 1, updated_at = now()
      WHERE status = 'requested' AND expires_at < COALESCE($1::timestamptz, now()) ${eventId ? 'AND event_id = $2' : ''}`,
    eventId ? [at ?? null, eventId] : [at ?? null],
  );
  return res[1] ?? 0;
}
