import {
  type Candidate,
  type CandidateSource,
  type Cell,
  type LiveMeetingRecord,
  type LiveParticipant,
  type LiveSlot,
  type LiveState,
  type LiveTable,
  pairKey,
} from './model';
import { buildIndex, slotAt, slotTiming, tableProblem, timingOptions, type TimingOptions } from './occupancy';
import {
  DISRUPTION_PENALTY,
  MOVE_VALUE,
  type Proposal,
  proposeReplacement,
  SOURCE_PRIORITY,
  strength,
  candidateValue,
} from './replacement';

/**
 * Recovery in O(candidates looked at), not O(event): the best use of a freed cell computed from
 * the neighbourhood of that cell, read page by page, instead of the whole day.
 *
 * proposeReplacement ranks candidates by score (value minus penalties) and breaks ties by a key
 * (`meetingId ␁ pair`). Each source is read best first (value descending, then tie key), so the
 * unread rest of a source can score at most the value of the last one read, and beat the best
 * found only if it could tie and win the tie. Reading stops when no source can; the answer is
 * then exactly proposeReplacement's on the whole day (a property test checks it).
 */

/** The fixed part: every slot, the freed table, and whatever holds or last held the cell. */
export interface CellContext {
  now: Date;
  timeZone?: string;
  /** Every slot of the event, in time order. */
  slots: LiveSlot[];
  /** The freed table (others are not needed). */
  tables: LiveTable[];
  /** Meetings in the freed cell: the one that left it (for the reason), and any that holds it now. */
  meetings: LiveMeetingRecord[];
}

/**
 * A score rank as strength() reads it: a score in [0, 1] as it is ('unit'), a weight above 1 as
 * 1 − 1/w ('above'). Within each range the value grows with the score, so each is read in score
 * order; across them it does not (a weight of 1 counts as a full score).
 */
export type ScoreRange = 'unit' | 'above';
export const SCORE_RANGES: readonly ScoreRange[] = ['unit', 'above'];

/** What the neighbourhood of a freed cell can be asked, page by page. */
export interface Neighbourhood {
  /** The candidate sources there are (in any order). */
  readonly sources: readonly CandidateSource[];
  /**
   * Candidates of one source whose score is in `range` (≤ 1, or above 1), from `offset`, best
   * first: score descending, then ascending by the tie key (`meetingId`, or for a pair without a
   * meeting the smaller then the larger id). It may leave out pairs that the rules turn down
   * whatever else happens (someone of the pair already full in the freed cell's slot,
   * unavailable in it, or with a fixed table other than the freed one): the answer is the same,
   * and fewer pages are read where the slot is busy.
   */
  candidates(source: CandidateSource, range: ScoreRange, offset: number, limit: number): Promise<Candidate[]>;
  /**
   * What the rules read about these participants for a cell of slot `slotId` and these pairs:
   * the participants; their meetings that hold a cell in that slot (are they busy?); all their
   * meetings that hold a cell or block a pair when they have a maximum (have they reached it?);
   * and the meetings of each pair (a pair never gets a second meeting). Nothing else of their day.
   */
  people(
    ids: readonly string[],
    slotId: string,
    pairs: readonly (readonly [string, string])[],
  ): Promise<{ participants: LiveParticipant[]; meetings: LiveMeetingRecord[] }>;
  /** Scheduled meetings in slots starting after `after` whose weight is in `range`: highest weight first, then by id. */
  movable(after: Date, range: ScoreRange, offset: number, limit: number): Promise<LiveMeetingRecord[]>;
}

export interface BestReplacementOptions extends TimingOptions {
  allowMoves: boolean;
  /** Rows read by the first page of each stream (default 8); each next page is twice as long, up to 64. */
  page: number;
}

/**
 * The narrow day a freed cell is judged on: the slots, the freed table, and what the rules read
 * about the pairs looked at. Enough to rank them and to apply one (applyProposal re-checks it);
 * not a picture of anybody's whole day.
 */
export interface Neighbours {
  state: LiveState;
  /** Loads what the rules read about these pairs (and their participants) into `state`. */
  learn(pairs: readonly (readonly [string, string])[]): Promise<void>;
  /** Adds meetings (e.g. one to move) into `state`. */
  add(meetings: readonly LiveMeetingRecord[]): void;
}

/** A narrow day around a cell of slot `slotId`, grown on demand. */
export function neighbours(ctx: CellContext, slotId: string, nb: Pick<Neighbourhood, 'people'>): Neighbours {
  const state: LiveState = {
    now: ctx.now,
    timeZone: ctx.timeZone,
    slots: ctx.slots,
    tables: ctx.tables,
    participants: [],
    meetings: [],
    candidates: [],
  };
  const known = new Set<string>();
  const knownPairs = new Set<string>();
  const seenMeetings = new Set<string>();
  const add = (ms: readonly LiveMeetingRecord[]) => {
    for (const m of ms) {
      if (seenMeetings.has(m.id)) continue;
      seenMeetings.add(m.id);
      state.meetings.push(m);
    }
  };
  add(ctx.meetings);
  return {
    state,
    add,
    async learn(pairs) {
      const fresh = [...new Set(pairs.flat())].filter((id) => !known.has(id));
      const freshPairs = pairs.filter(([a, b]) => !knownPairs.has(pairKey(a, b)) && knownPairs.add(pairKey(a, b)));
      if (!fresh.length && !freshPairs.length) return;
      for (const id of fresh) known.add(id);
      const got = await nb.people(fresh, slotId, freshPairs);
      state.participants.push(...got.participants);
      add(got.meetings);
    },
  };
}

