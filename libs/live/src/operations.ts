import { canTransition, localDay, type MeetingStatus } from '@rueda/domain';
import { asSentence } from '@rueda/i18n';
import {
  DEFAULT_TIME_ZONE,
  FreedCell,
  LiveChange,
  LiveError,
  LiveMeetingRecord,
  LiveSlot,
  LiveState,
  MeetingChange,
  MINUTE_MS,
  occupies,
  pairKey,
  Reason,
} from './model';
import {
  buildIndex,
  LiveIndex,
  pairProblem,
  participantProblem,
  slotTiming,
  tableProblem,
  TimingOptions,
  timingOptions,
} from './occupancy';
import { freshMeetingId } from './replacement';

function meetingOf(state: LiveState, meetingId: string): LiveMeetingRecord {
  const m = state.meetings.find((x) => x.id === meetingId);
  if (!m) throw new LiveError({ es: `reunión desconocida: ${meetingId}`, en: `unknown meeting: ${meetingId}` });
  return m;
}

function setStatus(state: LiveState, meetingId: string, to: MeetingStatus): LiveChange {
  const m = meetingOf(state, meetingId);
  if (!canTransition(m.status, to)) {
    throw new LiveError({
      es: `la reunión ${m.id} no puede pasar de ${m.status} a ${to}`,
      en: `meeting ${m.id} cannot go from ${m.status} to ${to}`,
    });
  }
  const after: LiveMeetingRecord = { ...m, status: to };
  return {
    state: { ...state, meetings: state.meetings.map((x) => (x.id === m.id ? after : x)) },
    freed: occupies(m) ? [{ slotId: m.slotId!, tableId: m.tableId!, meetingId: m.id }] : [],
    changedMeetings: [{ meetingId: m.id, before: m, after }],
  };
}

/** The meeting did not take place because someone did not come; its cell frees for a replacement. */
export function applyNoShow(state: LiveState, meetingId: string): LiveChange {
  return setStatus(state, meetingId, 'no_show');
}

export function applyCancel(state: LiveState, meetingId: string): LiveChange {
  return setStatus(state, meetingId, 'cancelled');
}

/**
 * The participant leaves at `at`: its meetings in slots starting at or after `at` are
 * cancelled and their cells freed. A meeting already under way at `at` is kept: it started
 * with the participant present and the staff close it as held or not.
 */
export function applyLeaveEarly(state: LiveState, participantId: string, at: Date): LiveChange {
  const p = state.participants.find((x) => x.id === participantId);
  if (!p) throw new LiveError({ es: `participante desconocido: ${participantId}`, en: `unknown participant: ${participantId}` });
  const startOf = new Map(state.slots.map((s) => [s.id, s.startsAt.getTime()] as const));
  const t = at.getTime();
  const freed: FreedCell[] = [];
  const changedMeetings: MeetingChange[] = [];
  const meetings = state.meetings.map((m) => {
    if (m.a !== participantId && m.b !== participantId) return m;
    if (!occupies(m) || !canTransition(m.status, 'cancelled')) return m;
    const start = startOf.get(m.slotId!);
    if (start === undefined || start < t) return m;
    const after: LiveMeetingRecord = { ...m, status: 'cancelled' };
    freed.push({ slotId: m.slotId!, tableId: m.tableId!, meetingId: m.id });
    changedMeetings.push({ meetingId: m.id, before: m, after });
    return after;
  });
  const participants = state.participants.map((x) => (x.id === participantId ? { ...x, leftAt: new Date(t) } : x));
  return { state: { ...state, participants, meetings }, freed, changedMeetings };
}

export interface DelayRequest {
  fromSlotId: string;
  minutes: number;
  /** slot: that slot, cascading only as far as it would overlap; rest-of-day: it and every later slot of the same day. */
  scope: 'slot' | 'rest-of-day';
}

export interface DelayRisk {
  meetingId: string;
  participantId: string;
  reason: Reason;
}

export interface DelayResult {
  state: LiveState;
  /** The slots that moved, with their new times (payload of `slots.delayed`). */
  slots: LiveSlot[];
  /** Meetings now starting after one of their participants leaves: organisers must decide. */
  atRisk: DelayRisk[];
}

/**
 * Shifts slots later. Slot lengths never change. After the requested shift, any following slot
 * that would now overlap its predecessor moves just enough not to, so a gap or a break absorbs
 * what it can and the rest cascades.
 */
