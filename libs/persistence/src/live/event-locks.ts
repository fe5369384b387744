import type { EntityManager } from 'typeorm';
import type { LockedEvent } from '@rueda/application';
import { NOUNS, notFound } from '@rueda/domain';

/**
 * The two locks of an event's live day (see docs/architecture.md, "Locks of the live day").
 *
 * An event-wide change (walk-in, move, delay, undo, publish, a participant's request…) takes the
 * event's advisory lock exclusively, then the event row. A change confined to one slot (the
 * recovery job: everything it places goes into the freed cell's slot) takes the advisory lock
 * shared, then that slot's row: recoveries of different slots run side by side, recoveries of one
 * slot queue, and neither overlaps an event-wide change. Table marks (SetMeetingStatus) take the
 * advisory lock shared, then only their meeting's row. Those that do not hold the event row yet
 * take it last of all, when they append to the live log (live-log.ts), and hold it only until
 * their commit.
 *
 * So every transaction that locks a row of an event (a meeting, a delegate, a proposal) holds the
 * event's advisory lock first (`holdEventShared`, called by the repositories' row locks). Without
 * it a mark holding its meeting and waiting for the event row at its append, and a move holding
 * the event row and waiting for that meeting, deadlock (PostgreSQL aborts one after a second).
 *
 * The advisory lock is keyed by the event id's hash under a namespace of our own; two events
 * sharing a hash only wait for each other, they never see each other's data.
 */
const LIVE_DAY_LOCKS = 0x52554544; // "RUED"

const advisory = (shared: boolean) =>
  `SELECT ${shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(${LIVE_DAY_LOCKS}, hashtext($1::text))`;

const lockedEvent = (row: { id: string; time_zone: string; settings: LockedEvent['settings'] | null }): LockedEvent => ({
  id: row.id,
  timeZone: row.time_zone,
  settings: row.settings ?? {},
});

/**
 * The events whose advisory lock a transaction already holds, in either mode, by the
 * transaction's entity manager (the unit of work makes one per transaction). Each row lock asks
 * for it; asking again is a round trip that changes nothing (three of a recovery's statements).
 */
const held = new WeakMap<EntityManager, Set<string>>();

function markHeld(m: EntityManager, eventId: string): void {
  // Outside a transaction the lock ends with its statement: nothing is held to remember.
  if (!m.queryRunner?.isTransactionActive) return;
  const events = held.get(m) ?? new Set<string>();
  events.add(eventId);
  held.set(m, events);
}

/**
 * The advisory lock shared, before any row of the event is locked: an event-wide change (which
 * holds it exclusively) then never waits for a row held by a transaction that waits for it. A
 * transaction that already holds it, in either mode, does not ask again.
 */
export async function holdEventShared(m: EntityManager, eventId: string): Promise<void> {
  if (held.get(m)?.has(eventId)) return;
  await m.query(advisory(true), [eventId]);
  markHeld(m, eventId);
}

/** Event-wide: excludes every other live change of the event until this transaction ends. */
export async function lockEventExclusive(m: EntityManager, eventId: string): Promise<LockedEvent> {
  // Always asked for, even when held shared: exclusive is a stronger lock, not the same one.
  await m.query(advisory(false), [eventId]);
  markHeld(m, eventId);
  const [row] = await m.query(`SELECT id, time_zone, settings FROM events WHERE id = $1 FOR UPDATE`, [eventId]);
  if (!row) throw notFound(NOUNS.event, eventId);
  return lockedEvent(row);
}

/**
 * One slot of the event: excludes event-wide changes and other changes of that slot until this
 * transaction ends. The event row itself is only read. An unknown slot locks no slot row (the
 * caller finds nothing to do there).
 */
export async function lockEventSlot(m: EntityManager, eventId: string, slotId: string): Promise<LockedEvent> {
  await holdEventShared(m, eventId);
  // One statement: the event row read (no lock) and the slot row locked. The read's snapshot is
  // taken before any wait for the slot, as when it was a statement of its own sent first; the
  // advisory lock above stays a statement before it (a snapshot taken after its wait).
  const [row] = await m.query(
    `WITH s AS (SELECT id FROM slots WHERE id = $2 AND event_id = $1 FOR NO KEY UPDATE)
     SELECT e.id, e.time_zone, e.settings, (SELECT count(*) FROM s)::int AS locked_slots FROM events e WHERE e.id = $1`,
    [eventId, slotId],
  );
  if (!row) throw notFound(NOUNS.event, eventId);
  return lockedEvent(row);
}
