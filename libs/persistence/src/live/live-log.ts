import { EntityManager } from 'typeorm';
import { notFound, NOUNS } from '@rueda/domain';
import type { LiveChange } from '@rueda/application';
import type { LiveMessage, LiveMessageType } from '@rueda/realtime';

export type { LiveChange };

/**
 * Appends changes to the event's log inside the caller's transaction. The event row lock
 * taken by the UPDATE serialises writers of one event, so sequence numbers have no gaps and
 * are in commit order. Emit the returned messages only after the transaction commits.
 */
export async function appendLive(m: EntityManager, eventId: string, changes: LiveChange[], now: Date = new Date()): Promise<LiveMessage[]> {
  if (!changes.length) return [];
  // Through a query builder so the RETURNING row comes back the same way on every driver.
  const res = await m
    .createQueryBuilder()
    .update('events')
    .set({ liveSeq: () => `live_seq + ${changes.length}` })
    .where('id = :eventId', { eventId })
    .returning('live_seq')
    .execute();
  const last = Number((res.raw as { live_seq: string }[])[0]?.live_seq);
  if (!Number.isFinite(last)) throw notFound(NOUNS.event, eventId);
  const first = last - changes.length + 1;
  const at = now.toISOString();
  const messages = changes.map((c, i) => ({
    eventId,
    seq: first + i,
    type: c.type,
    at,
    participants: c.participants,
    tables: c.tables,
    payload: c.payload,
  }));
  await m.query(
    `INSERT INTO live_messages (event_id, seq, type, participants, tables, payload, at)
     SELECT $1, x.seq, x.type, x.participants, x.tables, x.payload, $3
       FROM jsonb_to_recordset($2::jsonb) AS x(seq bigint, type text, participants uuid[], tables uuid[], payload jsonb)`,
    [eventId, JSON.stringify(messages), at],
  );
  return messages;
}

/** What a client missed after `lastSeq`, limited to what it may see. */
export async function missedLive(
  m: EntityManager,
  eventId: string,
  lastSeq: number,
  scope: { participantId?: string; tableId?: string },
): Promise<LiveMessage[]> {
  const params: unknown[] = [eventId, lastSeq];
  let filter = '';
  // Event-wide messages (no participant, no table) are for everybody; see roomsFor.
  const eventWide = `(cardinality(participants) = 0 AND cardinality(tables) = 0)`;
  if (scope.participantId) {
    params.push(scope.participantId);
    filter = `AND ($3::uuid = ANY(participants) OR ${eventWide})`;
  } else if (scope.tableId) {
    params.push(scope.tableId);
    filter = `AND ($3::uuid = ANY(tables) OR ${eventWide})`;
  }
  const rows = await m.query(
    `SELECT seq, type, at, participants, tables, payload FROM live_messages WHERE event_id = $1 AND seq > $2 ${filter} ORDER BY seq LIMIT 5000`,
    params,
  );
  return rows.map((r: { seq: string; type: LiveMessageType; at: Date; participants: string[]; tables: string[]; payload: unknown }) => ({
    eventId,
    seq: Number(r.seq),
    type: r.type,
    at: new Date(r.at).toISOString(),
    participants: r.participants,
    tables: r.tables,
    payload: r.payload,
  }));
}

export async function currentLiveSeq(m: EntityManager, eventId: string): Promise<number> {
  const [row] = await m.query(`SELECT live_seq FROM events WHERE id = $1`, [eventId]);
  return row ? Number(row.live_seq) : 0;
}
