import type { IdleMeasure, ScheduleInstance } from '@rueda/formats';

export const NO_LIMIT = 1 << 30;
/** resTable value of a meeting whose two participants have different fixed tables. */
export const TABLE_CLASH = -2;

/**
 * Index-based view of an instance: the search touches these arrays millions of times, so ids
 * become small integers and per-(participant, slot) facts live in flat typed arrays.
 */
export interface Model {
  instance: ScheduleInstance;
  S: number;
  T: number;
  P: number;
  M: number;
  slotIds: string[];
  tableIds: string[];
  participantIds: string[];
  meetingIds: string[];
  pa: Int32Array;
  pb: Int32Array;
  weight: Float64Array;
  /** avail[p*S+s] = 1 when participant p may meet in slot s. */
  avail: Uint8Array;
  parallel: Int32Array;
  maxMeetings: Int32Array;
  fixedTable: Int32Array;
  /** Table a meeting must use (fixed table of a participant or its pin), -1 if any, TABLE_CLASH if none can. */
  resTable: Int32Array;
  pinSlot: Int32Array;
  /** allowed[m*S+s] = 1 when meeting m may sit in slot s: both participants free, inside its window, at its pin. */
  allowed: Uint8Array;
  /** Number of slots meeting m may sit in (see `allowed`). */
  commonSlots: Int32Array;
  idleMeasure: IdleMeasure;
  meetingsOf: Int32Array[];
  isGadm: Uint8Array;
}

/** GADMs are recognised by `kind`, else by their 4-digit INEC code. */
export function isGadmParticipant(p: { id: string; kind?: string }): boolean {
  if (p.kind !== undefined) return p.kind.toLowerCase() === 'gadm';
  return /^\d{4}$/.test(p.id);
}

/** Expects an instance that passed parseScheduleInstance (ids resolve, pins are consistent). */
export function buildModel(instance: ScheduleInstance): Model {
  const S = instance.slots.length;
  const T = instance.tables.length;
  const P = instance.participants.length;
  const M = instance.meetings.length;
  const slotIdx = new Map(instance.slots.map((s, i) => [s.id, i]));
  const tableIdx = new Map(instance.tables.map((t, i) => [t.id, i]));
  const partIdx = new Map(instance.participants.map((p, i) => [p.id, i]));

  const avail = new Uint8Array(P * S).fill(1);
  const parallel = new Int32Array(P);
  const maxMeetings = new Int32Array(P);
  const fixedTable = new Int32Array(P).fill(-1);
  const isGadm = new Uint8Array(P);
  instance.participants.forEach((p, i) => {
    for (const s of p.unavailable ?? []) {
      const k = slotIdx.get(s);
      if (k !== undefined) avail[i * S + k] = 0;
    }
    fixedTable[i] = p.fixedTable !== undefined ? (tableIdx.get(p.fixedTable) ?? -1) : -1;
    parallel[i] = fixedTable[i] >= 0 ? 1 : (p.parallel ?? 1);
    maxMeetings[i] = p.maxMeetings ?? NO_LIMIT;
    isGadm[i] = isGadmParticipant(p) ? 1 : 0;
  });

  const pa = new Int32Array(M);
  const pb = new Int32Array(M);
  const weight = new Float64Array(M);
  const resTable = new Int32Array(M).fill(-1);
  const pinSlot = new Int32Array(M).fill(-1);
  const commonSlots = new Int32Array(M);
  const allowed = new Uint8Array(M * S);
  const lists: number[][] = Array.from({ length: P }, () => []);
  instance.meetings.forEach((m, i) => {
    const a = partIdx.get(m.participants[0])!;
    const b = partIdx.get(m.participants[1])!;
    pa[i] = a;
    pb[i] = b;
    weight[i] = m.weight ?? 1;
    lists[a].push(i);
    if (b !== a) lists[b].push(i);
    const fa = fixedTable[a];
    const fb = fixedTable[b];
    if (fa >= 0 && fb >= 0 && fa !== fb) resTable[i] = TABLE_CLASH;
    else resTable[i] = fa >= 0 ? fa : fb;
    if (m.pinned) {
      pinSlot[i] = slotIdx.get(m.pinned.slot)!;
      resTable[i] = tableIdx.get(m.pinned.table)!;
    }
    const window = m.allowedSlots ? new Set(m.allowedSlots.map((id) => slotIdx.get(id))) : undefined;
    let c = 0;
    for (let s = 0; s < S; s++) {
      if (!avail[a * S + s] || !avail[b * S + s] || (window && !window.has(s)) || (pinSlot[i] >= 0 && pinSlot[i] !== s)) continue;
      allowed[i * S + s] = 1;
      c++;
    }
    commonSlots[i] = c;
  });

  return {
    instance,
    S,
    T,
    P,
    M,
    slotIds: instance.slots.map((s) => s.id),
    tableIds: instance.tables.map((t) => t.id),
    participantIds: instance.participants.map((p) => p.id),
    meetingIds: instance.meetings.map((m) => m.id),
    pa,
    pb,
    weight,
    avail,
    parallel,
    maxMeetings,
    fixedTable,
    resTable,
    pinSlot,
    allowed,
    commonSlots,
    idleMeasure: instance.idleMeasure ?? 'holes',
    meetingsOf: lists.map((l) => Int32Array.from(l)),
    isGadm,
  };
}

/** Meetings that no schedule can hold (no common slot, clashing fixed tables, zero table). */
export function isPlaceable(model: Model, m: number): boolean {
  return model.T > 0 && model.resTable[m] !== TABLE_CLASH && model.commonSlots[m] > 0;
}
