import { SCHEDULE_INSTANCE_FORMAT, ScheduleInstance, ScheduleMeeting, ScheduleParticipant } from '@rueda/formats';
import { Rng } from './rng';

export interface InstanceGeneratorOptions {
  seed: number;
  gadms: number;
  cooperants: number;
  meetings: number;
  slots: number;
  tables: number;
  /** Share of participants with some unavailable slots (default 0.2). */
  unavailableShare?: number;
  /** Share of GADMs with a maxMeetings cap (default 0.15). */
  maxMeetingsShare?: number;
  /** Share of cooperants sitting at a fixed table (default 0.1, at most a quarter of the tables). */
  fixedTableShare?: number;
  /** Number of pinned meetings (default ~0.2 % of meetings, at least 1 when possible). */
  pins?: number;
  /** Share of meetings between two GADMs or two cooperants (default 0.01). */
  sameKindShare?: number;
  /** Highest weight; weights are integers 1..maxWeight (default 5). */
  maxWeight?: number;
}

/**
 * Random instances shaped like a Jornada: a few popular cooperants draw many requests (Zipf),
 * cooperants send 1–3 delegates, some people arrive late or leave early, a few meetings were
 * announced in advance (pins). Always valid for parseScheduleInstance.
 */
export function generateInstance(o: InstanceGeneratorOptions): ScheduleInstance {
  const rng = new Rng(o.seed);
  const S = o.slots;
  const T = o.tables;
  const slots = Array.from({ length: S }, (_, i) => {
    const start = 9 * 60 + i * 20;
    const hhmm = (min: number) => `${String(Math.floor(min / 60) % 24).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    return { id: `S${String(i + 1).padStart(2, '0')}`, start: `2026-11-25T${hhmm(start)}`, end: `2026-11-25T${hhmm(start + 20)}` };
  });
  const tables = Array.from({ length: T }, (_, i) => ({ id: `T${String(i + 1).padStart(3, '0')}` }));

  const unavailableFor = (): string[] | undefined => {
    if (rng.next() >= (o.unavailableShare ?? 0.2) || S < 4) return undefined;
    const len = 1 + rng.int(Math.min(4, S - 2));
    const kind = rng.int(3);
    // Late arrival, early departure, or a mid-day commitment.
    const from = kind === 0 ? 0 : kind === 1 ? S - len : 1 + rng.int(S - len - 1);
    return Array.from({ length: len }, (_, k) => slots[from + k].id);
  };

  const participants: ScheduleParticipant[] = [];
  const gadmIds: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < o.gadms; i++) {
    let id: string;
    do id = `${String(1 + rng.int(24)).padStart(2, '0')}${String(1 + rng.int(99)).padStart(2, '0')}`;
    while (used.has(id) && used.size < 24 * 99);
    if (used.has(id)) id = `G${i}`;
    used.add(id);
    gadmIds.push(id);
    const p: ScheduleParticipant = { id, kind: 'gadm' };
    const un = unavailableFor();
    if (un) p.unavailable = un;
    if (rng.next() < (o.maxMeetingsShare ?? 0.15)) p.maxMeetings = 3 + rng.int(6);
    participants.push(p);
  }
  const coopIds: string[] = [];
  const maxFixed = Math.floor(T / 4);
  let fixed = 0;
  for (let i = 0; i < o.cooperants; i++) {
    const id = `COOP${String(i + 1).padStart(4, '0')}`;
    coopIds.push(id);
    const r = rng.next();
    const parallel = r < 0.5 ? 1 : r < 0.8 ? 2 : 3;
    const p: ScheduleParticipant = { id, kind: 'cooperant' };
    if (parallel === 1 && fixed < maxFixed && rng.next() < (o.fixedTableShare ?? 0.1) * 2) {
      p.fixedTable = tables[fixed++].id;
    } else if (parallel > 1) {
      p.parallel = parallel;
    }
    const un = unavailableFor();
    if (un) p.unavailable = un;
    participants.push(p);
  }

  // Zipf-like popularity: the first cooperants (after a shuffle) get most requests.
  const coopOrder = rng.shuffle(coopIds.slice());
  const popularity = coopOrder.map((_, k) => 1 / Math.pow(k + 1, 0.6));
  const cumulative: number[] = [];
  popularity.reduce((acc, x, k) => (cumulative[k] = acc + x), 0);
  const pickCoop = () => {
    const x = rng.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return coopOrder[lo];
  };
  const maxWeight = o.maxWeight ?? 5;
  const pairs = new Set<string>();
  const meetings: ScheduleMeeting[] = [];
  const maxPairs = o.gadms * o.cooperants + (o.gadms * (o.gadms - 1)) / 2 + (o.cooperants * (o.cooperants - 1)) / 2;
  const target = Math.min(o.meetings, maxPairs);
  for (let guard = 0; meetings.length < target && guard < target * 50; guard++) {
    let a: string;
    let b: string;
    const same = rng.next() < (o.sameKindShare ?? 0.01);
    if (same && o.gadms >= 2 && rng.next() < 0.5) {
      a = gadmIds[rng.int(o.gadms)];
      b = gadmIds[rng.int(o.gadms)];
    } else if (same && o.cooperants >= 2) {
      a = pickCoop();
      b = pickCoop();
    } else if (o.gadms > 0 && o.cooperants > 0) {
      a = gadmIds[rng.int(o.gadms)];
      b = pickCoop();
    } else continue;
    if (a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const m: ScheduleMeeting = { id: `M${String(meetings.length + 1).padStart(5, '0')}`, participants: [a, b] };
    const w = 1 + rng.int(maxWeight);
    if (w !== 1 || rng.next() < 0.5) m.weight = w;
    meetings.push(m);
  }

  addPins(rng, o.pins ?? Math.max(1, Math.round(meetings.length * 0.002)), slots, tables, participants, meetings);
  return { format: SCHEDULE_INSTANCE_FORMAT, slots, tables, participants, meetings };
}

/** Pins only where they are jointly feasible, as announced meetings would be. */
function addPins(
  rng: Rng,
  count: number,
  slots: { id: string }[],
  tables: { id: string }[],
  participants: ScheduleParticipant[],
  meetings: ScheduleMeeting[],
): void {
  if (slots.length === 0 || tables.length === 0) return;
  const byId = new Map(participants.map((p) => [p.id, p]));
  const tableSlot = new Set<string>();
  const partSlot = new Map<string, number>();
  const partPins = new Map<string, number>();
  const order = rng.shuffle(meetings.slice());
  let placed = 0;
  for (const m of order) {
    if (placed >= count) break;
    const [pa, pb] = m.participants.map((id) => byId.get(id)!);
    const fixedTables = [pa.fixedTable, pb.fixedTable].filter((t): t is string => t !== undefined);
    if (fixedTables.length === 2 && fixedTables[0] !== fixedTables[1]) continue;
    if ([pa, pb].some((p) => p.maxMeetings !== undefined && (partPins.get(p.id) ?? 0) >= p.maxMeetings)) continue;
    const slot = slots[rng.int(slots.length)].id;
    if ([pa, pb].some((p) => (p.unavailable ?? []).includes(slot))) continue;
    if ([pa, pb].some((p) => (partSlot.get(`${p.id}@${slot}`) ?? 0) >= (p.fixedTable ? 1 : (p.parallel ?? 1)))) continue;
    const table = fixedTables[0] ?? tables[rng.int(tables.length)].id;
    if (tableSlot.has(`${table}@${slot}`)) continue;
    // A pinned free table must not be some participant's fixed table (that one would be blocked).
    if (!fixedTables.length && participants.some((p) => p.fixedTable === table)) continue;
    tableSlot.add(`${table}@${slot}`);
    for (const p of [pa, pb]) {
      partSlot.set(`${p.id}@${slot}`, (partSlot.get(`${p.id}@${slot}`) ?? 0) + 1);
      partPins.set(p.id, (partPins.get(p.id) ?? 0) + 1);
    }
    m.pinned = { slot, table };
    placed++;
  }
}
