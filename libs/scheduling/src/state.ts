import { Model } from './model';

/**
 * A partial schedule as slot choices only. Tables are interchangeable except reserved ones
 * (fixed tables and pins), so a slot is feasible iff it holds ≤ T meetings and each reserved
 * table is claimed at most once; concrete tables are handed out at the end.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly load: Int32Array;
  readonly count: Int32Array;
  readonly slotCount: Int32Array;
  /** Meeting holding reserved table t in slot s at [t*S+s], or -1. */
  readonly reserved: Int32Array;
  /** Meetings of slot s at members[s*T .. s*T+slotCount[s]). */
  readonly members: Int32Array;
  private readonly pos: Int32Array;
  weight = 0;
  scheduled = 0;
  /** Undo log of (meeting, previous slot) pairs, so that a failed move can be rolled back. */
  private log: number[] = [];
  logging = false;
  /** With ≤ 32 slots, bit s of occupied[p] says p meets in s: holes then cost a few bit operations. */
  private readonly useMasks: boolean;
  private readonly breaksMeasure: boolean;
  private readonly occupied: Int32Array;
  private readonly availMask: Int32Array;

  constructor(readonly model: Model) {
    const { S, T, P, M } = model;
    this.slotOf = new Int32Array(M).fill(-1);
    this.load = new Int32Array(P * S);
    this.count = new Int32Array(P);
    this.slotCount = new Int32Array(S);
    this.reserved = new Int32Array(Math.max(1, T * S)).fill(-1);
    this.members = new Int32Array(Math.max(1, T * S));
    this.pos = new Int32Array(M);
    this.useMasks = S <= 32;
    this.breaksMeasure = model.idleMeasure === 'breaks';
    this.occupied = new Int32Array(P);
    this.availMask = new Int32Array(P);
    if (this.useMasks) {
      for (let p = 0; p < P; p++) {
        let mask = 0;
        for (let s = 0; s < S; s++) if (model.avail[p * S + s]) mask |= 1 << s;
        this.availMask[p] = mask;
      }
    }
  }

  canPlace(m: number, s: number): boolean {
    const md = this.model;
    const S = md.S;
    const a = md.pa[m];
    const b = md.pb[m];
    if (!md.allowed[m * S + s]) return false;
    if (this.slotCount[s] >= md.T) return false;
    if (this.load[a * S + s] >= md.parallel[a] || this.load[b * S + s] >= md.parallel[b]) return false;
    if (this.count[a] >= md.maxMeetings[a] || this.count[b] >= md.maxMeetings[b]) return false;
    const rt = md.resTable[m];
    if (rt >= 0 && this.reserved[rt * S + s] >= 0) return false;
    return rt >= -1;
  }

  place(m: number, s: number): void {
    const md = this.model;
    const S = md.S;
    const a = md.pa[m];
    const b = md.pb[m];
    this.slotOf[m] = s;
    this.load[a * S + s]++;
    this.load[b * S + s]++;
    this.occupied[a] |= 1 << s;
    this.occupied[b] |= 1 << s;
    this.count[a]++;
    this.count[b]++;
    const k = this.slotCount[s]++;
    this.members[s * md.T + k] = m;
    this.pos[m] = k;
    const rt = md.resTable[m];
    if (rt >= 0) this.reserved[rt * S + s] = m;
    this.weight += md.weight[m];
    this.scheduled++;
    if (this.logging) this.log.push(m, -1);
  }

  unplace(m: number): void {
    const md = this.model;
    const S = md.S;
    const s = this.slotOf[m];
    const a = md.pa[m];
    const b = md.pb[m];
    this.slotOf[m] = -1;
    if (--this.load[a * S + s] === 0) this.occupied[a] &= ~(1 << s);
    if (--this.load[b * S + s] === 0) this.occupied[b] &= ~(1 << s);
    this.count[a]--;
    this.count[b]--;
    const k = this.pos[m];
    const last = --this.slotCount[s];
    const moved = this.members[s * md.T + last];
    this.members[s * md.T + k] = moved;
    this.pos[moved] = k;
    const rt = md.resTable[m];
    if (rt >= 0) this.reserved[rt * S + s] = -1;
    this.weight -= md.weight[m];
    this.scheduled--;
    if (this.logging) this.log.push(m, s);
  }

  mark(): number {
    return this.log.length;
  }

  rollback(mark: number): void {
    const was = this.logging;
    this.logging = false;
    while (this.log.length > mark) {
      const prev = this.log.pop()!;
      const m = this.log.pop()!;
      if (prev < 0) this.unplace(m);
      else this.place(m, prev);
    }
    this.logging = was;
  }

  /** Forget the undo history (the moves so far are accepted). */
  commit(): void {
    this.log.length = 0;
  }

  holesOf(p: number): number {
    if (this.useMasks) {
      const occ = this.occupied[p];
      if (occ === 0) return 0;
      const first = 31 - Math.clz32(occ & -occ);
      const last = 31 - Math.clz32(occ);
      if (last - first < 2) return 0;
      // Slots strictly between first and last that are available and empty.
      const inside = last === 31 ? ~0 << (first + 1) : ((1 << last) - 1) & (~0 << (first + 1));
      return popcount(this.availMask[p] & ~occ & inside);
    }
    const S = this.model.S;
    const load = this.load;
    const avail = this.model.avail;
    const o = p * S;
    let first = -1;
    let last = -1;
    for (let s = 0; s < S; s++) {
      if (load[o + s] > 0) {
        if (first < 0) first = s;
        last = s;
      }
    }
    if (first < 0) return 0;
    let h = 0;
    for (let s = first + 1; s < last; s++) if (avail[o + s] && load[o + s] === 0) h++;
    return h;
  }

  totalHoles(): number {
    let h = 0;
    for (let p = 0; p < this.model.P; p++) h += this.holesOf(p);
    return h;
  }

  /** Waits in p's agenda: runs of consecutive slots with meetings, minus one (unavailable slots count as a wait). */
  breaksOf(p: number): number {
    if (this.useMasks) {
      const occ = this.occupied[p];
      if (occ === 0) return 0;
      // A run starts at s when s is busy and s-1 is not.
      return popcount(occ & ~(occ << 1)) - 1;
    }
    const S = this.model.S;
    const load = this.load;
    const o = p * S;
    let runs = 0;
    for (let s = 0; s < S; s++) if (load[o + s] > 0 && (s === 0 || load[o + s - 1] === 0)) runs++;
    return Math.max(0, runs - 1);
  }

  totalBreaks(): number {
    let b = 0;
    for (let p = 0; p < this.model.P; p++) b += this.breaksOf(p);
    return b;
  }

  /** The idle time of p by the instance's idleMeasure (the second objective). */
  idleOf(p: number): number {
    return this.breaksMeasure ? this.breaksOf(p) : this.holesOf(p);
  }

  totalIdle(): number {
    return this.breaksMeasure ? this.totalBreaks() : this.totalHoles();
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
