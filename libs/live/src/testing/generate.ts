import {
  Candidate,
  CandidateSource,
  LiveMeetingRecord,
  LiveParticipant,
  LiveSlot,
  LiveState,
  LiveTable,
  MINUTE_MS,
  pairKey,
} from '../model';

export interface LiveStateGeneratorOptions {
  seed: number;
  gadms: number;
  cooperants: number;
  slots: number;
  tables: number;
  /** Scheduled meetings to place (fewer when the generator runs out of room). */
  meetings: number;
  /** Accepted meetings left without a cell (each also becomes an 'unscheduled' candidate). */
  unscheduled?: number;
  candidates: number;
  slotMinutes?: number;
  /** First slot start (default 2026-11-25 09:00 in Ecuador). */
  start?: Date;
  /** Minutes after the first slot start that `now` is (default: start of the 5th slot). */
  nowOffsetMinutes?: number;
  checkedInShare?: number;
  fixedTableShare?: number;
  unavailableShare?: number;
  maxMeetingsShare?: number;
}

/** mulberry32: the same seed gives the same event in the bench, the tests and a bug report. */
function rng(seed: number) {
  let s = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  const next = () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const pad = (n: number, w = 3) => String(n).padStart(w, '0');

/**
 * A consistent live state (every invariant holds) shaped like a Jornada: GADMs with one
 * delegate, cooperants with up to three, some fixed tables, past slots held, the current one
 * checked in, most people checked in, and a candidate pool mixing the four sources.
 */
export function generateLiveState(o: LiveStateGeneratorOptions): LiveState {
  const r = rng(o.seed);
  const slotMinutes = o.slotMinutes ?? 20;
  const start = (o.start ?? new Date('2026-11-25T14:00:00Z')).getTime();
  const slots: LiveSlot[] = Array.from({ length: o.slots }, (_, i) => ({
    id: `S${pad(i + 1, 2)}`,
    startsAt: new Date(start + i * slotMinutes * MINUTE_MS),
    endsAt: new Date(start + (i + 1) * slotMinutes * MINUTE_MS),
  }));
  const tables: LiveTable[] = Array.from({ length: o.tables }, (_, i) => ({ id: `T${pad(i + 1, 2)}`, number: i + 1 }));
  const now = new Date(start + (o.nowOffsetMinutes ?? 4 * slotMinutes) * MINUTE_MS);

  const freeTables = tables.map((t) => t.id);
  const participants: LiveParticipant[] = [];
  for (let i = 0; i < o.gadms; i++) {
    participants.push({
      id: `G${pad(i + 1)}`,
      kind: 'gadm',
      parallel: 1,
      checkedIn: r.next() < (o.checkedInShare ?? 0.85),
      unavailable: [],
    });
  }
  for (let i = 0; i < o.cooperants; i++) {
    const fixed =
      freeTables.length > o.tables / 2 && r.next() < (o.fixedTableShare ?? 0.1)
        ? freeTables.splice(r.int(freeTables.length), 1)[0]
        : undefined;
    participants.push({
      id: `C${pad(i + 1)}`,
      kind: 'cooperant',
      parallel: fixed ? 1 : 1 + r.int(3),
      checkedIn: r.next() < (o.checkedInShare ?? 0.85),
      unavailable: [],
      ...(fixed ? { fixedTable: fixed } : {}),
    });
  }
  for (const p of participants) {
    if (r.next() < (o.unavailableShare ?? 0.15)) {
      const from = r.int(o.slots);
      const u = slots.slice(from, from + 1 + r.int(4)).map((s) => s.id);
      p.unavailable = r.next() < 0.5 ? u : new Set(u);
    }
  }
  const gadms = participants.filter((p) => p.kind === 'gadm');
  const coops = participants.filter((p) => p.kind === 'cooperant');
  const unavailable = (p: LiveParticipant, s: string) =>
    p.unavailable instanceof Set ? p.unavailable.has(s) : (p.unavailable as string[]).includes(s);

  const fixedTables = new Set(participants.map((p) => p.fixedTable).filter((t) => t !== undefined));
  const busy = slots.map(() => new Map<string, number>());
  const used = slots.map(() => new Set<string>());
  const pairs = new Set<string>();
  const meetings: LiveMeetingRecord[] = [];
  const nowMs = now.getTime();
  let attempts = 0;
  while (meetings.length < o.meetings && attempts++ < o.meetings * 30 && gadms.length && coops.length) {
    const g = gadms[r.int(gadms.length)];
    const c = coops[r.int(coops.length)];
    const k = pairKey(g.id, c.id);
    if (pairs.has(k)) continue;
    const first = r.int(o.slots);
    for (let d = 0; d < o.slots; d++) {
      const s = (first + d) % o.slots;
      const slot = slots[s];
      if (unavailable(g, slot.id) || unavailable(c, slot.id)) continue;
      if ((busy[s].get(g.id) ?? 0) >= g.parallel || (busy[s].get(c.id) ?? 0) >= c.parallel) continue;
      let table: string | undefined;
      if (c.fixedTable) table = used[s].has(c.fixedTable) ? undefined : c.fixedTable;
      else {
        const off = r.int(tables.length);
        for (let t = 0; t < tables.length && !table; t++) {
          const id = tables[(off + t) % tables.length].id;
          if (!used[s].has(id) && !fixedTables.has(id)) table = id;
        }
      }
      if (!table) continue;
      used[s].add(table);
      busy[s].set(g.id, (busy[s].get(g.id) ?? 0) + 1);
      busy[s].set(c.id, (busy[s].get(c.id) ?? 0) + 1);
      pairs.add(k);
      const status = slot.endsAt.getTime() <= nowMs ? 'held' : slot.startsAt.getTime() <= nowMs ? 'checked_in' : 'scheduled';
      meetings.push({
        id: `M${pad(meetings.length + 1, 4)}`,
        a: g.id,
        b: c.id,
        status,
        slotId: slot.id,
        tableId: table,
        weight: Math.round((1 + r.next() * 6) * 100) / 100,
      });
      break;
    }
  }

  const candidates: Candidate[] = [];
  for (let i = 0; i < (o.unscheduled ?? Math.round(o.meetings / 20)) && gadms.length && coops.length; i++) {
    const g = gadms[r.int(gadms.length)];
    const c = coops[r.int(coops.length)];
    const k = pairKey(g.id, c.id);
    if (pairs.has(k)) continue;
    pairs.add(k);
    const id = `U${pad(i + 1, 4)}`;
    const weight = Math.round((1 + r.next() * 6) * 100) / 100;
    meetings.push({ id, a: g.id, b: c.id, status: 'accepted', slotId: null, tableId: null, weight });
    candidates.push({ a: g.id, b: c.id, source: 'unscheduled', score: weight, meetingId: id });
  }
  const sources: CandidateSource[] = ['waitlist', 'mutual', 'match', 'match'];
  while (candidates.length < o.candidates && gadms.length && coops.length) {
    const g = gadms[r.int(gadms.length)];
    const c = coops[r.int(coops.length)];
    candidates.push({ a: g.id, b: c.id, source: sources[r.int(sources.length)], score: Math.round(r.next() * 1000) / 1000 });
  }

  const placed = new Map<string, number>();
  for (const m of meetings) {
    if (m.slotId === null) continue;
    placed.set(m.a, (placed.get(m.a) ?? 0) + 1);
    placed.set(m.b, (placed.get(m.b) ?? 0) + 1);
  }
  for (const p of participants) {
    if (r.next() < (o.maxMeetingsShare ?? 0.1)) p.maxMeetings = (placed.get(p.id) ?? 0) + r.int(3);
  }
  return { now, slots, tables, participants, meetings, candidates, timeZone: 'America/Guayaquil' };
}
