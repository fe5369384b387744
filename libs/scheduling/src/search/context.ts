import { ScheduleBoundsResult } from '../bounds';
import { isPlaceable, Model } from '../model';
import { Rng } from '../rng';
import { ScheduleState } from '../state';
import type { SolveOptions, SolveProgress } from '../solve';

export const WEIGHT_EPS = 1e-9;

export interface RunLimits {
  started: number;
  /** performance.now() past which the search stops (Infinity: never). */
  deadline: number;
  clockEndsPhases: boolean;
  weightNodes: number;
  idleMoves: number;
  /** Relaxed optimum per meeting (from the bound); meetings it picks are placed first. */
  guide?: Float64Array;
}

/**
 * One search run's state and the helpers every phase shares (slot choice, spans, what may move).
 * The phases themselves live in construct.ts, weight-search.ts, idle-search.ts and
 * weight-branch-and-bound.ts; `solve` (../solve.ts) runs them in order.
 */
export class SearchContext {
  readonly state: ScheduleState;
  rng: Rng;
  readonly started: number;
  readonly deadline: number;
  /** Anytime mode: the clock also ends the weight and idle phases at fixed shares of the limit. */
  readonly clockEndsPhases: boolean;
  readonly weightNodes: number;
  readonly idleMoves: number;
  readonly guide?: Float64Array;
  /** Count a GADM must keep once minMeetingsPerGadm gave it to it. */
  readonly floor: Int32Array;
  readonly locked: Uint8Array;
  readonly placeable: Uint8Array;
  nodes = 0;
  chainStamp = 0;
  readonly chainMark: Int32Array;
  readonly partMark: Int32Array;
  totalNodes = 0;
  nodeLimit = 0;
  lastPercent = 0;
  lastReport = 0;
  timedOut = false;
  /** Idle time per participant and in all, kept up to date by the idle search. */
  readonly idle: Int32Array;
  totalIdle = 0;
  temperature = 0;

  constructor(
    readonly model: Model,
    readonly bounds: ScheduleBoundsResult,
    readonly options: SolveOptions,
    run: RunLimits,
  ) {
    this.state = new ScheduleState(model);
    this.rng = new Rng(options.seed ?? 1);
    this.started = run.started;
    this.deadline = run.deadline;
    this.clockEndsPhases = run.clockEndsPhases;
    this.weightNodes = run.weightNodes;
    this.idleMoves = run.idleMoves;
    this.guide = run.guide;
    this.floor = new Int32Array(model.P);
    this.locked = new Uint8Array(model.M);
    this.chainMark = new Int32Array(model.M);
    this.partMark = new Int32Array(model.P);
    this.placeable = new Uint8Array(model.M);
    for (let m = 0; m < model.M; m++) this.placeable[m] = isPlaceable(model, m) ? 1 : 0;
    this.idle = new Int32Array(model.P);
  }

  weightAtBound(): boolean {
    return this.atBound();
  }

  /** A new random stream for another round of search (anytime mode). */
  reseed(seed: number): void {
    this.rng = new Rng(seed);
    this.totalNodes = 0;
  }

  /** Whether a schedule given as slots is lexicographically better than the current one. */
  betterSlots(slotOf: Int32Array): boolean {
    const current = Int32Array.from(this.state.slotOf);
    const weight = this.state.weight;
    const idle = this.state.totalIdle();
    this.restore(slotOf);
    const better = this.state.weight > weight + WEIGHT_EPS || (this.state.weight > weight - WEIGHT_EPS && this.state.totalIdle() < idle);
    this.restore(current);
    return better;
  }

  better(other: SearchContext): boolean {
    const dw = this.state.weight - other.state.weight;
    if (Math.abs(dw) > WEIGHT_EPS) return dw > 0;
    return this.state.totalIdle() < other.state.totalIdle();
  }

  timeUp(): boolean {
    if (!this.timedOut && performance.now() > this.deadline) this.timedOut = true;
    return this.timedOut;
  }

  report(phase: SolveProgress['phase'], workPercent: number, force = false): void {
    const cb = this.options.onProgress;
    if (!cb) return;
    const now = performance.now();
    if (!force && now - this.lastReport < 200) return;
    this.lastReport = now;
    const timePercent = Number.isFinite(this.deadline) ? ((now - this.started) / (this.deadline - this.started)) * 100 : 0;
    const percent = Math.min(100, Math.max(this.lastPercent, phase === 'done' ? 100 : Math.min(99, Math.max(workPercent, timePercent))));
    this.lastPercent = percent;
    cb({
      percent: Math.round(percent),
      bestWeight: Math.round(this.state.weight * 1e9) / 1e9,
      bound: this.bounds.weightUpperBound,
      holes: phase === 'holes' || phase === 'done' ? this.totalIdle : this.state.totalIdle(),
      phase,
    });
  }

