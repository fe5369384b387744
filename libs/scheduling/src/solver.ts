import { FormatError, Schedule, ScheduleInstance, validateScheduleInstance } from '@rueda/formats';
import { computeBoundsWithGuide, ScheduleBoundsResult } from './bounds';
import { buildModel, isPlaceable, Model } from './model';
import { buildSchedule } from './output';
import { Rng } from './rng';
import { ScheduleState } from './state';

export interface SolveProgress {
  /** 0–100, monotone. */
  percent: number;
  bestWeight: number;
  /** Proven upper bound on the weight. */
  bound: number;
  holes: number;
  phase: 'construct' | 'weight' | 'holes' | 'done';
}

export interface SolveOptions {
  /** Same seed, same instance and a search that ends before the time limit → same schedule. */
  seed?: number;
  /** Wall-clock cap (default 30 s). The search stops earlier when its work budget is spent. */
  timeLimitMs?: number;
  /** Every GADM that asked for meetings gets at least this many when the instance allows it. */
  minMeetingsPerGadm?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** 'sweep' (default) fills slots in time order for compact agendas; 'greedy' places by weight. */
  construction?: 'sweep' | 'greedy';
  /** Multiplies the work budgets (default 1); the budgets, not the clock, make runs reproducible. */
  effort?: number;
}

/**
 * Builds a schedule for a rueda.schedule-instance/1: weight first (place the meeting set chosen
 * by the bound's relaxation, repair with Kempe and ejection chains), holes second (annealing
 * over weight-neutral moves). Anytime: returns the best schedule found when the time limit is
 * hit. Throws FormatError if the instance breaks the format's rules.
 */
export function solve(instance: ScheduleInstance, options: SolveOptions = {}): Schedule {
  const started = performance.now();
  const issues = validateScheduleInstance(instance);
  if (issues.length > 0) throw new FormatError(issues);
  const model = buildModel(instance);
  const bounds = computeBoundsWithGuide(model);
  let best = new Solver(model, bounds, options, started, bounds.guide);
  best.run();
  // Small instances are cheap to re-solve: restarts from other seeds close most remaining gaps
  // (a fixed count, so the result does not depend on machine speed).
  if (model.M <= SMALL_INSTANCE_MEETINGS) {
    const seed = options.seed ?? 1;
    for (let k = 1; k <= SMALL_INSTANCE_RESTARTS && !best.weightAtBound(); k++) {
      if (performance.now() - started > (options.timeLimitMs ?? 30_000) * 0.9) break;
      const other = new Solver(
        model,
        bounds,
        { ...options, seed: seed + 7919 * k, onProgress: undefined, effort: 0.1 * (options.effort ?? 1) },
        started,
        bounds.guide,
      );
      other.run();
      if (other.better(best)) best = other;
    }
  }
  if (model.M <= EXACT_SEARCH_MEETINGS && !best.weightAtBound()) best.exactSearch(EXACT_SEARCH_NODES);
  const solver = best;
  return buildSchedule(model, solver.state, {
    seconds: (performance.now() - started) / 1000,
    weightUpperBound: bounds.weightUpperBound,
    holesLowerBound: bounds.holesLowerBound,
  });
}

const WEIGHT_EPS = 1e-9;
// Below these sizes a restart costs milliseconds and branch and bound stays tractable, so
// small instances get the exact optimum weight (checked against a MIP in exact.spec.ts).
const SMALL_INSTANCE_MEETINGS = 200;
const SMALL_INSTANCE_RESTARTS = 20;
const EXACT_SEARCH_MEETINGS = 90;
const EXACT_SEARCH_NODES = 3_000_000;
// Move mix of the holes search (cumulative thresholds on one random draw), tuned on Jornada-size
// instances: targeted hole repairs dominate; whole-slot moves are rarely feasible but cheap
// escapes; random moves keep the walk from cycling.
const SLOT_SWAP_SHARE = 0.005;
const SLOT_ROTATE_SHARE = 0.01;
const MIX_RANDOM = 0.1;
const MIX_SWAPIN = 0.25;

/** One search run (internal: `solve` may run several and keep the best). */
export class Solver {
  readonly state: ScheduleState;
  private readonly rng: Rng;
  private readonly deadline: number;
  private readonly timeLimitMs: number;
  private readonly effort: number;
  /** Count a GADM must keep once minMeetingsPerGadm gave it to it. */
  private readonly floor: Int32Array;
  private readonly locked: Uint8Array;
  private readonly placeable: Uint8Array;
  private nodes = 0;
  private chainStamp = 0;
  private readonly chainMark: Int32Array;
  private readonly partMark: Int32Array;
  private totalNodes = 0;
  private nodeLimit = 0;
  private lastPercent = 0;
  private lastReport = 0;
  private timedOut = false;
  private holes: Int32Array;
  private totalHoles = 0;