export function applyDelay(state: LiveState, req: DelayRequest): DelayResult {
  if (!Number.isFinite(req.minutes) || req.minutes <= 0) {
    throw new LiveError({ es: 'El retraso debe ser un número positivo de minutos', en: 'A delay must be a positive number of minutes' });
  }
  const from = state.slots.findIndex((s) => s.id === req.fromSlotId);
  if (from < 0) throw new LiveError({ es: `franja desconocida: ${req.fromSlotId}`, en: `unknown slot: ${req.fromSlotId}` });
  if (state.slots[from].endsAt.getTime() <= state.now.getTime()) {
    throw new LiveError({ es: `la franja ${req.fromSlotId} ya terminó`, en: `slot ${req.fromSlotId} is over` });
  }
  const shiftMs = Math.round(req.minutes * MINUTE_MS);
  const tz = state.timeZone ?? DEFAULT_TIME_ZONE;
  const day = localDay(state.slots[from].startsAt, tz);
  const slots = state.slots.slice();
  const moved: LiveSlot[] = [];
  const shift = (i: number, ms: number) => {
    const s = slots[i];
    slots[i] = { ...s, startsAt: new Date(s.startsAt.getTime() + ms), endsAt: new Date(s.endsAt.getTime() + ms) };
    moved.push(slots[i]);
  };
  shift(from, shiftMs);
  let i = from + 1;
  if (req.scope === 'rest-of-day') {
    for (; i < slots.length && localDay(slots[i].startsAt, tz) === day; i++) shift(i, shiftMs);
  }
  for (; i < slots.length; i++) {
    const overlap = slots[i - 1].endsAt.getTime() - slots[i].startsAt.getTime();
    if (overlap <= 0) break;
    shift(i, overlap);
  }
  const next: LiveState = { ...state, slots };
  const movedStart = new Map(moved.map((s) => [s.id, s.startsAt] as const));
  const people = new Map(state.participants.map((p) => [p.id, p] as const));
  const atRisk: DelayRisk[] = [];
  for (const m of state.meetings) {
    if (!occupies(m) || m.status === 'held') continue;
    const start = movedStart.get(m.slotId!);
    if (!start) continue;
    for (const id of [m.a, m.b]) {
      const leftAt = people.get(id)?.leftAt;
      if (leftAt && start.getTime() >= leftAt.getTime()) {
        atRisk.push({
          meetingId: m.id,
          participantId: id,
          reason: { es: `${id} se retira antes del nuevo inicio de ${m.slotId}`, en: `${id} leaves before the new start of ${m.slotId}` },
        });
      }
    }
  }
  return { state: next, slots: moved, atRisk };
}

export interface WalkInRequest {
  a: string;
  b: string;
  /** Only this slot (otherwise the earliest usable one). */
  slotId?: string;
  /** Only this table (otherwise the lowest-numbered free one). */
  tableId?: string;
  weight?: number;
}

export interface WalkInOptions extends TimingOptions {
  newMeetingId: string;
}

export type WalkInResult =
  | ({ ok: true; meeting: LiveMeetingRecord; slotId: string; tableId: string } & LiveChange)
  | { ok: false; reason: Reason; details: { slotId: string; reason: Reason }[] };

/**
 * Places a meeting two people ask for at the desk in the earliest cell where both are free and
 * a table is free, from the slot under way (if enough of it remains) onwards. It follows the
 * same rules as replacements; in particular, for a slot starting within the protect window
 * both must have checked in. If the pair already has a requested/accepted meeting waiting for
 * a slot, that meeting is placed instead of creating a second one.
 */
