import { EntityManager } from 'typeorm';
import { notFound, NOUNS } from '@rueda/domain';
import type { LiveChange, LiveScope } from '@rueda/application';
import {
  type LiveMessage,
  type LiveMessageType,
  type Prevs,
  projectFor,
  REPLAY_PAGE,
  type ReplayPage,
  replayTypes,
  StreamHeads,
  streamsNeeded,
} from '@rueda/realtime';
import { insertOutbox, insertOutboxSql } from './outbox';

export type { LiveChange };

/**
 * Appends changes to the event's log inside the caller's transaction. The UPDATE of the
 * event's sequence takes its row lock, which serialises writers of one event: sequence numbers
 * have no gaps and are in commit order. The event's edit `version` does not move (a live day
 * must not turn an organiser's settings edit into a 409). Each message also gets the previous
 * sequence number of every filtered stream it goes to (realtime's streams.ts), so the board, a
 * table or a participant can tell when it missed one. Deliver the returned messages only after
 * the transaction commits.
 */
export async function appendLive(
  m: EntityManager,
  eventId: string,
  changes: LiveChange[],
  now: Date,
  /** The transaction's outbox rows (outbox.ts), written by the same statement that takes the event's row. */
  outboxRows?: string,
): Promise<LiveMessage[]> {
  if (!changes.length) {
    if (outboxRows) await insertOutbox(m, outboxRows);
    return [];
  }
  // A CTE so the driver answers rows (a bare UPDATE … RETURNING comes back as [rows, count]).
  // The outbox's INSERT rides along: one round trip, not two (it depends on nothing here). So
  // does the read of the streams' heads, which is only right when no other writer of the event
  // committed after this statement's snapshot: every writer of live_streams moves live_seq under
  // the row lock taken here, so the snapshot's live_seq tells (else the heads are read again).
  // Each round trip while the row is held is one every other live writer of the event waits for.
  const { names, prefixes } = streamsRead(changes);
  const [row]: { live_seq: string | null; seen_seq: string | null; heads: [string, number][] }[] = await m.query(
    `WITH ${outboxRows ? `o AS (${insertOutboxSql('$5')}), ` : ''}u AS (UPDATE events SET live_seq = live_seq + $2 WHERE id = $1 RETURNING live_seq)
     SELECT (SELECT live_seq FROM u) AS live_seq, (SELECT live_seq FROM events WHERE id = $1) AS seen_seq,
            (SELECT COALESCE(json_agg(json_build_array(stream, last_seq)), '[]') FROM live_streams
              WHERE event_id = $1 AND (stream = ANY($3) OR stream LIKE ANY($4))) AS heads`,
    [eventId, changes.length, names, prefixes, ...(outboxRows ? [outboxRows] : [])],
  );
  const last = Number(row?.live_seq ?? NaN);
  if (!Number.isFinite(last)) throw notFound(NOUNS.event, eventId);
  const first = last - changes.length + 1;
  const at = now.toISOString();
  const heads =
    Number(row.seen_seq) === first - 1
      ? new StreamHeads(row.heads.map(([stream, seq]) => [stream, Number(seq)]))
      : await loadHeads(m, eventId, names, prefixes);
  const messages: LiveMessage[] = changes.map((c, i) => {
    const base = { eventId, seq: first + i, type: c.type, at, participants: c.participants, tables: c.tables, payload: c.payload };
    return { ...base, prevs: heads.advance(base, base.seq) };
  });
  await saveHeadsAndMessages(m, eventId, heads, messages, at);
  return messages;
}

/** The streams whose heads the changes advance: names, and LIKE patterns when they go to every participant or table. */
function streamsRead(changes: LiveChange[]): { names: string[]; prefixes: string[] } {
  const need = streamsNeeded(changes);
  return { names: need.names, prefixes: [...(need.allParticipants ? ['p:%'] : []), ...(need.allTables ? ['t:%'] : [])] };
}

async function loadHeads(m: EntityManager, eventId: string, names: string[], prefixes: string[]): Promise<StreamHeads> {
  const rows: { stream: string; last_seq: string }[] = await m.query(
    `SELECT stream, last_seq FROM live_streams WHERE event_id = $1 AND (stream = ANY($2) OR stream LIKE ANY($3))`,
    [eventId, names, prefixes],
  );
  return new StreamHeads(rows.map((r) => [r.stream, Number(r.last_seq)]));
}

/**
 * The streams' new heads and the messages, written in one statement (two data-modifying parts
 * of one statement are one round trip; they touch different tables). Clearing streams stays a
 * statement before it: a DELETE and an upsert of the same rows must not share a statement.
 */
