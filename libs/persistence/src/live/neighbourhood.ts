import { EntityManager } from 'typeorm';
import type { Candidate, CandidateSource, Cell, CellContext, Neighbourhood, ScoreRange } from '@rueda/live';
import { LATEST_DONE_RUN } from '../matching/latest-run';
import { fullInSlotSql } from './busy-in-slot';
import { type MeetingRow, type ParticipantRow, toLiveMeeting, toLiveParticipant } from './live-state';

/** Statuses whose meetings hold a cell or block a second meeting of the pair (what the rules read). */
const RELEVANT = `('requested','accepted','scheduled','checked_in','held')`;
const IN_RANGE = (column: string, range: ScoreRange) => (range === 'unit' ? `${column} <= 1` : `${column} > 1`);
/**
 * SQL: both participants `a` and `b` can take the freed cell as far as the rules that never
 * change with the rest of the answer go ($1 the event, $5 the slot, $6 the table): neither
 * already full in that slot, unavailable in it, or with a fixed table other than the freed one.
 * A pair where someone fails one is always turned down (libs/live participantBlock), so leaving
 * it out of a page changes no answer; it keeps the pages read per recovery from growing with the
 * event (a fuller, larger day turns more pairs down). Tested per candidate read, so the cost
 * follows the candidates, not the slot's size; written once over the pair's two ids rather than
 * once per side, which halved what PostgreSQL spent planning the candidates query (docs/
 * benchmarks.md, "Candidates planned once per pair"). test/integration/
 * recovery-neighbourhood.spec.ts holds the answers equal to the whole day's.
 */
const FREE_IN_SLOT = (a: string, b: string) =>
  `NOT EXISTS (SELECT 1 FROM unnest(ARRAY[${a}, ${b}]) AS x(pid)
     WHERE ${fullInSlotSql('x.pid', '$1', '$5')}
        OR EXISTS (SELECT 1 FROM unavailability u WHERE u.participant_id = x.pid AND u.slot_id = $5)
        OR EXISTS (SELECT 1 FROM tables t WHERE t.reserved_for_participant_id = x.pid AND t.id <> $6))`;

/**
 * The neighbourhood of a freed cell, read with narrow, indexed queries (libs/live's
 * bestReplacement asks for it page by page): every slot, the freed table and what sits in that
 * cell; candidates of each source best first; the participants they name with their meetings;
 * later meetings that could move. Nothing here reads the whole event.
 */
