import type loadHighs from 'highs';
import { isPlaceable, Model } from '../model';
import { scheduleOf, startFromSchedule } from './highs-schedule';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

export interface AssignmentMipOptions {
  /** Branch-and-bound nodes HiGHS may explore (its work budget). */
  nodes: number;
  /** Safety cap on the clock. */
  timeLimitSeconds: number;
  /** Slot per meeting of the best known schedule (every placeable meeting placed): HiGHS starts from it. */
  start?: Int32Array;
  /** A proven lower bound from elsewhere (the pattern bound): HiGHS stops once its incumbent reaches it. */
  stopAtIdle?: number;
  /** Solve only the LP relaxation (no cuts, no branching): its value, rounded up, is the bound (for comparisons). */
  relaxation?: boolean;
}

export interface AssignmentMipResult {
  /** Slot per meeting (-1 for the unplaceable ones) of HiGHS's best schedule, or null when it found none. */
  slotOf: Int32Array | null;
  /** Idle time of that schedule (NaN when none). */
  idle: number;
  /** Proven: no schedule placing every placeable meeting has less idle time (HiGHS's dual bound, rounded up). */
  idleLowerBound: number;
  /** HiGHS closed the gap: `slotOf` is optimal. */
  optimal: boolean;
  /** The clock (the safety cap), not the node budget, ended the search. */
  timeLimited: boolean;
  nodes: number;
}

/**
 * The assignment MIP runs when every placeable meeting is placed at the proven maximum weight
 * and each participant meets one counterpart at a time (no `parallel` > 1).
 */
export function assignmentMipFits(model: Model): boolean {
  for (let p = 0; p < model.P; p++) if (model.meetingsOf[p].length > 0 && model.parallel[p] !== 1) return false;
  return model.T > 0;
}

/**
 * Idle time at maximum weight when that weight places every placeable meeting: then the problem
 * is a pure assignment (each meeting exactly one slot), which a MIP encodes far more tightly
 * than the lexicographic one of mip.ts (Bofill et al., JAIR 74, 2022, §4: per participant busy
 * slots, run starts for breaks, first/last indicators for holes):
 *   x[m,s] ∈ {0,1}, Σ_s x[m,s] = 1; busy u[p,s] = Σ_{m ∋ p} x[m,s] ≤ 1; Σ_m x[m,s] ≤ T;
 *   reserved tables at most once per slot;
 *   breaks: st[p,s] ≥ u[p,s] − u[p,s−1], breaks_p = Σ_s st[p,s] − 1;
 *   holes: b[p,s] (a meeting at or before s), f[p,s] (at or after), monotone, ≥ u, and
 *     b + f ≥ 1 + u, holes_p = Σ_{s available} (b + f − 1) − k_p.
 * On dense 42-participant instances its LP bound and branching prove the optimum that clasp
 * needs ~100,000 conflicts for (bench/scheduling/dense.ts, docs/benchmarks.md).
 */
