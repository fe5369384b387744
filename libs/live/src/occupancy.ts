import {
  DEFAULT_MIN_REMAINING_MINUTES,
  DEFAULT_PROTECT_MINUTES,
  isUnavailable,
  LiveError,
  LiveMeetingRecord,
  LiveParticipant,
  LiveSlot,
  LiveState,
  LiveTable,
  MINUTE_MS,
  occupies,
  PAIR_BLOCKING_STATUSES,
  pairKey,
  presentAt,
  Reason,
} from './model';

/** Who is busy and which tables are taken in one slot. */
export interface SlotLoad {
  /** Participant id → meetings it holds in the slot. */
  busy: Map<string, number>;
  /** Table id → the meeting at it. */
  tables: Map<string, string>;
}

/**
 * Everything the rules look up, built in one pass over the meetings so that a proposal on a
 * Jornada-size event costs O(meetings + candidates) and no per-candidate scan.
 */
export interface LiveIndex {
  state: LiveState;
  slotPos: Map<string, number>;
  participants: Map<string, LiveParticipant>;
  tables: Map<string, LiveTable>;
  meetings: Map<string, LiveMeetingRecord>;
  /** By slot position (same order as state.slots). */
  loads: SlotLoad[];
  /** Participant id → meetings that count towards maxMeetings. */
  placed: Map<string, number>;
  /** Pair key → ids of the pair's meetings that block another one. */
  pairs: Map<string, string[]>;
}

export function buildIndex(state: LiveState): LiveIndex {
  const slotPos = new Map<string, number>();
  state.slots.forEach((s, i) => slotPos.set(s.id, i));
  const participants = new Map(state.participants.map((p) => [p.id, p] as const));
  const tables = new Map(state.tables.map((t) => [t.id, t] as const));
  const meetings = new Map<string, LiveMeetingRecord>();
  const loads: SlotLoad[] = state.slots.map(() => ({ busy: new Map(), tables: new Map() }));
  const placed = new Map<string, number>();
  const pairs = new Map<string, string[]>();
  for (const m of state.meetings) {
    meetings.set(m.id, m);
    if (PAIR_BLOCKING_STATUSES.includes(m.status)) {
      const k = pairKey(m.a, m.b);
      const list = pairs.get(k);
      if (list) list.push(m.id);
      else pairs.set(k, [m.id]);
    }
    if (!occupies(m)) continue;
    const pos = slotPos.get(m.slotId!);
    if (pos === undefined) continue;
    const load = loads[pos];
    load.tables.set(m.tableId!, m.id);
    load.busy.set(m.a, (load.busy.get(m.a) ?? 0) + 1);
    load.busy.set(m.b, (load.busy.get(m.b) ?? 0) + 1);
    placed.set(m.a, (placed.get(m.a) ?? 0) + 1);
    placed.set(m.b, (placed.get(m.b) ?? 0) + 1);
  }
  return { state, slotPos, participants, tables, meetings, loads, placed, pairs };
}

export interface TimingOptions {
  /** Slots starting within this many minutes of now need both people checked in; moves into them need confirmation. */
  protectMinutes: number;
  /** A slot already under way is still usable while at least this many minutes remain. */
  minRemainingMinutes: number;
}

export function timingOptions(o?: Partial<TimingOptions>): TimingOptions {
  return {
    protectMinutes: o?.protectMinutes ?? DEFAULT_PROTECT_MINUTES,
    minRemainingMinutes: o?.minRemainingMinutes ?? DEFAULT_MIN_REMAINING_MINUTES,
  };
}

/**
 * closed: over, or too little of it left to hold a meeting;
 * soon: starts within the protect window (or is under way): people must already be here;
 * later: there is time for a participant to arrive and read the new agenda.
 */
export type SlotTiming = 'closed' | 'soon' | 'later';

export function slotTiming(slot: LiveSlot, now: Date, t: TimingOptions): SlotTiming {
  const n = now.getTime();
  if (slot.endsAt.getTime() - n < t.minRemainingMinutes * MINUTE_MS) return 'closed';
  if (slot.startsAt.getTime() - n < t.protectMinutes * MINUTE_MS) return 'soon';
  return 'later';
}

export function slotAt(ix: LiveIndex, slotId: string): { slot: LiveSlot; pos: number } {
  const pos = ix.slotPos.get(slotId);
  if (pos === undefined) throw new LiveError({ es: `franja desconocida: ${slotId}`, en: `unknown slot: ${slotId}` });
  return { slot: ix.state.slots[pos], pos };
}

export function tableProblem(ix: LiveIndex, pos: number, tableId: string): Reason | null {
  if (!ix.tables.has(tableId)) return { es: `mesa desconocida: ${tableId}`, en: `unknown table: ${tableId}` };
  const at = ix.loads[pos].tables.get(tableId);
  if (at !== undefined) return { es: `la mesa ${tableId} ya tiene la reunión ${at}`, en: `table ${tableId} already holds meeting ${at}` };
  return null;
}

export interface SeatCheck {
  timing: SlotTiming;
  /** The meeting is new to the participant's agenda (false when only moving one it already has). */
  addsMeeting: boolean;
}