  constructor(
    readonly model: Model,
    readonly bounds: ScheduleBoundsResult,
    readonly options: SolveOptions,
    private readonly started: number,
    /** Relaxed optimum per meeting (from the bound); meetings it picks are placed first. */
    private readonly guide?: Float64Array,
  ) {
    this.state = new ScheduleState(model);
    this.rng = new Rng(options.seed ?? 1);
    this.timeLimitMs = options.timeLimitMs ?? 30_000;
    this.deadline = started + this.timeLimitMs;
    this.effort = options.effort ?? 1;
    this.floor = new Int32Array(model.P);
    this.locked = new Uint8Array(model.M);
    this.chainMark = new Int32Array(model.M);
    this.partMark = new Int32Array(model.P);
    this.placeable = new Uint8Array(model.M);
    for (let m = 0; m < model.M; m++) this.placeable[m] = isPlaceable(model, m) ? 1 : 0;
    this.holes = new Int32Array(model.P);
  }

  run(): void {
    this.construct();
    this.report('construct', 10, true);
    this.improveWeight();
    this.report('weight', 50, true);
    this.improveHoles();
    this.report('done', 100, true);
  }

  /**
   * Branch and bound over meetings (heaviest first: place in some slot, or skip), pruned by
   * min(top weights that fit the free tables, half the sum of each participant's best
   * remaining meetings within its free capacity). Used for small instances whose schedule
   * has not met the relaxation bound, to prove or reach the optimum; stops at nodeLimit.
   * Returns true when the search completed (the weight is then optimal).
   */
  exactSearch(nodeLimit: number): boolean {
    const { model } = this;
    const { S, T, P, M, weight, pa, pb, avail, parallel, maxMeetings } = model;
    const st = new ScheduleState(model);
    for (let m = 0; m < M; m++) if (model.pinSlot[m] >= 0) st.place(m, model.pinSlot[m]);
    const list: number[] = [];
    for (let m = 0; m < M; m++) if (model.pinSlot[m] < 0 && this.placeable[m]) list.push(m);
    list.sort((x, y) => weight[y] - weight[x] || x - y);
    const n = list.length;
    let bestW = this.state.weight;
    let bestSlots: Int32Array | null = null;
    let nodes = 0;
    const capLeft = new Float64Array(P);
    const perP: number[][] = Array.from({ length: P }, () => []);
    const floor = this.floor;
    const floorsHold = () => {
      for (let p = 0; p < P; p++) if (st.count[p] < floor[p]) return false;
      return true;
    };
    const feasibleNow = (m: number) => {
      for (let s = 0; s < S; s++) if (st.canPlace(m, s)) return true;
      return false;
    };
    const optimistic = (i: number): number => {
      let free = 0;
      for (let s = 0; s < S; s++) free += T - st.slotCount[s];
      for (let p = 0; p < P; p++) {
        let c = 0;
        for (let s = 0; s < S; s++) if (avail[p * S + s]) c += parallel[p] - st.load[p * S + s];
        capLeft[p] = Math.min(c, maxMeetings[p] - st.count[p]);
        perP[p].length = 0;
      }
      let byTables = 0;
      let taken = 0;
      for (let k = i; k < n; k++) {
        const m = list[k];
        if (!feasibleNow(m)) continue;
        if (taken < free) {
          byTables += weight[m];
          taken++;
        }
        perP[pa[m]].push(weight[m]);
        perP[pb[m]].push(weight[m]);
      }
      let byParticipants = 0;
      for (let p = 0; p < P; p++) {
        const ws = perP[p];
        const c = Math.min(ws.length, capLeft[p]);
        for (let k = 0; k < c; k++) byParticipants += ws[k];
      }
      return Math.min(byTables, byParticipants / 2);
    };
    const dfs = (i: number): void => {
      if (nodes++ > nodeLimit) return;
      if ((nodes & 1023) === 0 && this.timeUp()) nodes = nodeLimit + 1;
      if (st.weight > bestW + WEIGHT_EPS && floorsHold()) {
        bestW = st.weight;
        bestSlots = Int32Array.from(st.slotOf);
      }
      if (i >= n || bestW >= this.bounds.weightUpperBound - WEIGHT_EPS) return;
      if (st.weight + optimistic(i) <= bestW + WEIGHT_EPS) return;
      const m = list[i];
      for (let s = 0; s < S; s++) {
        if (!st.canPlace(m, s)) continue;
        st.place(m, s);
        dfs(i + 1);
        st.unplace(m);
        if (nodes > nodeLimit) return;
      }
      dfs(i + 1);
    };
    dfs(0);
    if (bestSlots) {
      this.restore(bestSlots);
      this.improveHoles();
    }
    return nodes <= nodeLimit;
  }

  weightAtBound(): boolean {
    return this.atBound();
  }

  better(other: Solver): boolean {
    const dw = this.state.weight - other.state.weight;
    if (Math.abs(dw) > WEIGHT_EPS) return dw > 0;
    return this.state.totalHoles() < other.state.totalHoles();
  }

  private timeUp(): boolean {
    if (!this.timedOut && performance.now() > this.deadline) this.timedOut = true;
    return this.timedOut;
  }

  private report(phase: SolveProgress['phase'], workPercent: number, force = false): void {
    const cb = this.options.onProgress;
    if (!cb) return;
    const now = performance.now();
    if (!force && now - this.lastReport < 200) return;
    this.lastReport = now;
    const timePercent = ((now - this.started) / this.timeLimitMs) * 100;
    const percent = Math.min(100, Math.max(this.lastPercent, phase === 'done' ? 100 : Math.min(99, Math.max(workPercent, timePercent))));
    this.lastPercent = percent;
    cb({
      percent: Math.round(percent),
      bestWeight: Math.round(this.state.weight * 1e9) / 1e9,
      bound: this.bounds.weightUpperBound,
      holes: phase === 'holes' || phase === 'done' ? this.totalHoles : this.state.totalHoles(),
      phase,
    });
  }