async function saveHeadsAndMessages(m: EntityManager, eventId: string, heads: StreamHeads, messages: LiveMessage[], at: string) {
  const { upserts, clearParticipants, clearTables } = heads.changes();
  const cleared = [...(clearParticipants ? ['p:%'] : []), ...(clearTables ? ['t:%'] : [])];
  if (cleared.length)
    await m.query(`DELETE FROM live_streams WHERE event_id = $1 AND stream LIKE ANY($2) AND stream NOT IN ('p:*', 't:*')`, [
      eventId,
      cleared,
    ]);
  const insertMessages = `INSERT INTO live_messages (event_id, seq, type, participants, tables, payload, prevs, at)
     SELECT $1, x.seq, x.type, x.participants, x.tables, x.payload, x.prevs, $3
       FROM jsonb_to_recordset($2::jsonb) AS x(seq bigint, type text, participants uuid[], tables uuid[], payload jsonb, prevs jsonb)`;
  const params = [eventId, JSON.stringify(messages), at];
  if (!upserts.length) {
    await m.query(insertMessages, params);
    return;
  }
  await m.query(
    `WITH h AS (
       INSERT INTO live_streams (event_id, stream, last_seq)
       SELECT $1, x.stream, x.last_seq FROM jsonb_to_recordset($4::jsonb) AS x(stream text, last_seq bigint)
       ON CONFLICT (event_id, stream) DO UPDATE SET last_seq = EXCLUDED.last_seq
     )
     ${insertMessages}`,
    [...params, JSON.stringify(upserts.map(([stream, last_seq]) => ({ stream, last_seq })))],
  );
}

interface LogRow {
  seq: string;
  type: LiveMessageType;
  at: Date;
  participants: string[];
  tables: string[];
  payload: unknown;
  prevs: Prevs | null;
}

const toMessage = (eventId: string, r: LogRow): LiveMessage => ({
  eventId,
  seq: Number(r.seq),
  type: r.type,
  at: new Date(r.at).toISOString(),
  participants: r.participants,
  tables: r.tables,
  payload: r.payload,
  prevs: r.prevs ?? {},
});

/** The log after `after`, whole (organisers, and API nodes catching up), up to `limit` messages. */
export async function readLive(m: EntityManager, eventId: string, after: number, limit = REPLAY_PAGE): Promise<LiveMessage[]> {
  const rows: LogRow[] = await m.query(
    `SELECT seq, type, at, participants, tables, payload, prevs FROM live_messages WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [eventId, after, limit],
  );
  return rows.map((r) => toMessage(eventId, r));
}

/**
 * One page of what a subscriber missed after `lastSeq`, projected for it. No lastSeq (a client
 * with nothing yet) or one beyond the head: `reset`, the client reloads a snapshot and continues
 * from the head. A long absence is paged (`more`), never cut short.
 */
export async function replayLive(
  m: EntityManager,
  eventId: string,
  lastSeq: number | undefined,
  scope: LiveScope,
  limit = REPLAY_PAGE,
): Promise<ReplayPage> {
  const head = await currentLiveSeq(m, eventId);
  if (lastSeq === undefined || lastSeq > head) return { ok: true, seq: head, through: head, missed: [], more: false, reset: true };
  const params: unknown[] = [eventId, lastSeq, head, limit + 1];
  let filter = '';
  if (scope.audience !== 'organisers') {
    const { always, whenNamed } = replayTypes(scope.audience);
    params.push(always, whenNamed);
    // Event-wide messages (naming nobody) are for every participant and table.
    const column = scope.audience === 'table' ? 'tables' : 'participants';
    const named =
      scope.audience === 'board'
        ? 'false'
        : `(cardinality(participants) = 0 AND cardinality(tables) = 0)${scope.recipientId ? ` OR $7::uuid = ANY(${column})` : ''}`;
    if (scope.audience !== 'board' && scope.recipientId) params.push(scope.recipientId);
    filter = `AND (type = ANY($5) OR (type = ANY($6) AND (${named})))`;
  }
  const rows: LogRow[] = await m.query(
    `SELECT seq, type, at, participants, tables, payload, prevs FROM live_messages
      WHERE event_id = $1 AND seq > $2 AND seq <= $3 ${filter} ORDER BY seq LIMIT $4`,
    params,
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const missed = page
    .map((r) => projectFor(toMessage(eventId, r), scope.audience, scope.recipientId))
    .filter((x): x is NonNullable<typeof x> => x !== null);
  return { ok: true, seq: head, through: more ? Number(page[page.length - 1].seq) : head, missed, more, reset: false };
}

export async function currentLiveSeq(m: EntityManager, eventId: string): Promise<number> {
  const [row] = await m.query(`SELECT live_seq FROM events WHERE id = $1`, [eventId]);
  return row ? Number(row.live_seq) : 0;
}

/** The newest sequence number of each of these events (API nodes check they delivered everything). */
export async function liveHeads(m: EntityManager, eventIds: string[]): Promise<Map<string, number>> {
  if (!eventIds.length) return new Map();
  const rows: { id: string; live_seq: string }[] = await m.query(`SELECT id, live_seq FROM events WHERE id = ANY($1)`, [eventIds]);
  return new Map(rows.map((r) => [r.id, Number(r.live_seq)]));
}