  atBound(): boolean {
    return this.state.weight >= this.bounds.weightUpperBound - WEIGHT_EPS;
  }

  // ---------------------------------------------------------------- construction

  unscheduled(): number[] {
    const out: number[] = [];
    for (let m = 0; m < this.model.M; m++) if (this.placeable[m] && this.state.slotOf[m] < 0) out.push(m);
    return out;
  }

  /** Heaviest first; among equals, the most constrained first; then a seeded shuffle. */
  byWeight(list: number[]): number[] {
    const { weight, commonSlots } = this.model;
    const key = new Map<number, number>();
    for (const m of list) key.set(m, this.rng.next());
    return list.sort((x, y) => weight[y] - weight[x] || commonSlots[x] - commonSlots[y] || key.get(x)! - key.get(y)!);
  }

  /**
   * Feasible slot that keeps both participants' agendas compact: filling a hole is best,
   * extending a block next, opening a gap worst (by how many holes it opens).
   */
  bestDirectSlot(m: number): number {
    const { model, state } = this;
    const S = model.S;
    const a = model.pa[m];
    const b = model.pb[m];
    const [fa, la] = this.span(a);
    const [fb, lb] = this.span(b);
    let best = -1;
    let bestScore = Infinity;
    for (let s = 0; s < S; s++) {
      if (!state.canPlace(m, s)) continue;
      const score = this.compactness(a, s, fa, la) + this.compactness(b, s, fb, lb) + this.rng.next() * 0.1;
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }

  span(p: number): [number, number] {
    const S = this.model.S;
    const load = this.state.load;
    let first = -1;
    let last = -1;
    for (let s = 0; s < S; s++) {
      if (load[p * S + s] > 0) {
        if (first < 0) first = s;
        last = s;
      }
    }
    return [first, last];
  }

  compactness(p: number, s: number, first: number, last: number): number {
    if (first < 0) return 0;
    const S = this.model.S;
    const load = this.state.load;
    if (load[p * S + s] > 0) return -1;
    if (s > first && s < last) return -2;
    if (s === first - 1 || s === last + 1) return -1;
    const avail = this.model.avail;
    let opened = 0;
    if (s < first) for (let k = s + 1; k < first; k++) opened += avail[p * S + k];
    else for (let k = last + 1; k < s; k++) opened += avail[p * S + k];
    return opened;
  }

  // ---------------------------------------------------------------- weight

  canDrop(e: number): boolean {
    const { model, state } = this;
    return state.count[model.pa[e]] >= this.floor[model.pa[e]] && state.count[model.pb[e]] >= this.floor[model.pb[e]];
  }

  movable(e: number): boolean {
    return e >= 0 && this.model.pinSlot[e] < 0 && !this.locked[e];
  }

  /** Weight of the lightest movable meeting of p in slot s (Infinity-like if none can move). */
  lightestWeight(p: number, s: number): number {
    const { model, state } = this;
    let best = 1e9;
    for (const e of model.meetingsOf[p]) {
      if (state.slotOf[e] === s && this.movable(e) && model.weight[e] < best) best = model.weight[e];
    }
    return best;
  }

  /** Lightest movable meeting of p (in slot s, or anywhere if s < 0); ties broken at random. */
  cheapestOf(p: number, s: number): number {
    const { model, state } = this;
    let best = -1;
    let bestKey = Infinity;
    for (const e of model.meetingsOf[p]) {
      const es = state.slotOf[e];
      if (es < 0 || (s >= 0 && es !== s) || !this.movable(e)) continue;
      const key = model.weight[e] + this.rng.next() * 0.5;
      if (key < bestKey) {
        bestKey = key;
        best = e;
      }
    }
    return best;
  }

  /** A light movable meeting of slot s, from a small random sample (slots can hold hundreds). */
  cheapSlotMember(s: number): number {
    const { model, state } = this;
    const n = state.slotCount[s];
    let best = -1;
    let bestKey = Infinity;
    const tries = Math.min(n, 8);
    for (let i = 0; i < tries; i++) {
      const e = state.members[s * model.T + this.rng.int(n)];
      if (!this.movable(e)) continue;
      const key = model.weight[e] + this.rng.next() * 0.5;
      if (key < bestKey) {
        bestKey = key;
        best = e;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- holes

  restore(slotOf: Int32Array): void {
    const { model, state } = this;
    for (let m = 0; m < model.M; m++) if (state.slotOf[m] >= 0) state.unplace(m);
    for (let m = 0; m < model.M; m++) if (slotOf[m] >= 0) state.place(m, slotOf[m]);
    this.totalIdle = 0;
    for (let p = 0; p < model.P; p++) {
      this.idle[p] = state.idleOf(p);
      this.totalIdle += this.idle[p];
    }
  }

  accept(delta: number): boolean {
    if (delta <= 0) return true;
    return this.rng.next() < Math.exp(-delta / Math.max(1e-6, this.temperature));
  }
}