  private atBound(): boolean {
    return this.state.weight >= this.bounds.weightUpperBound - WEIGHT_EPS;
  }

  // ---------------------------------------------------------------- construction

  private construct(): void {
    const { model, state } = this;
    for (let m = 0; m < model.M; m++) if (model.pinSlot[m] >= 0) state.place(m, model.pinSlot[m]);

    const minPer = Math.max(0, Math.floor(this.options.minMeetingsPerGadm ?? 0));
    if (minPer > 0) this.guaranteeMinimum(minPer);

    // The relaxation already chose a near-optimal set of meetings ignoring slots; place that set
    // first (repairing slot clashes with Kempe chains), then fill with the rest by weight.
    const guide = this.guide;
    const all = this.byWeight(this.unscheduled());
    const first = guide ? all.filter((m) => guide[m] > 0.99) : all;
    const rest = guide ? all.filter((m) => guide[m] <= 0.99) : [];
    if (this.options.construction !== 'greedy') this.sweep(first);
    state.logging = true;
    for (const list of [first, rest]) {
      for (const m of list) {
        if (state.slotOf[m] >= 0) continue;
        const s = this.bestDirectSlot(m);
        if (s >= 0) state.place(m, s);
        else if (list === first) this.kempeInsert(m, 6);
        state.commit();
      }
    }
    state.logging = false;
  }

  /**
   * Fills slots in time order so that agendas come out compact: a participant that has started
   * and still has meetings left is kept busy in the next slot (a gap now would be a hole), and
   * participants whose remaining meetings need most of their remaining time go first.
   */
  private sweep(list: number[]): void {
    const { model, state } = this;
    const { S, P } = model;
    const remaining = new Int32Array(P);
    for (const m of list) {
      remaining[model.pa[m]]++;
      remaining[model.pb[m]]++;
    }
    const availLeft = new Int32Array(P * (S + 1));
    for (let p = 0; p < P; p++) {
      for (let s = S - 1; s >= 0; s--) availLeft[p * (S + 1) + s] = availLeft[p * (S + 1) + s + 1] + model.avail[p * S + s];
    }
    const started = new Uint8Array(P);
    let pending = list.filter((m) => state.slotOf[m] < 0);
    const score = new Float64Array(model.M);
    for (let s = 0; s < S; s++) {
      const cand: number[] = [];
      for (const m of pending) {
        const a = model.pa[m];
        const b = model.pb[m];
        if (!model.avail[a * S + s] || !model.avail[b * S + s]) continue;
        let sc = model.weight[m] * 0.01 + this.rng.next() * 0.01;
        for (const p of a === b ? [a] : [a, b]) {
          const left = availLeft[p * (S + 1) + s] * model.parallel[p];
          // Keeping cooperants (many meetings) continuous matters most: GADM agendas are short
          // and the hole search fixes them easily.
          if (started[p] && remaining[p] > 0) sc += model.isGadm[p] ? 1 : 10;
          sc += left > 0 ? (3 * remaining[p]) / left : 3;
        }
        score[m] = sc;
        cand.push(m);
      }
      cand.sort((x, y) => score[y] - score[x]);
      for (const m of cand) {
        if (state.slotCount[s] >= model.T) break;
        if (!state.canPlace(m, s)) continue;
        state.place(m, s);
        remaining[model.pa[m]]--;
        remaining[model.pb[m]]--;
      }
      for (let p = 0; p < P; p++) if (state.load[p * S + s] > 0) started[p] = 1;
      pending = pending.filter((m) => state.slotOf[m] < 0);
    }
  }

  /**
   * Round r gives every GADM still below r its best placeable meeting, GADMs with fewest
   * options first, before the weight-ordered fill can take their partners' time.
   */
  private guaranteeMinimum(minPer: number): void {
    const { model, state } = this;
    const gadms: number[] = [];
    for (let p = 0; p < model.P; p++) {
      if (model.isGadm[p] && model.meetingsOf[p].some((m) => this.placeable[m])) gadms.push(p);
    }
    state.logging = true;
    for (let r = 1; r <= minPer; r++) {
      const order = this.rng.shuffle(gadms.slice());
      const options = new Map(order.map((g) => [g, model.meetingsOf[g].filter((m) => this.placeable[m]).length]));
      order.sort((x, y) => state.count[x] - state.count[y] || options.get(x)! - options.get(y)!);
      for (const g of order) {
        if (state.count[g] >= r) continue;
        const candidates = this.byWeight(Array.from(model.meetingsOf[g]).filter((m) => this.placeable[m] && state.slotOf[m] < 0));
        for (const m of candidates) {
          const s = this.bestDirectSlot(m);
          if (s >= 0) {
            state.place(m, s);
            break;
          }
          this.nodes = 0;
          this.nodeLimit = 200;
          if (this.attemptPlace(m, 2, Infinity) >= 0) break;
        }
        this.floor[g] = Math.min(r, state.count[g]);
        state.commit();
      }
    }
    state.logging = false;
    state.commit();
  }

