import { EntityManager } from 'typeorm';

/** Unanswered requests past their time stop blocking anybody. Idempotent; run by the API and the worker. */
export async function expireRequests(m: EntityManager, eventId?: string): Promise<number> {
  const res = await m.query(
    `UPDATE meetings SET status = 'expired', version = version + 1, updated_at = now()
      WHERE status = 'requested' AND expires_at < now() ${eventId ? 'AND event_id = $1' : ''}`,
    eventId ? [eventId] : [],
  );
  return res[1] ?? 0;
}