export function applyWalkIn(state: LiveState, req: WalkInRequest, options?: Partial<WalkInOptions>): WalkInResult {
  const timing = timingOptions(options);
  const ix = buildIndex(state);
  // The reason is the whole message the organiser reads (a sentence); the details stay clauses.
  const fail = (reason: Reason, details: { slotId: string; reason: Reason }[] = []): WalkInResult => ({
    ok: false,
    reason: asSentence(reason),
    details,
  });
  for (const id of [req.a, req.b]) {
    if (!ix.participants.has(id)) return fail({ es: `participante desconocido: ${id}`, en: `unknown participant: ${id}` });
  }
  const waiting = waitingMeeting(ix, req.a, req.b);
  const pairIssue = pairProblem(ix, req.a, req.b, waiting?.id);
  if (pairIssue) return fail(pairIssue);
  // Reasons that hold for every slot are given once rather than drowned in per-slot ones.
  for (const id of [req.a, req.b]) {
    const p = ix.participants.get(id)!;
    if (p.leftAt != null && p.leftAt.getTime() <= state.now.getTime()) return fail({ es: `${id} ya se retiró`, en: `${id} has left` });
    if (p.maxMeetings !== undefined && (ix.placed.get(id) ?? 0) >= p.maxMeetings) {
      return fail({
        es: `${id} llegó a su máximo de ${p.maxMeetings} reuniones`,
        en: `${id} reached its maximum of ${p.maxMeetings} meetings`,
      });
    }
  }

  const tables = candidateTables(ix, req);
  if ('reason' in tables) return fail(tables.reason);
  let positions: number[];
  if (req.slotId !== undefined) {
    const pos = ix.slotPos.get(req.slotId);
    if (pos === undefined) return fail({ es: `franja desconocida: ${req.slotId}`, en: `unknown slot: ${req.slotId}` });
    positions = [pos];
  } else {
    positions = state.slots.map((_, i) => i);
  }

  const details: { slotId: string; reason: Reason }[] = [];
  for (const pos of positions) {
    const slot = state.slots[pos];
    const when = slotTiming(slot, state.now, timing);
    if (when === 'closed') {
      if (req.slotId !== undefined)
        details.push({ slotId: slot.id, reason: { es: `la franja ${slot.id} ya terminó`, en: `slot ${slot.id} is over` } });
      continue;
    }
    // Tables are already narrowed to the fixed one when there is one, so the people's checks do not depend on the table.
    // A waiting (unplaced) meeting does not count yet, so placing it adds one like a new meeting.
    const check = { timing: when, addsMeeting: true };
    const problem = participantProblem(ix, req.a, pos, tables.ids[0], check) ?? participantProblem(ix, req.b, pos, tables.ids[0], check);
    const table = problem ? undefined : tables.ids.find((t) => !tableProblem(ix, pos, t));
    if (table === undefined) {
      details.push({ slotId: slot.id, reason: problem ?? { es: `no hay mesa libre en ${slot.id}`, en: `no free table in ${slot.id}` } });
      continue;
    }
    return place(state, req, slot.id, table, waiting, options?.newMeetingId);
  }
  if (details.length === 1) return fail(details[0].reason, details);
  const same = details.length > 0 && details.every((d) => d.reason.en === details[0].reason.en);
  if (same) return fail(details[0].reason, details);
  return fail(
    {
      es: `no hay una franja próxima en la que ${req.a} y ${req.b} estén libres con una mesa libre`,
      en: `no upcoming slot where ${req.a} and ${req.b} are both free and a table is free`,
    },
    details,
  );
}

function waitingMeeting(ix: LiveIndex, a: string, b: string): LiveMeetingRecord | undefined {
  const ids = ix.pairs.get(pairKey(a, b)) ?? [];
  if (ids.length !== 1) return undefined;
  const m = ix.meetings.get(ids[0])!;
  return (m.status === 'accepted' || m.status === 'requested') && !occupies(m) ? m : undefined;
}

function candidateTables(ix: LiveIndex, req: WalkInRequest): { ids: string[] } | { reason: Reason } {
  const fixed = [req.a, req.b].map((id) => ix.participants.get(id)!.fixedTable).filter((t): t is string => t !== undefined);
  if (fixed.length === 2 && fixed[0] !== fixed[1]) {
    return { reason: { es: `${req.a} y ${req.b} tienen mesas fijas distintas`, en: `${req.a} and ${req.b} have different fixed tables` } };
  }
  if (req.tableId !== undefined) {
    if (!ix.tables.has(req.tableId)) return { reason: { es: `mesa desconocida: ${req.tableId}`, en: `unknown table: ${req.tableId}` } };
    if (fixed.length && fixed[0] !== req.tableId) {
      return { reason: { es: `la mesa fija es ${fixed[0]}, no ${req.tableId}`, en: `the fixed table is ${fixed[0]}, not ${req.tableId}` } };
    }
    return { ids: [req.tableId] };
  }
  if (fixed.length) return { ids: [fixed[0]] };
  if (!ix.state.tables.length) return { reason: { es: 'el evento no tiene mesas', en: 'the event has no tables' } };
  return { ids: [...ix.state.tables].sort((x, y) => x.number - y.number).map((t) => t.id) };
}

function place(
  state: LiveState,
  req: WalkInRequest,
  slotId: string,
  tableId: string,
  waiting: LiveMeetingRecord | undefined,
  newMeetingId: string | undefined,
): WalkInResult {
  const after: LiveMeetingRecord = waiting
    ? { ...waiting, status: 'scheduled', slotId, tableId }
    : {
        id: newMeetingId ?? freshMeetingId(state, `walkin-${slotId}-${tableId}-${req.a}-${req.b}`),
        a: req.a,
        b: req.b,
        status: 'scheduled',
        slotId,
        tableId,
        weight: req.weight ?? 1,
      };
  const k = pairKey(req.a, req.b);
  return {
    ok: true,
    meeting: after,
    slotId,
    tableId,
    state: {
      ...state,
      meetings: waiting ? state.meetings.map((x) => (x.id === after.id ? after : x)) : [...state.meetings, after],
      candidates: state.candidates.filter((c) => pairKey(c.a, c.b) !== k),
    },
    freed: [],
    changedMeetings: [{ meetingId: after.id, before: waiting ?? null, after }],
  };
}
