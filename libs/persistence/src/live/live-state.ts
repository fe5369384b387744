import { EntityManager } from 'typeorm';
import { meetingsAtOnce, sqlIn, UNANSWERED_STATUSES } from '@rueda/domain';
import type { MeetingStatus } from '@rueda/domain';
import { DEFAULT_LIVE_MATCH_CANDIDATES, liveCandidates, type LiveMeetingRecord, type LiveParticipant, type LiveState } from '@rueda/live';
import { LATEST_DONE_RUN } from '../matching/latest-run';
import { inTurn } from '../in-turn';

/**
 * The event on the day as libs/live sees it: slots, tables, who is here, every meeting that
 * holds a cell or a pair, and the pairs that could fill a freed table (accepted but unplaced
 * meetings, open requests, and the best matches of the newest scoring run).
 */
export async function loadLiveState(
  m: EntityManager,
  eventId: string,
  now: Date,
  opts: { matchCandidates: number } = { matchCandidates: DEFAULT_LIVE_MATCH_CANDIDATES },
): Promise<LiveState> {
  const [event] = await m.query(`SELECT time_zone FROM events WHERE id = $1`, [eventId]);
  const [slots, tables, participants, meetings, matches, allPairs] = await inTurn([
    () => m.query(`SELECT id, starts_at, ends_at FROM slots WHERE event_id = $1 ORDER BY ordinal`, [eventId]),
    () => m.query(`SELECT id, number, reserved_for_participant_id FROM tables WHERE event_id = $1 ORDER BY number`, [eventId]),
    () =>
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
    () =>
      m.query(
        `SELECT id, participant_a_id AS a, participant_b_id AS b, status, slot_id, table_id, weight, allowed_slot_ids FROM meetings
        WHERE event_id = $1 AND status NOT IN ${sqlIn(UNANSWERED_STATUSES)}`,
        [eventId],
      ),
    () =>
      m.query(
        `SELECT c.participant_id AS a, c.counterpart_id AS b, c.score FROM match_counterparts c
        WHERE c.run_id = ${LATEST_DONE_RUN('$1')} AND c.rank <= $2`,
        [eventId, opts.matchCandidates],
      ),
    () => m.query(`SELECT DISTINCT participant_a_id AS a, participant_b_id AS b FROM meetings WHERE event_id = $1`, [eventId]),
  ]);
  const fixedTableOf = new Map<string, string>(
    tables
      .filter((t: { reserved_for_participant_id: string | null }) => t.reserved_for_participant_id)
      .map((t: { id: string; reserved_for_participant_id: string }) => [t.reserved_for_participant_id, t.id]),
  );
  const candidates = liveCandidates(
    (meetings as { id: string; a: string; b: string; status: MeetingStatus; slot_id: string | null; weight: number }[]).map((x) => ({
      id: x.id,
      a: x.a,
      b: x.b,
      status: x.status,
      slotId: x.slot_id,
      weight: Number(x.weight),
    })),
    (matches as { a: string; b: string; score: number }[]).map((c) => ({ a: c.a, b: c.b, score: Number(c.score) })),
    allPairs as { a: string; b: string }[],
  );
  return {
    now,
    timeZone: event?.time_zone,
    slots: slots.map((s: { id: string; starts_at: Date; ends_at: Date }) => ({
      id: s.id,
      startsAt: new Date(s.starts_at),
      endsAt: new Date(s.ends_at),
    })),
    tables: tables.map((t: { id: string; number: number }) => ({ id: t.id, number: t.number })),
    participants: participants.map((p: ParticipantRow) => toLiveParticipant(p, fixedTableOf.get(p.id))),
    meetings: meetings.map(toLiveMeeting),
    candidates,
  };
}

/** A participant row as the live day reads it (with its delegates, check-in and unavailability). */
export interface ParticipantRow {
  id: string;
  kind: 'gadm' | 'cooperant';
  parallel: number | null;
  max_meetings: number | null;
  left_at: Date | null;
  delegates: number;
  checked_in: boolean;
  unavailable: string[];
}

/** The participant as libs/live sees it: a cooperant sits in parallel with each delegate unless told otherwise. */
export function toLiveParticipant(p: ParticipantRow, fixedTable: string | undefined): LiveParticipant {
  return {
    id: p.id,
    kind: p.kind,
    parallel: meetingsAtOnce({ kind: p.kind, parallel: p.parallel, delegates: p.delegates, fixedTable: !!fixedTable }),
    checkedIn: p.checked_in,
    leftAt: p.left_at ? new Date(p.left_at) : null,
    unavailable: p.unavailable,
    ...(p.max_meetings !== null ? { maxMeetings: p.max_meetings } : {}),
    ...(fixedTable ? { fixedTable } : {}),
  };
}

/** A meeting row as the live day reads it. */
export interface MeetingRow {
  id: string;
  a: string;
  b: string;
  status: MeetingStatus;
  slot_id: string | null;
  table_id: string | null;
  weight: number | string;
  allowed_slot_ids?: string[] | null;
}

export const toLiveMeeting = (x: MeetingRow): LiveMeetingRecord => ({
  id: x.id,
  a: x.a,
  b: x.b,
  status: x.status,
  slotId: x.slot_id,
  tableId: x.table_id,
  weight: Number(x.weight),
  ...(x.allowed_slot_ids ? { allowedSlots: x.allowed_slot_ids } : {}),
});