export async function cellNeighbourhood(
  m: EntityManager,
  eventId: string,
  cell: Cell,
  now: Date,
  opts: { matchCandidates: number },
): Promise<{ ctx: CellContext; nb: Neighbourhood }> {
  // One statement, not four: each is a round trip (a socket write and a wait) costing more than
  // the reading itself (docs/benchmarks.md, "Where the CPU of a no-show goes").
  const [row]: {
    time_zone: string | null;
    slots: { id: string; starts_at: string; ends_at: string }[];
    tables: { id: string; number: number }[];
    in_cell: MeetingRow[];
  }[] = await m.query(
    `SELECT (SELECT time_zone FROM events WHERE id = $1) AS time_zone,
            (SELECT COALESCE(json_agg(json_build_object('id', id, 'starts_at', starts_at, 'ends_at', ends_at) ORDER BY ordinal), '[]')
               FROM slots WHERE event_id = $1) AS slots,
            (SELECT COALESCE(json_agg(json_build_object('id', id, 'number', number)), '[]')
               FROM tables WHERE id = $2 AND event_id = $1) AS tables,
            (SELECT COALESCE(json_agg(x), '[]') FROM (
               SELECT id, participant_a_id AS a, participant_b_id AS b, status, slot_id, table_id, weight, allowed_slot_ids FROM meetings
                WHERE slot_id = $3 AND table_id = $2 AND event_id = $1) x) AS in_cell`,
    [eventId, cell.tableId, cell.slotId],
  );
  const { slots, tables, in_cell: inCell } = row;
  const ctx: CellContext = {
    now,
    timeZone: row.time_zone ?? undefined,
    slots: slots.map((s) => ({
      id: s.id,
      startsAt: new Date(s.starts_at),
      endsAt: new Date(s.ends_at),
    })),
    tables: tables.map((t) => ({ id: t.id, number: t.number })),
    meetings: inCell.map(toLiveMeeting),
  };
  const waiting =
    (status: 'accepted' | 'requested', source: CandidateSource) => async (range: ScoreRange, offset: number, limit: number) => {
      const rows: { id: string; a: string; b: string; weight: string }[] = await m.query(
        `SELECT w.id, w.participant_a_id AS a, w.participant_b_id AS b, w.weight FROM meetings w
        WHERE w.event_id = $1 AND w.status = $2 AND w.slot_id IS NULL AND ${IN_RANGE('w.weight', range)}
          AND ${FREE_IN_SLOT('w.participant_a_id', 'w.participant_b_id')}
        ORDER BY w.weight DESC, w.id LIMIT $3 OFFSET $4`,
        [eventId, status, limit, offset, cell.slotId, cell.tableId],
      );
      return rows.map((r): Candidate => ({ a: r.a, b: r.b, source, score: Number(r.weight), meetingId: r.id }));
    };
  const bySource: Partial<Record<CandidateSource, (range: ScoreRange, offset: number, limit: number) => Promise<Candidate[]>>> = {
    unscheduled: waiting('accepted', 'unscheduled'),
    waitlist: waiting('requested', 'waitlist'),
    // The best matches of pairs that never had a meeting (not one declined, missed or already listed).
    match: async (range, offset, limit) => {
      const rows: { a: string; b: string; score: number }[] = await m.query(
        `SELECT c.participant_id AS a, c.counterpart_id AS b, c.score FROM match_counterparts c
          WHERE c.run_id = ${LATEST_DONE_RUN('$1')} AND c.rank <= $2 AND ${IN_RANGE('c.score', range)}
            AND NOT EXISTS (SELECT 1 FROM meetings x WHERE x.event_id = $1
                  AND LEAST(x.participant_a_id, x.participant_b_id) = LEAST(c.participant_id, c.counterpart_id)
                  AND GREATEST(x.participant_a_id, x.participant_b_id) = GREATEST(c.participant_id, c.counterpart_id))
            AND ${FREE_IN_SLOT('c.participant_id', 'c.counterpart_id')}
          ORDER BY c.score DESC, LEAST(c.participant_id, c.counterpart_id), GREATEST(c.participant_id, c.counterpart_id)
          LIMIT $3 OFFSET $4`,
        [eventId, opts.matchCandidates, limit, offset, cell.slotId, cell.tableId],
      );
      return rows.map((r): Candidate => ({ a: r.a, b: r.b, source: 'match', score: Number(r.score) }));
    },
  };
  const nb: Neighbourhood = {
    sources: Object.keys(bySource) as CandidateSource[],
    candidates: (source, range, offset, limit) => bySource[source]?.(range, offset, limit) ?? Promise.resolve([]),
    async people(ids, slotId, pairs) {
      // One round trip (a page of candidates costs one of these): the participants, then the
      // meetings busy in the slot, every meeting of those with a maximum (to count them) and the
      // pairs' own meetings, each UNION branch on its own index.
      const cols = `SELECT id, participant_a_id AS a, participant_b_id AS b, status, slot_id, table_id, weight, allowed_slot_ids FROM meetings`;
      const live = `event_id = $1 AND status IN ${RELEVANT}`;
      const counted = `ARRAY(SELECT id FROM ps WHERE max_meetings IS NOT NULL)`;
      const [row]: { participants: (ParticipantRow & { fixed_table: string | null })[]; meetings: MeetingRow[] }[] = await m.query(
        `WITH ps AS (
           SELECT p.id, p.kind, p.parallel, p.max_meetings, p.left_at, d.delegates, d.checked_in,
                  COALESCE((SELECT array_agg(u.slot_id) FROM unavailability u WHERE u.participant_id = p.id), '{}') AS unavailable,
                  (SELECT t.id FROM tables t WHERE t.event_id = $1 AND t.reserved_for_participant_id = p.id LIMIT 1) AS fixed_table
             FROM participants p
             -- One walk of the participant's own delegates: as an EXISTS, the planner hashed every
             -- checked-in delegate of the event instead, a cost that grew with the event.
             CROSS JOIN LATERAL (SELECT count(*)::int AS delegates, COALESCE(bool_or(x.checked_in_at IS NOT NULL), false) AS checked_in
                                   FROM delegates x WHERE x.participant_id = p.id) d
            WHERE p.event_id = $1 AND p.id = ANY($3)
         ), mm AS (
           ${cols} WHERE ${live} AND slot_id = $2 AND (participant_a_id = ANY($3) OR participant_b_id = ANY($3))
           UNION ${cols} WHERE ${live} AND participant_a_id = ANY(${counted})
           UNION ${cols} WHERE ${live} AND participant_b_id = ANY(${counted})
           UNION ${cols} WHERE ${live} AND (LEAST(participant_a_id, participant_b_id), GREATEST(participant_a_id, participant_b_id))
                  IN (SELECT LEAST(x.a, x.b), GREATEST(x.a, x.b) FROM unnest($4::uuid[], $5::uuid[]) AS x(a, b))
         )
         SELECT (SELECT COALESCE(json_agg(ps), '[]') FROM ps) AS participants, (SELECT COALESCE(json_agg(mm), '[]') FROM mm) AS meetings`,
        [eventId, slotId, ids, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      return {
        participants: row.participants.map((p) => toLiveParticipant(p, p.fixed_table ?? undefined)),
        meetings: row.meetings.map(toLiveMeeting),
      };
    },
    async movable(after, range, offset, limit) {
      const rows: MeetingRow[] = await m.query(
        `SELECT x.id, x.participant_a_id AS a, x.participant_b_id AS b, x.status, x.slot_id, x.table_id, x.weight, x.allowed_slot_ids
           FROM meetings x JOIN slots s ON s.id = x.slot_id
          WHERE x.event_id = $1 AND x.status = 'scheduled' AND x.table_id IS NOT NULL AND s.starts_at > $2 AND ${IN_RANGE('x.weight', range)}
          ORDER BY x.weight DESC, x.id LIMIT $3 OFFSET $4`,
        [eventId, after, limit, offset],
      );
      return rows.map(toLiveMeeting);
    },
  };
  return { ctx, nb };
}