  private unscheduled(): number[] {
    const out: number[] = [];
    for (let m = 0; m < this.model.M; m++) if (this.placeable[m] && this.state.slotOf[m] < 0) out.push(m);
    return out;
  }

  /** Heaviest first; among equals, the most constrained first; then a seeded shuffle. */
  private byWeight(list: number[]): number[] {
    const { weight, commonSlots } = this.model;
    const key = new Map<number, number>();
    for (const m of list) key.set(m, this.rng.next());
    return list.sort((x, y) => weight[y] - weight[x] || commonSlots[x] - commonSlots[y] || key.get(x)! - key.get(y)!);
  }

  /**
   * Feasible slot that keeps both participants' agendas compact: filling a hole is best,
   * extending a block next, opening a gap worst (by how many holes it opens).
   */
  private bestDirectSlot(m: number): number {
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

  private span(p: number): [number, number] {
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

  private compactness(p: number, s: number, first: number, last: number): number {
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

  /**
   * Ejection chains: an unscheduled meeting takes a slot by pushing out what blocks it (a
   * participant's meeting, the cheapest meeting when tables are full, or a meeting that
   * reserved the same table); pushed meetings try to move elsewhere, recursively, or are dropped.
   * A chain is kept only if it gains weight.
   */
  private improveWeight(): void {
    const { model, state } = this;
    if (this.atBound()) return;
    state.logging = true;
    let depth = 1;
    const maxDepth = 3;
    const maxPasses = Math.max(2, Math.round(12 * this.effort));
    // Work budget (not the clock) bounds this phase so that results are reproducible; the
    // clock only cuts it short on slow machines.
    const nodeBudget = Math.round(60 * model.M * this.effort) + 10_000;
    const phaseDeadline = this.started + 0.3 * this.timeLimitMs;
    let outOfBudget = false;
    for (let pass = 0; pass < maxPasses && depth <= maxDepth && !outOfBudget; pass++) {
      let improved = 0;
      const list = this.byWeight(this.unscheduled());
      for (let i = 0; i < list.length; i++) {
        const m = list[i];
        if (this.totalNodes > nodeBudget) {
          outOfBudget = true;
          break;
        }
        if ((i & 63) === 0) {
          if (this.timeUp() || performance.now() > phaseDeadline) {
            outOfBudget = true;
            break;
          }
          this.report('weight', 10 + (40 * (pass + i / list.length)) / maxPasses);
        }
        if (state.slotOf[m] >= 0) continue;
        if (this.atBound()) break;
        this.nodes = 0;
        this.nodeLimit = 40 * depth * depth;
        const before = state.weight;
        const loss = this.attemptPlace(m, depth, model.weight[m]);
        this.totalNodes += this.nodes;
        if (loss >= 0 && state.weight > before + WEIGHT_EPS) improved++;
        state.commit();
      }
      if (this.timedOut || this.atBound()) break;
      if (improved === 0) depth++;
    }
    state.logging = false;
    state.commit();
  }

  /**
   * Places m (unscheduled) possibly displacing others; returns the weight dropped on the way
   * (always < allowedLoss) or -1, in which case the state is as before.
   */
  private attemptPlace(m: number, depth: number, allowedLoss: number): number {
    const { model, state } = this;
    this.nodes++;
    const direct = this.bestDirectSlot(m);
    if (direct >= 0) {
      state.place(m, direct);
      return 0;
    }
    if (this.kempeInsert(m, depth === 0 ? 2 : 4)) return 0;
    if (depth === 0 || this.nodes > this.nodeLimit) return -1;
    const S = model.S;
    const a = model.pa[m];
    const b = model.pb[m];
    // Cheapest-looking slots first: the weight of what would have to leave is a good predictor.
    const slots: number[] = [];
    const cost = new Map<number, number>();
    for (let s = 0; s < S; s++) {
      if (!model.avail[a * S + s] || !model.avail[b * S + s]) continue;
      if (model.pinSlot[m] >= 0 && model.pinSlot[m] !== s) continue;
      let c = this.rng.next() * 0.5;
      if (state.load[a * S + s] >= model.parallel[a]) c += this.lightestWeight(a, s);
      if (b !== a && state.load[b * S + s] >= model.parallel[b]) c += this.lightestWeight(b, s);
      if (c >= allowedLoss + 1e6) continue;
      slots.push(s);
      cost.set(s, c);
    }
    slots.sort((x, y) => cost.get(x)! - cost.get(y)!);
    this.locked[m] = 1;
    for (const s of slots) {
      if (this.nodes > this.nodeLimit) break;
      const mark = state.mark();
      const room = this.makeRoom(m, s, allowedLoss);
      if (!room) {
        state.rollback(mark);
        continue;
      }
      state.place(m, s);
      let loss = room.dropped;
      let ok = true;
      room.relocate.sort((x, y) => model.weight[y] - model.weight[x]);
      for (const e of room.relocate) {
        const remaining = allowedLoss - loss;
        const r = this.attemptPlace(e, depth - 1, Math.min(model.weight[e], remaining));
        if (r >= 0) loss += r;
        else if (this.canDrop(e)) loss += model.weight[e];
        else ok = false;
        if (!ok || loss >= allowedLoss - WEIGHT_EPS) {
          ok = false;
          break;
        }
      }
      if (ok) {
        this.locked[m] = 0;
        return loss;
      }
      state.rollback(mark);
    }
    this.locked[m] = 0;
    return -1;
  }

  private canDrop(e: number): boolean {
    const { model, state } = this;
    return state.count[model.pa[e]] >= this.floor[model.pa[e]] && state.count[model.pb[e]] >= this.floor[model.pb[e]];
  }

  private movable(e: number): boolean {
    return e >= 0 && this.model.pinSlot[e] < 0 && !this.locked[e];
  }

  /** Removes what stops m from entering s; null if something immovable is in the way. */
  private makeRoom(m: number, s: number, allowedLoss: number): { relocate: number[]; dropped: number } | null {
    const { model, state } = this;
    const S = model.S;
    const a = model.pa[m];
    const b = model.pb[m];
    const relocate: number[] = [];
    let dropped = 0;
    for (let guard = 0; guard < 6; guard++) {
      if (state.canPlace(m, s)) return { relocate, dropped };
      let victim: number;
      let drop = false;
      const rt = model.resTable[m];
      if (rt >= 0 && state.reserved[rt * S + s] >= 0) victim = state.reserved[rt * S + s];
      else if (state.load[a * S + s] >= model.parallel[a]) victim = this.cheapestOf(a, s);
      else if (state.load[b * S + s] >= model.parallel[b]) victim = this.cheapestOf(b, s);
      else if (state.count[a] >= model.maxMeetings[a]) {
        victim = this.cheapestOf(a, -1);
        drop = true;
      } else if (state.count[b] >= model.maxMeetings[b]) {
        victim = this.cheapestOf(b, -1);
        drop = true;
      } else if (state.slotCount[s] >= model.T) victim = this.cheapSlotMember(s);
      else return null;
      if (!this.movable(victim)) return null;
      state.unplace(victim);
      if (drop) {
        if (!this.canDrop(victim)) return null;
        dropped += model.weight[victim];
        if (dropped >= allowedLoss - WEIGHT_EPS) return null;
      } else {
        relocate.push(victim);
      }
    }
    return null;
  }

  /**
   * Kempe-style insertion: m fits in slot α except that one participant x is busy there. Move
   * x's meeting from α to a slot β where x is free; whoever that overloads in β sends one of
   * its β meetings to α, and so on. The chain alternates α/β and keeps every count, so it
   * gains w(m) without dropping anything (in the bipartite case without unavailability it
   * always terminates successfully, as in König's edge-colouring proof).
   */
  private kempeInsert(m: number, tries: number): boolean {
    const { model, state } = this;
    const S = model.S;
    const a = model.pa[m];
    const b = model.pb[m];
    const alphas: number[] = [];
    for (let s = 0; s < S; s++) {
      if (!model.avail[a * S + s] || !model.avail[b * S + s]) continue;
      const busyA = state.load[a * S + s] >= model.parallel[a];
      const busyB = state.load[b * S + s] >= model.parallel[b];
      if (busyA !== busyB) alphas.push(s);
    }
    if (alphas.length === 0) return false;
    for (let t = 0; t < tries; t++) {
      this.nodes++;
      const alpha = alphas[this.rng.int(alphas.length)];
      const x = state.load[a * S + alpha] >= model.parallel[a] ? a : b;
      const betas: number[] = [];
      for (let s = 0; s < S; s++) if (s !== alpha && model.avail[x * S + s] && state.load[x * S + s] < model.parallel[x]) betas.push(s);
      if (betas.length === 0) return false;
      const beta = betas[this.rng.int(betas.length)];
      const mark = state.mark();
      if (this.kempeChain(m, alpha, beta, x)) return true;
      state.rollback(mark);
    }
    return false;
  }

  private kempeChain(m: number, alpha: number, beta: number, x: number): boolean {
    const { model, state } = this;
    const S = model.S;
    const stamp = ++this.chainStamp;
    let pending = m;
    let target = alpha;
    let other = beta;
    let q = x;
    for (let step = 0; step < 2 * model.P + 4; step++) {
      const f = this.chainPick(q, target, other, stamp);
      if (f < 0) return false;
      state.unplace(f);
      if (!state.canPlace(pending, target)) return false;
      state.place(pending, target);
      this.chainMark[pending] = stamp;
      pending = f;
      const t = target;
      target = other;
      other = t;
      if (state.canPlace(pending, target)) {
        state.place(pending, target);
        return true;
      }
      const qa = model.pa[pending];
      const qb = model.pb[pending];
      const busyA = state.load[qa * S + target] >= model.parallel[qa];
      const busyB = state.load[qb * S + target] >= model.parallel[qb];
      if (busyA === busyB) return false;
      q = busyA ? qa : qb;
    }
    return false;
  }

  /** A meeting of q in slot `from` that may move to `to`; prefers one that ends the chain there. */
  private chainPick(q: number, from: number, to: number, stamp: number): number {
    const { model, state } = this;
    const S = model.S;
    let fallback = -1;
    let seen = 0;
    for (const e of model.meetingsOf[q]) {
      if (state.slotOf[e] !== from || this.chainMark[e] === stamp || !this.movable(e)) continue;
      const r = q === model.pa[e] ? model.pb[e] : model.pa[e];
      if (!model.avail[r * S + to]) continue;
      const rt = model.resTable[e];
      if (rt >= 0 && state.reserved[rt * S + to] >= 0) continue;
      if (state.load[r * S + to] < model.parallel[r]) return e;
      seen++;
      if (this.rng.int(seen) === 0) fallback = e;
    }
    return fallback;
  }

  /** Weight of the lightest movable meeting of p in slot s (Infinity-like if none can move). */
  private lightestWeight(p: number, s: number): number {
    const { model, state } = this;
    let best = 1e9;
    for (const e of model.meetingsOf[p]) {
      if (state.slotOf[e] === s && this.movable(e) && model.weight[e] < best) best = model.weight[e];
    }
    return best;
  }

  /** Lightest movable meeting of p (in slot s, or anywhere if s < 0); ties broken at random. */
  private cheapestOf(p: number, s: number): number {
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
  private cheapSlotMember(s: number): number {
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

  /**
   * Weight-neutral simulated annealing on holes. Moves: put a meeting of a participant with
   * holes into one of its holes (or any meeting into any slot), resolving clashes with a
   * two-slot Kempe chain, so counts per slot and per participant never change. The best
   * schedule seen is restored at the end.
   */
  private improveHoles(): void {
    const { model, state } = this;
    const P = model.P;
    let total = 0;
    for (let p = 0; p < P; p++) {
      this.holes[p] = state.holesOf(p);
      total += this.holes[p];
    }
    this.totalHoles = total;
    const budget = Math.round(400 * model.M * this.effort) + 2000;
    let bestHoles = total;
    let bestWeight = state.weight;
    let best = Int32Array.from(state.slotOf);
    let lastBestAt = 0;
    // Temperatures in holes: early on a move costing 3 holes passes one time in e; at the end
    // practically only non-worsening moves do.
    const t0 = 3;
    const t1 = 0.1;
    state.logging = true;
    let holey: number[] = [];
    // Leave a little time to write the answer out.
    const phaseStart = performance.now();
    const phaseEnd = this.started + 0.93 * this.timeLimitMs;
    let timeFraction = 0;
    for (let it = 0; it < budget; it++) {
      if ((it & 255) === 0) {
        const now = performance.now();
        if (this.timeUp() || now > phaseEnd) break;
        // When the clock, not the budget, will end the phase, cool on the clock's schedule so
        // the search still ends cold. A run that finishes its budget in time never gets here
        // ahead of its iteration count, so it stays reproducible.
        timeFraction = phaseEnd > phaseStart ? (now - phaseStart) / (phaseEnd - phaseStart) : 1;
        this.report('holes', 50 + (50 * it) / budget);
      }
      if (bestHoles <= this.bounds.holesLowerBound) break;
      // Long without a new best: the remaining budget would be wasted (big, easy instances).
      if (it - lastBestAt > Math.max(300_000, 60 * model.M)) break;
      this.temperature = t0 * Math.pow(t1 / t0, Math.min(1, Math.max(it / budget, timeFraction)));
      if ((it & 1023) === 0 || holey.length === 0) {
        holey = [];
        // Participants with more holes are picked proportionally more often.
        for (let p = 0; p < P; p++) for (let k = 0; k < this.holes[p]; k++) holey.push(p);
        if (holey.length === 0) break;
      }
      const r = this.rng.next();
      if (r < SLOT_SWAP_SHARE) {
        this.swapSlots(this.rng.int(model.S), this.rng.int(model.S));
      } else if (r < SLOT_SWAP_SHARE + SLOT_ROTATE_SHARE) {
        this.rotateSlots(this.rng.int(model.S), this.rng.int(model.S));
      } else if (r < MIX_RANDOM) {
        const m = this.rng.int(model.M);
        if (state.slotOf[m] >= 0) this.chainMove(m, this.rng.int(model.S));
      } else {
        const p = holey[this.rng.int(holey.length)];
        if (this.holes[p] > 0) {
          if (r < MIX_SWAPIN) this.swapIn(p);
          else this.fixHoleOf(p);
        }
      }
      if (state.weight > bestWeight + WEIGHT_EPS || (state.weight > bestWeight - WEIGHT_EPS && this.totalHoles < bestHoles)) {
        bestWeight = state.weight;
        bestHoles = this.totalHoles;
        best = Int32Array.from(state.slotOf);
        lastBestAt = it;
      }
    }
    state.logging = false;
    state.commit();
    if (bestWeight > state.weight + WEIGHT_EPS || bestHoles < this.totalHoles) this.restore(best);
  }

  private temperature = 0;

  private restore(slotOf: Int32Array): void {
    const { model, state } = this;
    for (let m = 0; m < model.M; m++) if (state.slotOf[m] >= 0) state.unplace(m);
    for (let m = 0; m < model.M; m++) if (slotOf[m] >= 0) state.place(m, slotOf[m]);
    this.totalHoles = 0;
    for (let p = 0; p < model.P; p++) {
      this.holes[p] = state.holesOf(p);
      this.totalHoles += this.holes[p];
    }
  }

  /**
   * Fills a hole of p with one of p's unscheduled meetings, making room by dropping a meeting
   * that is no heavier (so weight never falls): among equally heavy meetings, the ones that
   * fit the agendas best should be the ones scheduled.
   */
  private swapIn(p: number): void {
    const { model, state } = this;
    const S = model.S;
    const [first, last] = this.span(p);
    const holeSlots: number[] = [];
    for (let s = first + 1; s < last; s++) if (model.avail[p * S + s] && state.load[p * S + s] === 0) holeSlots.push(s);
    if (holeSlots.length === 0) return;
    const h = holeSlots[this.rng.int(holeSlots.length)];
    const options: number[] = [];
    for (const u of model.meetingsOf[p]) {
      if (state.slotOf[u] >= 0 || !this.placeable[u] || model.pinSlot[u] >= 0) continue;
      const q = model.pa[u] === p ? model.pb[u] : model.pa[u];
      if (model.avail[q * S + h]) options.push(u);
    }
    if (options.length === 0) return;
    const u = options[this.rng.int(options.length)];
    const q = model.pa[u] === p ? model.pb[u] : model.pa[u];
    const wu = model.weight[u];
    let e = -1;
    const rt = model.resTable[u];
    if (rt >= 0 && state.reserved[rt * S + h] >= 0) e = state.reserved[rt * S + h];
    else if (state.load[q * S + h] >= model.parallel[q]) e = this.cheapestOf(q, h);
    else if (state.count[p] >= model.maxMeetings[p]) e = this.cheapestOf(p, -1);
    else if (state.count[q] >= model.maxMeetings[q]) e = this.cheapestOf(q, -1);
    else if (state.slotCount[h] >= model.T) e = this.cheapSlotMember(h);
    const mark = state.mark();
    const touched = [p, q];
    if (e >= 0) {
      if (!this.movable(e) || model.weight[e] > wu + WEIGHT_EPS) return;
      state.unplace(e);
      if (!this.canDrop(e)) {
        state.rollback(mark);
        state.commit();
        return;
      }
      touched.push(model.pa[e], model.pb[e]);
    }
    if (!state.canPlace(u, h)) {
      state.rollback(mark);
      state.commit();
      return;
    }
    state.place(u, h);
    const gained = e < 0 || model.weight[e] < wu - WEIGHT_EPS;
    const delta = this.holesDelta(touched);
    if (gained || this.accept(delta)) {
      this.acceptHoles(touched);
      state.commit();
      return;
    }
    state.rollback(mark);
    state.commit();
  }

  /** Exchanges the whole contents of two slots (a reordering of the day), when everyone can. */
  private swapSlots(s1: number, s2: number): void {
    if (s1 === s2) return;
    const S = this.model.S;
    const target = new Int32Array(S);
    for (let k = 0; k < S; k++) target[k] = k;
    target[s1] = s2;
    target[s2] = s1;
    this.permuteSlots(Math.min(s1, s2), Math.max(s1, s2), target);
  }

  /** Moves the contents of slot `from` to slot `to`, shifting the slots in between by one. */
  private rotateSlots(from: number, to: number): void {
    if (from === to) return;
    const S = this.model.S;
    const target = new Int32Array(S);
    for (let k = 0; k < S; k++) target[k] = k;
    target[from] = to;
    if (from < to) for (let k = from + 1; k <= to; k++) target[k] = k - 1;
    else for (let k = to; k < from; k++) target[k] = k + 1;
    this.permuteSlots(Math.min(from, to), Math.max(from, to), target);
  }

  /**
   * Applies a permutation of whole slots within [lo, hi] (each slot's meetings move together,
   * so tables and counts stay valid) if every participant involved is available where its
   * meetings land; kept under the annealing rule.
   */
  private permuteSlots(lo: number, hi: number, target: Int32Array): void {
    const { model, state } = this;
    const S = model.S;
    const T = model.T;
    const moved: number[][] = [];
    const stamp = ++this.chainStamp;
    const parts: number[] = [];
    for (let k = lo; k <= hi; k++) {
      const list = Array.from(state.members.subarray(k * T, k * T + state.slotCount[k]));
      moved.push(list);
      if (target[k] === k) continue;
      for (const m of list) {
        if (model.pinSlot[m] >= 0) return;
        const a = model.pa[m];
        const b = model.pb[m];
        if (!model.avail[a * S + target[k]] || !model.avail[b * S + target[k]]) return;
        for (const p of [a, b]) {
          if (this.partMark[p] !== stamp) {
            this.partMark[p] = stamp;
            parts.push(p);
          }
        }
      }
    }
    const mark = state.mark();
    for (const list of moved) for (const m of list) state.unplace(m);
    for (let k = lo; k <= hi; k++) for (const m of moved[k - lo]) state.place(m, target[k]);
    let delta = 0;
    for (const p of parts) delta += state.holesOf(p) - this.holes[p];
    if (this.accept(delta)) {
      for (const p of parts) {
        const h = state.holesOf(p);
        this.totalHoles += h - this.holes[p];
        this.holes[p] = h;
      }
      state.commit();
      return;
    }
    state.rollback(mark);
    state.commit();
  }

  private fixHoleOf(p: number): void {
    const { model, state } = this;
    const S = model.S;
    const [first, last] = this.span(p);
    const holeSlots: number[] = [];
    for (let s = first + 1; s < last; s++) if (model.avail[p * S + s] && state.load[p * S + s] === 0) holeSlots.push(s);
    if (holeSlots.length === 0) return;
    const mine: number[] = [];
    const edge: number[] = [];
    for (const m of model.meetingsOf[p]) {
      const s = state.slotOf[m];
      if (s < 0 || model.pinSlot[m] >= 0) continue;
      mine.push(m);
      if (s === first || s === last) edge.push(m);
    }
    if (mine.length === 0) return;
    const pool = edge.length > 0 && this.rng.next() < 0.7 ? edge : mine;
    const m = pool[this.rng.int(pool.length)];
    this.chainMove(m, holeSlots[this.rng.int(holeSlots.length)]);
  }

  private accept(delta: number): boolean {
    if (delta <= 0) return true;
    return this.rng.next() < Math.exp(-delta / Math.max(1e-6, this.temperature));
  }

  /**
   * Moves m to slot h. Whatever then overflows in h (a busy participant, a reserved table, a
   * full room) is sent back to m's old slot, and so on alternately — counts per slot are kept.
   */
  private chainMove(m: number, h: number): number {
    const { model, state } = this;
    const S = model.S;
    const s0 = state.slotOf[m];
    if (s0 === h || model.pinSlot[m] >= 0) return Infinity;
    if (!model.avail[model.pa[m] * S + h] || !model.avail[model.pb[m] * S + h]) return Infinity;
    const stamp = ++this.chainStamp;
    const touched: number[] = [];
    const mark = state.mark();
    state.unplace(m);
    let pending = m;
    let target = h;
    let other = s0;
    let ok = false;
    for (let step = 0; step < 24; step++) {
      this.chainMark[pending] = stamp;
      touched.push(model.pa[pending], model.pb[pending]);
      if (state.canPlace(pending, target)) {
        state.place(pending, target);
        ok = true;
        break;
      }
      const f = this.chainBlocker(pending, target, other, stamp);
      if (f < 0) break;
      state.unplace(f);
      if (!state.canPlace(pending, target)) break;
      state.place(pending, target);
      pending = f;
      const t = target;
      target = other;
      other = t;
    }
    const delta = ok ? this.holesDelta(touched) : Infinity;
    if (ok && this.accept(delta)) {
      this.acceptHoles(touched);
      state.commit();
      return delta;
    }
    state.rollback(mark);
    state.commit();
    return delta;
  }

  /** The meeting of slot `at` that must make way for `pending`, if it can go to `to`. */
  private chainBlocker(pending: number, at: number, to: number, stamp: number): number {
    const { model, state } = this;
    const S = model.S;
    const a = model.pa[pending];
    const b = model.pb[pending];
    const rt = model.resTable[pending];
    if (rt >= 0 && state.reserved[rt * S + at] >= 0) {
      const e = state.reserved[rt * S + at];
      return this.chainFits(e, to, stamp) ? e : -1;
    }
    const busyA = state.load[a * S + at] >= model.parallel[a];
    const busyB = state.load[b * S + at] >= model.parallel[b];
    if (busyA && busyB) {
      // One meeting between the same two participants frees both at once.
      for (const e of model.meetingsOf[a]) {
        if (state.slotOf[e] === at && (model.pa[e] === b || model.pb[e] === b) && this.chainFits(e, to, stamp)) return e;
      }
      return -1;
    }
    if (busyA || busyB) {
      const q = busyA ? a : b;
      let pick = -1;
      let seen = 0;
      for (const e of model.meetingsOf[q]) {
        if (state.slotOf[e] !== at || !this.chainFits(e, to, stamp)) continue;
        const r = model.pa[e] === q ? model.pb[e] : model.pa[e];
        if (state.load[r * S + to] < model.parallel[r] && this.rng.next() < 0.7) return e;
        seen++;
        if (this.rng.int(seen) === 0) pick = e;
      }
      return pick;
    }
    if (state.slotCount[at] >= model.T) {
      const n = state.slotCount[at];
      let pick = -1;
      for (let i = 0; i < 6; i++) {
        const e = state.members[at * model.T + this.rng.int(n)];
        if (!this.chainFits(e, to, stamp)) continue;
        pick = e;
        const x = model.pa[e];
        const y = model.pb[e];
        if (state.load[x * S + to] < model.parallel[x] && state.load[y * S + to] < model.parallel[y]) return e;
      }
      return pick;
    }
    return -1;
  }

  private chainFits(e: number, to: number, stamp: number): boolean {
    if (e < 0 || this.chainMark[e] === stamp || !this.movable(e)) return false;
    const model = this.model;
    const S = model.S;
    return model.avail[model.pa[e] * S + to] === 1 && model.avail[model.pb[e] * S + to] === 1;
  }

  private holesDelta(parts: number[]): number {
    let d = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (parts.indexOf(p) !== i) continue;
      d += this.state.holesOf(p) - this.holes[p];
    }
    return d;
  }

  private acceptHoles(parts: number[]): void {
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      const h = this.state.holesOf(p);
      this.totalHoles += h - this.holes[p];
      this.holes[p] = h;
    }
  }
}
