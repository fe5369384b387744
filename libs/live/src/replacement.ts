import { meetingWeight } from '@rueda/domain';
import type { ReplacementProposal } from '@rueda/realtime';
import {
  Candidate,
  CandidateSource,
  Cell,
  LiveChange,
  LiveError,
  LiveMeetingRecord,
  LiveState,
  MeetingChange,
  occupies,
  pairKey,
  Reason,
} from './model';
import {
  buildIndex,
  canSeat,
  cellProblem,
  LiveIndex,
  slotAt,
  SlotTiming,
  slotTiming,
  tableProblem,
  TimingOptions,
  timingOptions,
} from './occupancy';

/**
 * Tiers of the candidate value. Each tier spans [p, 2p) once multiplied by (1 + strength), so a
 * weaker source never outranks a stronger one whatever its score: an accepted meeting that
 * found no slot was promised to both sides; a mutual request comes next; the waitlist holds
 * one-sided requests; a bare match was asked for by nobody.
 */
export const SOURCE_PRIORITY: Record<CandidateSource, number> = { unscheduled: 8, mutual: 4, waitlist: 2, match: 1 };
/** Within a later slot, each participant not yet checked in makes the fill less certain. */
export const NOT_CHECKED_IN_PENALTY = 0.25;
/** Value of pulling a later meeting forward (before its penalty): below every fill. */
export const MOVE_VALUE = 1;
/** Per meeting moved; with MOVE_VALUE it keeps every move under every fill (moves < 0.5 ≤ fills). */
export const DISRUPTION_PENALTY = 1.5;

export type ProposalSource = CandidateSource | 'scheduled';

export interface ProposalMeeting {
  a: string;
  b: string;
  meetingId?: string;
  source: ProposalSource;
}

export interface Move {
  meetingId: string;
  fromSlot: string;
  fromTable: string;
  toSlot: string;
  toTable: string;
}

export interface Proposal {
  kind: 'fill' | 'move';
  meeting: ProposalMeeting;
  slotId: string;
  tableId: string;
  score: number;
  /** Meetings of other people this proposal changes (0 for a fill). */
  disruption: number;
  requiresConfirmation: boolean;
  reason: Reason;
  moves: Move[];
}

export interface ReplacementOptions extends TimingOptions {
  /** Also propose pulling a later scheduled meeting forward into the freed cell. */
  allowMoves: boolean;
  /** Most proposals returned. */
  limit: number;
}

export const DEFAULT_PROPOSAL_LIMIT = 20;

/** Score or weight mapped into [0, 1): scores are already in [0, 1]; weights w ≥ 1 become 1 − 1/w. */
export function strength(score: number): number {
  if (!Number.isFinite(score) || score <= 0) return 0;
  const s = score <= 1 ? score : 1 - 1 / score;
  return Math.min(1, s) * 0.999;
}

export function candidateValue(source: CandidateSource, score: number): number {
  return SOURCE_PRIORITY[source] * (1 + strength(score));
}

const SOURCE_TEXT: Record<ProposalSource, Reason> = {
  unscheduled: { es: 'reunión aceptada que quedó sin horario', en: 'accepted meeting left unscheduled' },
  mutual: { es: 'interés mutuo', en: 'mutual interest' },
  waitlist: { es: 'solicitud en lista de espera', en: 'waitlisted request' },
  match: { es: 'alta afinidad entre oferta y demanda', en: 'strong offer/demand match' },
  scheduled: { es: 'reunión ya programada más tarde', en: 'meeting already scheduled later' },
};

function causeOf(ix: LiveIndex, freed: Cell & { meetingId?: string | null }): Reason {
  const m = freed.meetingId ? ix.meetings.get(freed.meetingId) : undefined;
  if (m?.status === 'no_show') return { es: 'mesa libre por ausencia', en: 'table freed by a no-show' };
  if (m?.status === 'cancelled') return { es: 'mesa libre por cancelación', en: 'table freed by a cancellation' };
  return { es: 'mesa libre', en: 'free table' };
}

interface Resolved {
  a: string;
  b: string;
  meetingId?: string;
  source: CandidateSource;
  score: number;
  value: number;
  key: string;
}

/**
 * The candidate as it would be placed, or null when it is stale: its meeting must still be
 * waiting (requested/accepted, not placed) and belong to the pair. A pair with exactly one such
 * waiting meeting adopts it, so a mutual or match candidate never duplicates an accepted meeting.
 */