export type SeatBlock = 'unknown' | 'unavailable' | 'left' | 'not_checked_in' | 'fixed_table' | 'busy' | 'max';

/**
 * Why participant `id` cannot sit at `tableId` in the slot at `pos`, as a code (null: it can).
 * Kept allocation-free: a proposal checks thousands of candidates and most of them fail.
 */
export function participantBlock(ix: LiveIndex, id: string, pos: number, tableId: string, c: SeatCheck): SeatBlock | null {
  const p = ix.participants.get(id);
  if (!p) return 'unknown';
  const slot = ix.state.slots[pos];
  if (isUnavailable(p, slot.id)) return 'unavailable';
  if (!presentAt(p, slot.startsAt)) return 'left';
  if (c.timing === 'soon' && !p.checkedIn) return 'not_checked_in';
  if (p.fixedTable !== undefined && p.fixedTable !== tableId) return 'fixed_table';
  if ((ix.loads[pos].busy.get(id) ?? 0) >= Math.max(1, p.parallel)) return 'busy';
  if (c.addsMeeting && p.maxMeetings !== undefined && (ix.placed.get(id) ?? 0) >= p.maxMeetings) return 'max';
  return null;
}

/** Why participant `id` cannot sit at `tableId` in the slot at `pos`, for a person (null: it can). */
export function participantProblem(ix: LiveIndex, id: string, pos: number, tableId: string, c: SeatCheck): Reason | null {
  const block = participantBlock(ix, id, pos, tableId, c);
  if (block === null) return null;
  const slot = ix.state.slots[pos].id;
  const p = ix.participants.get(id);
  switch (block) {
    case 'unknown':
      return { es: `participante desconocido: ${id}`, en: `unknown participant: ${id}` };
    case 'unavailable':
      return { es: `${id} no está disponible en ${slot}`, en: `${id} is unavailable in ${slot}` };
    case 'left':
      return { es: `${id} ya se retiró`, en: `${id} has left` };
    case 'not_checked_in':
      return {
        es: `${id} no ha registrado su llegada y la franja ${slot} empieza ya`,
        en: `${id} has not checked in and slot ${slot} starts now`,
      };
    case 'fixed_table':
      return { es: `${id} solo se reúne en su mesa ${p!.fixedTable}`, en: `${id} only meets at its table ${p!.fixedTable}` };
    case 'busy':
      return { es: `${id} ya está ocupado en ${slot}`, en: `${id} is already busy in ${slot}` };
    case 'max':
      return {
        es: `${id} llegó a su máximo de ${p!.maxMeetings} reuniones`,
        en: `${id} reached its maximum of ${p!.maxMeetings} meetings`,
      };
  }
}

/** A second live meeting of the same pair (other than `own`) is never created. */
export function pairProblem(ix: LiveIndex, a: string, b: string, own?: string): Reason | null {
  if (a === b)
    return { es: `una reunión necesita dos participantes distintos (${a})`, en: `a meeting needs two different participants (${a})` };
  const other = (ix.pairs.get(pairKey(a, b)) ?? []).find((id) => id !== own);
  if (other !== undefined) return { es: `${a} y ${b} ya tienen la reunión ${other}`, en: `${a} and ${b} already have meeting ${other}` };
  return null;
}

/** Whether the existing meeting `own` may sit in the slot at `pos` (its allowedSlots window). */
function insideWindow(ix: LiveIndex, pos: number, own: string): boolean {
  const window = ix.meetings.get(own)?.allowedSlots;
  return window === undefined || window.includes(ix.state.slots[pos].id);
}

/** A meeting with a window (morning only, day 2 only) is never placed or moved outside it. */
export function windowProblem(ix: LiveIndex, pos: number, own?: string): Reason | null {
  if (own === undefined || insideWindow(ix, pos, own)) return null;
  const slot = ix.state.slots[pos].id;
  return {
    es: `la reunión ${own} solo puede ir en su ventana de franjas, no en ${slot}`,
    en: `meeting ${own} may only sit in its window of slots, not in ${slot}`,
  };
}

/** First reason the pair cannot meet in that cell, or null. */
export function cellProblem(
  ix: LiveIndex,
  a: string,
  b: string,
  pos: number,
  tableId: string,
  c: SeatCheck & { own?: string },
): Reason | null {
  return (
    tableProblem(ix, pos, tableId) ??
    windowProblem(ix, pos, c.own) ??
    pairProblem(ix, a, b, c.own) ??
    participantProblem(ix, a, pos, tableId, c) ??
    participantProblem(ix, b, pos, tableId, c)
  );
}

/** cellProblem without the explanation: the hot path of proposeReplacement. */
export function canSeat(ix: LiveIndex, a: string, b: string, pos: number, tableId: string, c: SeatCheck & { own?: string }): boolean {
  if (a === b || ix.loads[pos].tables.has(tableId) || !ix.tables.has(tableId)) return false;
  if (c.own !== undefined && !insideWindow(ix, pos, c.own)) return false;
  const pair = ix.pairs.get(pairKey(a, b));
  if (pair && pair.some((id) => id !== c.own)) return false;
  return participantBlock(ix, a, pos, tableId, c) === null && participantBlock(ix, b, pos, tableId, c) === null;
}
