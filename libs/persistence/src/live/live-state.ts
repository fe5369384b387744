import { EntityManager } from 'typeorm';
import { type MeetingStatus, NOUNS, notFound } from '@rueda/domain';
import { type Candidate, DEFAULT_PROTECT_MINUTES, type LiveState } from '@rueda/live';
import type { EventSettings } from '../entities';

/** How the event's day is run, with the defaults applied once, here. */
export interface LiveSettings {
  recoveryMode: 'automatic' | 'confirm';
  protectMinutes: number;
}

/** Serialises the live operations of one event: whoever holds this lock sees the latest state. */
export async function lockEvent(m: EntityManager, eventId: string): Promise<LiveSettings> {
  const [row] = await m.query(`SELECT settings FROM events WHERE id = $1 FOR UPDATE`, [eventId]);
  if (!row) throw notFound(NOUNS.event, eventId);
  const settings = row.settings as EventSettings;
  return { recoveryMode: settings.recoveryMode ?? 'automatic', protectMinutes: settings.protectMinutes ?? DEFAULT_PROTECT_MINUTES };
}

/** The event locked for a live operation, with its settings and its state as of now. */
export async function lockLiveState(m: EntityManager, eventId: string, now?: Date): Promise<{ settings: LiveSettings; state: LiveState }> {
  const settings = await lockEvent(m, eventId);
  return { settings, state: await loadLiveState(m, eventId, now) };
}

/**
 * The event on the day as libs/live sees it: slots, tables, who is here, every meeting that
 * holds a cell or a pair, and the pairs that could fill a freed table (accepted but unplaced
 * meetings, open requests, and the best matches of the newest scoring run).
 */
export async function loadLiveState(m: EntityManager, eventId: string, now: Date = new Date()): Promise<LiveState> {
  const [event] = await m.query(`SELECT time_zone FROM events WHERE id = $1`, [eventId]);
  const [slots, tables, participants, meetings, matches, allPairs] = await Promise.all([
    m.query(`SELECT id, starts_at, ends_at FROM slots WHERE event_id = $1 ORDER BY ordinal`, [eventId]),
    m.query(`SELECT id, number, reserved_for_participant_id FROM tables WHERE event_id = $1 ORDER BY number`, [eventId]),
    m.query(
      // One pass over each table (grouped joins), not one sub-query per participant.
      `SELECT p.id, p.kind, p.parallel, p.max_meetings, p.left_at,
              COALESCE(d.n, 0)::int AS delegates, COALESCE(d.checked_in, false) AS checked_in, COALESCE(u.slots, '{}') AS unavailable
         FROM participants p
         LEFT JOIN (SELECT participant_id, count(*) AS n, bool_or(checked_in_at IS NOT NULL) AS checked_in
                      FROM delegates WHERE event_id = $1 GROUP BY participant_id) d ON d.participant_id = p.id
         LEFT JOIN (SELECT u.participant_id, array_agg(u.slot_id) AS slots FROM unavailability u
                      JOIN slots s ON s.id = u.slot_id WHERE s.event_id = $1 GROUP BY u.participant_id) u ON u.participant_id = p.id
        WHERE p.event_id = $1`,
      [eventId],
    ),
    m.query(
      `SELECT id, participant_a_id AS a, participant_b_id AS b, status, slot_id, table_id, weight, allowed_slot_ids FROM meetings
        WHERE event_id = $1 AND status NOT IN ('declined', 'expired')`,
      [eventId],
    ),
    m.query(
      `SELECT c.participant_id AS a, c.counterpart_id AS b, c.score FROM match_counterparts c
        WHERE c.run_id = (SELECT id FROM match_runs WHERE event_id = $1 AND status = 'done' ORDER BY data_version DESC LIMIT 1)
          AND c.rank <= 5`,
      [eventId],
    ),
    m.query(`SELECT DISTINCT participant_a_id AS a, participant_b_id AS b FROM meetings WHERE event_id = $1`, [eventId]),
  ]);
  const fixedTableOf = new Map<string, string>(
    tables
      .filter((t: { reserved_for_participant_id: string | null }) => t.reserved_for_participant_id)
      .map((t: { id: string; reserved_for_participant_id: string }) => [t.reserved_for_participant_id, t.id]),
  );
  const candidates: Candidate[] = [];
  for (const x of meetings as { id: string; a: string; b: string; status: MeetingStatus; slot_id: string | null; weight: number }[]) {
    if (x.status === 'accepted' && !x.slot_id) candidates.push({ a: x.a, b: x.b, source: 'unscheduled', score: x.weight, meetingId: x.id });
    if (x.status === 'requested') candidates.push({ a: x.a, b: x.b, source: 'waitlist', score: x.weight, meetingId: x.id });
  }
  // A match is only a fresh idea for pairs that never had a meeting: not one that was declined,
  // missed (no-show), cancelled, or is already on somebody's list above.
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const hadMeeting = new Set((allPairs as { a: string; b: string }[]).map((x) => pairKey(x.a, x.b)));
  for (const c of matches as { a: string; b: string; score: number }[]) {
    if (!hadMeeting.has(pairKey(c.a, c.b))) candidates.push({ a: c.a, b: c.b, source: 'match', score: c.score });
  }
  return {
    now,
    timeZone: event?.time_zone,
    slots: slots.map((s: { id: string; starts_at: Date; ends_at: Date }) => ({
      id: s.id,
      startsAt: new Date(s.starts_at),
      endsAt: new Date(s.ends_at),
    })),
    tables: tables.map((t: { id: string; number: number }) => ({ id: t.id, number: t.number })),
    participants: participants.map(
      (p: {
        id: string;
        kind: 'gadm' | 'cooperant';
        parallel: number | null;
        max_meetings: number | null;
        left_at: Date | null;
        delegates: number;
        checked_in: boolean;
        unavailable: string[];
      }) => {
        const fixedTable = fixedTableOf.get(p.id);
        return {
          id: p.id,
          kind: p.kind,
          parallel: fixedTable ? 1 : (p.parallel ?? (p.kind === 'cooperant' ? Math.max(1, p.delegates) : 1)),
          checkedIn: p.checked_in,
          leftAt: p.left_at ? new Date(p.left_at) : null,
          unavailable: p.unavailable,
          ...(p.max_meetings !== null ? { maxMeetings: p.max_meetings } : {}),
          ...(fixedTable ? { fixedTable } : {}),
        };
      },
    ),
    meetings: meetings.map(
      (x: {
        id: string;
        a: string;
        b: string;
        status: MeetingStatus;
        slot_id: string | null;
        table_id: string | null;
        weight: number;
        allowed_slot_ids: string[] | null;
      }) => ({
        id: x.id,
        a: x.a,
        b: x.b,
        status: x.status,
        slotId: x.slot_id,
        tableId: x.table_id,
        weight: Number(x.weight),
        ...(x.allowed_slot_ids ? { allowedSlots: x.allowed_slot_ids } : {}),
      }),
    ),
    candidates,
  };
}