/** proposeReplacement's tie key of a proposal: its meeting (a fill's may have none), then the pair. */
const tieOf = (p: Proposal) => `${p.meeting.meetingId ?? ''}\u0001${pairKey(p.meeting.a, p.meeting.b)}`;
const tieOfCandidate = (c: Candidate) => `${c.meetingId ?? ''}\u0001${pairKey(c.a, c.b)}`;
const moveScore = (weight: number) => Math.round((MOVE_VALUE * (1 + strength(weight)) - DISRUPTION_PENALTY) * 1e6) / 1e6;

interface Stream<T> {
  fetch(offset: number, limit: number): Promise<T[]>;
  offset: number;
  /** The next page's length: the first answer is usually among the first few rows. */
  page: number;
  done: boolean;
  /** The most an unread row can score. */
  bound: number;
  /**
   * Tie key of the last row read, when it is the order of the rows (rows with their own id): an
   * unread one scoring `bound` comes after it. null: at equal score, keep reading.
   */
  lastTie: string | null;
}

/** Whether something unread (at most `bound`, after `lastTie` when equal) can still beat the best found. */
function canBeat(bound: number, lastTie: string | null, best: { score: number; tie: string } | null): boolean {
  if (!best) return true;
  if (bound > best.score) return true;
  return bound === best.score && (lastTie === null || lastTie < best.tie);
}

/**
 * The best proposal for a freed cell (what RecoverCell applies or offers), read from its
 * neighbourhood. Fills always rank above moves, so moves are read only when no fill is possible.
 */
export async function bestReplacement(
  ctx: CellContext,
  freed: Cell & { meetingId?: string | null },
  nb: Neighbourhood,
  options?: Partial<BestReplacementOptions>,
): Promise<{ proposal: Proposal | null; day: Neighbours; read: { candidates: number; movable: number } }> {
  const timing = timingOptions(options);
  const firstPage = options?.page ?? 8;
  const day = neighbours(ctx, freed.slotId, nb);
  const read = { candidates: 0, movable: 0 };
  const ix = buildIndex(day.state);
  const { slot, pos } = slotAt(ix, freed.slotId);
  if (slotTiming(slot, ctx.now, timing) === 'closed' || tableProblem(ix, pos, freed.tableId)) return { proposal: null, day, read };

  const propose = (allowMoves: boolean) => proposeReplacement(day.state, freed, { ...timing, allowMoves, limit: 1 })[0] ?? null;
  const rank = (p: Proposal | null) => (p ? { score: p.score, tie: tieOf(p) } : null);

  /** Reads the streams, highest bound first, while any can still beat the best; `take` adds a page and answers the new best. */
  async function drain<T>(
    streams: Stream<T>[],
    take: (rows: T[]) => Promise<Proposal | null>,
    start: Proposal | null,
  ): Promise<Proposal | null> {
    let best = start;
    for (;;) {
      const open = streams.filter((st) => !st.done && canBeat(st.bound, st.lastTie, rank(best)));
      if (!open.length) return best;
      const st = open.reduce((a, b) => (b.bound > a.bound ? b : a));
      const rows = await st.fetch(st.offset, st.page);
      st.offset += rows.length;
      if (rows.length < st.page) st.done = true;
      st.page = Math.max(st.page, Math.min(64, st.page * 2));
      if (rows.length) best = await take(rows);
    }
  }

  const fills: Stream<Candidate>[] = nb.sources.flatMap((source) =>
    SCORE_RANGES.map((range) => {
      const st: Stream<Candidate> = {
        offset: 0,
        page: firstPage,
        done: false,
        bound: 2 * SOURCE_PRIORITY[source],
        lastTie: null,
        fetch: async (offset, limit) => {
          const rows = await nb.candidates(source, range, offset, limit);
          read.candidates += rows.length;
          const last = rows[rows.length - 1];
          if (last) {
            st.bound = candidateValue(source, last.score);
            // A pair without a meeting may adopt one (its tie key is then the meeting's): no shortcut at equal score.
            st.lastTie = last.meetingId !== undefined ? tieOfCandidate(last) : null;
          }
          return rows;
        },
      };
      return st;
    }),
  );
  const fill = await drain(
    fills,
    async (rows) => {
      day.state.candidates.push(...rows);
      await day.learn(rows.map((c) => [c.a, c.b] as const));
      return propose(false);
    },
    null,
  );
  if (fill || !options?.allowMoves) return { proposal: fill, day, read };

  // No fill: pull a later meeting forward. Moves rank by weight, then by id.
  const moves: Stream<LiveMeetingRecord>[] = SCORE_RANGES.map((range) => {
    const st: Stream<LiveMeetingRecord> = {
      offset: 0,
      page: firstPage,
      done: false,
      bound: moveScore(1),
      lastTie: null,
      fetch: async (offset, limit) => {
        const rows = await nb.movable(slot.startsAt, range, offset, limit);
        read.movable += rows.length;
        const last = rows[rows.length - 1];
        if (last) {
          st.bound = moveScore(last.weight);
          st.lastTie = `${last.id}\u0001${pairKey(last.a, last.b)}`;
        }
        return rows;
      },
    };
    return st;
  });
  const move = await drain(
    moves,
    async (rows) => {
      day.add(rows);
      await day.learn(rows.map((m) => [m.a, m.b] as const));
      return propose(true);
    },
    propose(true),
  );
  return { proposal: move, day, read };
}
