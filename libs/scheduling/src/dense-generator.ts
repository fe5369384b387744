import { SCHEDULE_INSTANCE_FORMAT, ScheduleInstance, ScheduleMeeting, ScheduleParticipant } from '@rueda/formats';
import { Rng } from './rng';

export interface DenseGeneratorOptions {
  seed: number;
  participants: number;
  /** Slots per session; the day has `sessions.length` sessions (e.g. [6, 5] = morning and afternoon). */
  sessions: number[];
  tables: number;
  /** Share of participants that are cooperants (the busy side; default 0.35). */
  cooperantShare?: number;
  /** Cooperants are busy in this share of their slots (default 0.8). */
  cooperantDensity?: number;
  /** GADMs are busy in this share of their slots (default 0.45). */
  gadmDensity?: number;
  /** Share of a participant's idle slots marked unavailable (default 0.3). */
  forbiddenShare?: number;
  /** Share of meetings pinned where the planted schedule put them (default 0.05). */
  pinnedShare?: number;
  /** Share of meetings restricted to the session of their planted slot (default 0.3). */
  windowShare?: number;
  /** Highest weight (default 1: every meeting equally wanted, as in the literature). */
  maxWeight?: number;
  idleMeasure?: 'holes' | 'breaks';
}

/**
 * Dense instances in the style of the crafted B2B instances of Bofill et al. (JAIR 74, 2022):
 * busy participants whose meetings nearly fill the day, forbidden slots, meetings fixed in
 * advance, morning-only or afternoon-only meetings. A schedule is planted first (random busy
 * slots per participant, paired slot by slot within the tables) and the instance is read off
 * it, so every meeting is placeable together: the optimum places all of them, and the question
 * is only how few idle slots (holes or breaks) it can leave.
 */
export function generateDenseInstance(o: DenseGeneratorOptions): ScheduleInstance {
  const rng = new Rng(o.seed);
  const S = o.sessions.reduce((a, b) => a + b, 0);
  const sessionOf: number[] = [];
  o.sessions.forEach((n, k) => {
    for (let i = 0; i < n; i++) sessionOf.push(k);
  });
  const slots = sessionOf.map((k, i) => {
    // Sessions start at 09:00 and 15:00 on consecutive days when there are more than two.
    const day = 25 + Math.floor(k / 2);
    const first = k % 2 === 0 ? 9 * 60 : 15 * 60;
    const index = i - sessionOf.indexOf(k);
    const start = first + index * 20;
    const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    return { id: `S${String(i + 1).padStart(2, '0')}`, start: `2026-11-${day}T${hhmm(start)}`, end: `2026-11-${day}T${hhmm(start + 20)}` };
  });
  const tables = Array.from({ length: o.tables }, (_, i) => ({ id: `T${String(i + 1).padStart(2, '0')}` }));

  const P = o.participants;
  const coops = Math.max(1, Math.round(P * (o.cooperantShare ?? 0.35)));
  const ids: string[] = [];
  const isCoop: boolean[] = [];
  for (let p = 0; p < P; p++) {
    const coop = p < coops;
    isCoop.push(coop);
    ids.push(
      coop
        ? `COOP${String(p + 1).padStart(3, '0')}`
        : `${String(1 + (p % 24)).padStart(2, '0')}${String(1 + Math.floor(p / 24)).padStart(2, '0')}`,
    );
  }
  // Planted agenda: the slots each participant wants to be busy in.
  const wants: boolean[][] = [];
  for (let p = 0; p < P; p++) {
    const d = isCoop[p] ? (o.cooperantDensity ?? 0.8) : (o.gadmDensity ?? 0.45);
    const jitter = d * (0.8 + 0.4 * rng.next());
    wants.push(Array.from({ length: S }, () => rng.next() < jitter));
  }
  const planted: { a: number; b: number; s: number; t: number }[] = [];
  const met = new Set<string>();
  const busy: boolean[][] = Array.from({ length: P }, () => new Array<boolean>(S).fill(false));
  for (let s = 0; s < S; s++) {
    const coopsHere = rng.shuffle([...Array(P).keys()].filter((p) => isCoop[p] && wants[p][s]));
    const gadmsHere = rng.shuffle([...Array(P).keys()].filter((p) => !isCoop[p] && wants[p][s]));
    let t = 0;
    // Cooperants meet GADMs first; left-over wishes pair among themselves (GADM–GADM, coop–coop).
    const pairUp = (left: number[], right: number[]) => {
      for (const a of left) {
        if (t >= o.tables || busy[a][s]) continue;
        const b = right.find((q) => q !== a && !busy[q][s] && !met.has(key(a, q)));
        if (b === undefined) continue;
        busy[a][s] = busy[b][s] = true;
        met.add(key(a, b));
        planted.push({ a, b, s, t: t++ });
      }
    };
    pairUp(coopsHere, gadmsHere);
    pairUp(gadmsHere, gadmsHere);
    pairUp(coopsHere, coopsHere);
  }

  const participants: ScheduleParticipant[] = ids.map((id, p) => {
    const part: ScheduleParticipant = { id, kind: isCoop[p] ? 'cooperant' : 'gadm' };
    const idle = [...Array(S).keys()].filter((s) => !busy[p][s]);
    const forbidden = idle.filter(() => rng.next() < (o.forbiddenShare ?? 0.3)).map((s) => slots[s].id);
    if (forbidden.length > 0) part.unavailable = forbidden;
    return part;
  });
  const maxWeight = o.maxWeight ?? 1;
  const meetings: ScheduleMeeting[] = rng.shuffle(planted).map((x, i) => {
    const m: ScheduleMeeting = { id: `M${String(i + 1).padStart(4, '0')}`, participants: [ids[x.a], ids[x.b]] };
    if (maxWeight > 1) m.weight = 1 + rng.int(maxWeight);
    const r = rng.next();
    if (r < (o.pinnedShare ?? 0.05)) m.pinned = { slot: slots[x.s].id, table: tables[x.t].id };
    else if (r < (o.pinnedShare ?? 0.05) + (o.windowShare ?? 0.3) && o.sessions.length > 1) {
      m.allowedSlots = slots.filter((_, s) => sessionOf[s] === sessionOf[x.s]).map((sl) => sl.id);
    }
    return m;
  });
  const instance: ScheduleInstance = { format: SCHEDULE_INSTANCE_FORMAT, slots, tables, participants, meetings };
  if (o.idleMeasure) instance.idleMeasure = o.idleMeasure;
  return instance;
}

function key(a: number, b: number): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