export function solveAssignmentMip(engine: Highs, model: Model, o: AssignmentMipOptions): AssignmentMipResult {
  const { S, T, M, P, pa, pb, allowed, avail, resTable } = model;
  const rows: string[] = [];
  const obj: string[] = [];
  const bins: string[] = [];
  const continuous: string[] = [];
  const busy = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byRes = new Map<string, string[]>();
  const at = (p: number, s: number) => busy.get(p * S + s) ?? [];
  const count = new Int32Array(P);
  for (let m = 0; m < M; m++) {
    if (!isPlaceable(model, m)) continue;
    const list: string[] = [];
    for (let s = 0; s < S; s++) {
      if (!allowed[m * S + s]) continue;
      const x = `x_${m}_${s}`;
      list.push(x);
      bins.push(x);
      bySlot[s].push(x);
      for (const p of new Set([pa[m], pb[m]])) (busy.get(p * S + s) ?? busy.set(p * S + s, []).get(p * S + s)!).push(x);
      if (resTable[m] >= 0) (byRes.get(`${resTable[m]}_${s}`) ?? byRes.set(`${resTable[m]}_${s}`, []).get(`${resTable[m]}_${s}`)!).push(x);
    }
    rows.push(` one_${m}: ${list.join(' + ')} = 1`);
    for (const p of new Set([pa[m], pb[m]])) count[p]++;
  }
  for (let s = 0; s < S; s++) if (bySlot[s].length > T) rows.push(` tab_${s}: ${bySlot[s].join(' + ')} <= ${T}`);
  for (const [k, list] of byRes) if (list.length > 1) rows.push(` res_${k}: ${list.join(' + ')} <= 1`);
  const minus = (terms: string[]) => terms.map((x) => ` - ${x}`).join('');
  const plus = (terms: string[]) => terms.map((x) => ` + ${x}`).join('');
  // Objective = Σ terms + offset (the offset is added back to HiGHS's figures).
  let offset = 0;
  for (let p = 0; p < P; p++) {
    if (count[p] === 0) continue;
    for (let s = 0; s < S; s++) if (at(p, s).length > 1) rows.push(` par_${p}_${s}: ${at(p, s).join(' + ')} <= 1`);
    if (model.idleMeasure === 'breaks') {
      offset -= 1;
      for (let s = 0; s < S; s++) {
        if (at(p, s).length === 0) continue;
        const st = `st_${p}_${s}`;
        continuous.push(st);
        obj.push(st);
        rows.push(` s_${p}_${s}: ${st}${minus(at(p, s))}${s > 0 ? plus(at(p, s - 1)) : ''} >= 0`);
      }
    } else {
      offset -= count[p];
      for (let s = 0; s < S; s++) {
        const b = `b_${p}_${s}`;
        const f = `f_${p}_${s}`;
        bins.push(b, f);
        if (avail[p * S + s]) {
          obj.push(b, f);
          offset -= 1;
        }
        if (at(p, s).length > 0) rows.push(` bu_${p}_${s}: ${b}${minus(at(p, s))} >= 0`, ` fu_${p}_${s}: ${f}${minus(at(p, s))} >= 0`);
        if (s > 0) rows.push(` bm_${p}_${s}: ${b} - b_${p}_${s - 1} >= 0`);
        if (s < S - 1) rows.push(` fm_${p}_${s}: ${f} - f_${p}_${s + 1} >= 0`);
        rows.push(` bf_${p}_${s}: ${b} + ${f}${minus(at(p, s))} >= 1`);
      }
    }
  }
  if (obj.length === 0) {
    // Nobody can have idle time (e.g. one meeting each): any placement is optimal, leave it to the others.
    return { slotOf: null, idle: NaN, idleLowerBound: 0, optimal: false, timeLimited: false, nodes: 0 };
  }
  const lp = [
    'Minimize',
    ` obj: ${obj.join(' + ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...continuous.map((v) => ` 0 <= ${v} <= 1`),
    'Binary',
    ` ${bins.join(' ')}`,
    'End',
  ].join('\n');
  return engine.withModel({ format: 'lp', data: lp }, (hm) => {
    hm.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
      mip_max_nodes: Math.max(1, Math.round(o.nodes)),
      time_limit: Math.max(0.01, o.timeLimitSeconds),
    });
    if (o.start) {
      startFromSchedule(hm, 'x', o.start);
    }
    if (o.relaxation) {
      hm.clearIntegrality();
      hm.run();
      const value = hm.getObjectiveValue() + offset;
      const lower = String(hm.getModelStatus()) === '7' ? Math.max(0, Math.ceil(value - 1e-6)) : 0;
      return { slotOf: null, idle: NaN, idleLowerBound: lower, optimal: false, timeLimited: false, nodes: 0 };
    }
    const stopAt = o.stopAtIdle;
    if (stopAt !== undefined && stopAt > 0) {
      // The incumbent meets a bound proven elsewhere: it is optimal, no need for HiGHS's own proof.
      hm.run({
        [engine.constants.callbackType.mipInterrupt]: (event) => {
          const primal = event.data.mip_primal_bound;
          if (primal !== undefined && Number.isFinite(primal) && primal + offset <= stopAt + 1e-6) event.interrupt();
        },
      });
    } else hm.run();
    const code = hm.getModelStatus();
    const optimal = code === 7 || String(code) === 'Optimal';
    const nodes = Number(hm.info.get('mip_node_count'));
    const objective = Number(hm.info.get('objective_function_value'));
    const dual = Number(hm.info.get('mip_dual_bound'));
    const found = Number.isFinite(objective) && Math.abs(objective) < 1e15;
    const idle = found ? Math.round(objective + offset) : NaN;
    // Idle time is an integer: a dual bound of 16.3 proves 17. Without a schedule (infeasible or
    // stopped before the start was taken) the dual bound is not trusted.
    const idleLowerBound = !found ? 0 : optimal ? idle : Number.isFinite(dual) ? Math.max(0, Math.ceil(dual + offset - 1e-6)) : 0;
    const slotOf = found ? scheduleOf(hm, 'x', M) : null;
    return { slotOf, idle, idleLowerBound, optimal: optimal && found, timeLimited: Number(code) === 13, nodes };
  });
}

export interface WindowSearchOptions {
  /** Sub-MIPs to solve at most (the work budget: the same count gives the same schedule anywhere). */
  rounds: number;
  /** Consecutive slots freed per sub-MIP. */
  width: number;
  /** Clock cap (anytime mode). */
  deadline: number;
  /** Branch-and-bound nodes per sub-MIP. */
  nodes: number;
}

/**
 * Large-neighbourhood search with the assignment MIP: the meetings of a window of consecutive
 * slots may move among those slots, everything else stays; HiGHS finds the best such move. The
 * windows slide over the day (then wider ones) until a whole pass gains nothing. On dense
 * instances the slots are full, so idle time only falls by reshuffling whole slots against each
 * other, which single moves of the annealing rarely do. Returns the improved slots (or the start).
 */
export function improveByWindows(
  engine: Highs,
  model: Model,
  start: Int32Array,
  idleOf: (slotOf: Int32Array) => number,
  o: WindowSearchOptions,
): Int32Array {
  const { S, M } = model;
  let best: Int32Array = Int32Array.from(start);
  let bestIdle = idleOf(best);
  let rounds = 0;
  for (let width = Math.min(o.width, S); width <= S && rounds < o.rounds; width++) {
    let improved = true;
    while (improved && rounds < o.rounds && performance.now() < o.deadline) {
      improved = false;
      for (let a = 0; a + width <= S && rounds < o.rounds && performance.now() < o.deadline; a++) {
        rounds++;
        // Fix every meeting outside the window to its slot; inside, any of the window's allowed slots.
        const allowed = new Uint8Array(model.allowed.length);
        const commonSlots = new Int32Array(M);
        for (let m = 0; m < M; m++) {
          const s0 = best[m];
          if (s0 < 0) continue;
          if (s0 < a || s0 >= a + width) {
            allowed[m * S + s0] = 1;
            commonSlots[m] = 1;
            continue;
          }
          for (let s = a; s < a + width; s++) {
            if (!model.allowed[m * S + s]) continue;
            allowed[m * S + s] = 1;
            commonSlots[m]++;
          }
        }
        const sub = solveAssignmentMip(
          engine,
          { ...model, allowed, commonSlots },
          {
            nodes: o.nodes,
            timeLimitSeconds: Math.min(1e6, Math.max(0.01, (o.deadline - performance.now()) / 1000)),
            start: best,
          },
        );
        if (!sub.slotOf) continue;
        const idle = idleOf(sub.slotOf);
        if (idle < bestIdle) {
          best = sub.slotOf;
          bestIdle = idle;
          improved = true;
        }
      }
    }
    if (width >= S) break;
  }
  return best;
}