function resolveCandidate(ix: LiveIndex, c: Candidate): Resolved | null {
  if (c.a === c.b || !ix.participants.has(c.a) || !ix.participants.has(c.b)) return null;
  const key = pairKey(c.a, c.b);
  let meetingId = c.meetingId;
  if (meetingId !== undefined) {
    const m = ix.meetings.get(meetingId);
    if (!m || !isWaiting(m) || pairKey(m.a, m.b) !== key) return null;
  } else {
    const blocking = ix.pairs.get(key);
    if (blocking?.length === 1 && isWaiting(ix.meetings.get(blocking[0])!)) meetingId = blocking[0];
  }
  return { a: c.a, b: c.b, meetingId, source: c.source, score: c.score, value: candidateValue(c.source, c.score), key };
}

function isWaiting(m: LiveMeetingRecord): boolean {
  return (m.status === 'accepted' || m.status === 'requested') && !occupies(m);
}

/** Best candidate per pair (the same pair may come from the waitlist and from matching). */
function bestPerPair(ix: LiveIndex, candidates: readonly Candidate[]): Resolved[] {
  const best = new Map<string, Resolved>();
  for (const c of candidates) {
    const r = resolveCandidate(ix, c);
    if (!r) continue;
    const prev = best.get(r.key);
    if (!prev || r.value > prev.value || (r.value === prev.value && r.meetingId !== undefined && prev.meetingId === undefined))
      best.set(r.key, r);
  }
  return [...best.values()];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Ranked ways to use a freed (slot, table) cell, best first.
 *
 * Choices:
 * - A slot that is over, or has less than `minRemainingMinutes` left, gets no proposal; an
 *   occupied cell neither.
 * - A slot starting within `protectMinutes` (or under way) only takes checked-in people: there
 *   is no time to fetch anyone. Later slots also take people not yet checked in (they can still
 *   arrive), at NOT_CHECKED_IN_PENALTY each.
 * - A fill changes nobody else's agenda: disruption 0, never needs confirmation.
 * - A move (allowMoves) pulls a later `scheduled` meeting whose two people are free and present
 *   now into the freed cell; its old cell frees and can be filled in turn. Disruption 1; it
 *   needs confirmation when the freed slot starts within the protect window (the moved people
 *   must change plans at once). Every move ranks below every fill.
 */
export function proposeReplacement(
  state: LiveState,
  freed: Cell & { meetingId?: string | null },
  options?: Partial<ReplacementOptions>,
): Proposal[] {
  const timing = timingOptions(options);
  const allowMoves = options?.allowMoves ?? false;
  const limit = options?.limit ?? DEFAULT_PROPOSAL_LIMIT;
  const ix = buildIndex(state);
  const { slot, pos } = slotAt(ix, freed.slotId);
  if (!ix.tables.has(freed.tableId))
    throw new LiveError({ es: `mesa desconocida: ${freed.tableId}`, en: `unknown table: ${freed.tableId}` });
  const when = slotTiming(slot, state.now, timing);
  if (when === 'closed' || tableProblem(ix, pos, freed.tableId)) return [];
  // Rank light entries first and write texts only for the `limit` kept: on a Jornada a
  // thousand fills can be feasible and all but twenty would be thrown away.
  const ranked: Ranked[] = [];
  for (const c of bestPerPair(ix, state.candidates)) {
    if (!canSeat(ix, c.a, c.b, pos, freed.tableId, { timing: when, addsMeeting: true, own: c.meetingId })) continue;
    const absent = (ix.participants.get(c.a)!.checkedIn ? 0 : 1) + (ix.participants.get(c.b)!.checkedIn ? 0 : 1);
    ranked.push({
      score: round(c.value - NOT_CHECKED_IN_PENALTY * absent),
      disruption: 0,
      confirm: false,
      tie: `${c.meetingId ?? ''}\u0001${c.key}`,
      fill: c,
      absent,
    });
  }
  if (allowMoves) {
    const start = slot.startsAt.getTime();
    const confirm = when === 'soon';
    for (const m of state.meetings) {
      if (m.status !== 'scheduled' || !occupies(m)) continue;
      const from = ix.slotPos.get(m.slotId!);
      if (from === undefined || state.slots[from].startsAt.getTime() <= start) continue;
      if (!canSeat(ix, m.a, m.b, pos, freed.tableId, { timing: when, addsMeeting: false, own: m.id })) continue;
      ranked.push({
        score: round(MOVE_VALUE * (1 + strength(m.weight)) - DISRUPTION_PENALTY),
        disruption: 1,
        confirm,
        tie: `${m.id}\u0001${pairKey(m.a, m.b)}`,
        move: m,
      });
    }
  }
  ranked.sort(compareRanked);
  const cause = causeOf(ix, freed);
  return ranked
    .slice(0, Math.max(0, limit))
    .map((r) =>
      r.fill
        ? fillProposal(r.fill, r.absent ?? 0, r.score, slot.id, freed.tableId, cause)
        : moveProposal(r.move!, r, slot.id, freed.tableId, cause),
    );
}

interface Ranked {
  score: number;
  disruption: number;
  confirm: boolean;
  tie: string;
  fill?: Resolved;
  absent?: number;
  move?: LiveMeetingRecord;
}

function compareRanked(x: Ranked, y: Ranked): number {
  return (
    y.score - x.score ||
    x.disruption - y.disruption ||
    Number(x.confirm) - Number(y.confirm) ||
    (x.tie < y.tie ? -1 : x.tie > y.tie ? 1 : 0)
  );
}

function fillProposal(c: Resolved, absent: number, score: number, slotId: string, tableId: string, cause: Reason): Proposal {
  const src = SOURCE_TEXT[c.source];
  const wait = absent ? { es: '; falta registrar llegada', en: '; not everyone has checked in yet' } : { es: '', en: '' };
  return {
    kind: 'fill',
    meeting: { a: c.a, b: c.b, ...(c.meetingId !== undefined ? { meetingId: c.meetingId } : {}), source: c.source },
    slotId,
    tableId,
    score,
    disruption: 0,
    requiresConfirmation: false,
    reason: {
      es: `${cause.es}: ${src.es} entre ${c.a} y ${c.b}, ambos libres en ${slotId}${wait.es}`,
      en: `${cause.en}: ${src.en} between ${c.a} and ${c.b}, both free in ${slotId}${wait.en}`,
    },
    moves: [],
  };
}

function moveProposal(m: LiveMeetingRecord, r: Ranked, slotId: string, tableId: string, cause: Reason): Proposal {
  const from = m.slotId!;
  const confirm = r.confirm;
  return {
    kind: 'move',
    meeting: { a: m.a, b: m.b, meetingId: m.id, source: 'scheduled' },
    slotId,
    tableId,
    score: r.score,
    disruption: r.disruption,
    requiresConfirmation: confirm,
    reason: {
      es: `${cause.es}: adelantar la reunión ${m.id} de ${m.a} y ${m.b} desde ${from}; su mesa ${m.tableId} en ${from} queda libre${confirm ? '; requiere confirmación' : ''}`,
      en: `${cause.en}: bring meeting ${m.id} of ${m.a} and ${m.b} forward from ${from}; its table ${m.tableId} in ${from} frees up${confirm ? '; needs confirmation' : ''}`,
    },
    moves: [{ meetingId: m.id, fromSlot: from, fromTable: m.tableId!, toSlot: slotId, toTable: tableId }],
  };
}

export type ApplyResult<T = object> = ({ ok: true } & LiveChange & T) | { ok: false; reason: Reason };

export interface ApplyProposalOptions extends TimingOptions {
  /** Id of the meeting a fill creates when the candidate has none (default: derived from pair and cell). */
  newMeetingId: string;
}

/** Weight of a meeting born from a candidate, on the scheduler's scale. */
export function candidateWeight(source: ProposalSource, score: number): number {
  if (Number.isFinite(score) && score > 1) return score;
  return meetingWeight({ bestScore: score, mutual: source === 'mutual', mandatory: false });
}

export function freshMeetingId(state: LiveState, base: string): string {
  const taken = new Set(state.meetings.map((m) => m.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Applies a proposal to the state it may have been made on or to a newer one. It re-checks
 * every rule first: between proposing and confirming, someone may have taken the table.
 */
export function applyProposal(
  state: LiveState,
  p: Proposal,
  options?: Partial<ApplyProposalOptions>,
): ApplyResult<{ meeting: LiveMeetingRecord }> {
  const timing = timingOptions(options);
  const ix = buildIndex(state);
  const pos = ix.slotPos.get(p.slotId);
  if (pos === undefined) return { ok: false, reason: { es: `franja desconocida: ${p.slotId}`, en: `unknown slot: ${p.slotId}` } };
  const when: SlotTiming = slotTiming(state.slots[pos], state.now, timing);
  if (when === 'closed') return { ok: false, reason: { es: `la franja ${p.slotId} ya terminó`, en: `slot ${p.slotId} is over` } };

  if (p.kind === 'move') {
    if (p.moves.length !== 1) return { ok: false, reason: { es: 'se espera exactamente un movimiento', en: 'exactly one move expected' } };
    const mv = p.moves[0];
    const m = ix.meetings.get(mv.meetingId);
    if (!m || m.status !== 'scheduled' || m.slotId !== mv.fromSlot || m.tableId !== mv.fromTable) {
      return {
        ok: false,
        reason: { es: `la reunión ${mv.meetingId} ya no está donde estaba`, en: `meeting ${mv.meetingId} is no longer where it was` },
      };
    }
    const problem = cellProblem(ix, m.a, m.b, pos, p.tableId, { timing: when, addsMeeting: false, own: m.id });
    if (problem) return { ok: false, reason: problem };
    const after: LiveMeetingRecord = { ...m, slotId: p.slotId, tableId: p.tableId };
    return {
      ok: true,
      state: { ...state, meetings: state.meetings.map((x) => (x.id === m.id ? after : x)) },
      freed: [{ slotId: mv.fromSlot, tableId: mv.fromTable, meetingId: m.id }],
      changedMeetings: [{ meetingId: m.id, before: m, after }],
      meeting: after,
    };
  }

  const { a, b, meetingId } = p.meeting;
  const existing = meetingId !== undefined ? ix.meetings.get(meetingId) : undefined;
  if (meetingId !== undefined && (!existing || !isWaiting(existing))) {
    return { ok: false, reason: { es: `la reunión ${meetingId} ya no está pendiente`, en: `meeting ${meetingId} is no longer waiting` } };
  }
  const problem = cellProblem(ix, a, b, pos, p.tableId, { timing: when, addsMeeting: true, own: meetingId });
  if (problem) return { ok: false, reason: problem };
  const after: LiveMeetingRecord = existing
    ? { ...existing, status: 'scheduled', slotId: p.slotId, tableId: p.tableId }
    : {
        id: options?.newMeetingId ?? freshMeetingId(state, `live-${p.slotId}-${p.tableId}-${a}-${b}`),
        a,
        b,
        status: 'scheduled',
        slotId: p.slotId,
        tableId: p.tableId,
        weight: candidateWeight(p.meeting.source, candidateScore(state, a, b, p.meeting.source)),
      };
  const change: MeetingChange = { meetingId: after.id, before: existing ?? null, after };
  const k = pairKey(a, b);
  return {
    ok: true,
    state: {
      ...state,
      meetings: existing ? state.meetings.map((x) => (x.id === after.id ? after : x)) : [...state.meetings, after],
      // The pair now has its meeting: its other candidacies would only be rejected as duplicates.
      candidates: state.candidates.filter((c) => pairKey(c.a, c.b) !== k),
    },
    freed: [],
    changedMeetings: [change],
    meeting: after,
  };
}

function candidateScore(state: LiveState, a: string, b: string, source: ProposalSource): number {
  const k = pairKey(a, b);
  let best = 0;
  for (const c of state.candidates) if (c.source === source && pairKey(c.a, c.b) === k) best = Math.max(best, c.score);
  return best;
}

/** The realtime contract's view of a proposal (the server supplies ids and the mode). */
export function toReplacementProposal(
  p: Proposal,
  ctx: { proposalId: string; freedMeetingId: string | null; mode?: ReplacementProposal['mode'] },
): ReplacementProposal {
  return {
    proposalId: ctx.proposalId,
    slotId: p.slotId,
    tableId: p.tableId,
    freedMeetingId: ctx.freedMeetingId,
    candidate: {
      participantAId: p.meeting.a,
      participantBId: p.meeting.b,
      ...(p.meeting.meetingId !== undefined ? { meetingId: p.meeting.meetingId } : {}),
      source: p.meeting.source,
      score: p.score,
      reason: `${p.reason.es} / ${p.reason.en}`,
    },
    mode: ctx.mode ?? (p.requiresConfirmation ? 'confirm' : 'automatic'),
  };
}
