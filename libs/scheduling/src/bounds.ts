import type { ScheduleInstance } from '@rueda/formats';
import { buildModel, isPlaceable, Model, NO_LIMIT } from './model';

export interface ScheduleBoundsResult {
  /** No schedule can reach a higher total weight. */
  weightUpperBound: number;
  /** No schedule (of any weight) can have fewer holes. */
  holesLowerBound: number;
  /** No schedule (of any weight) has less idle time by the instance's idleMeasure. */
  idleLowerBound: number;
}

const EPS = 1e-9;

/**
 * Min-cost flow by the primal-dual method: Dijkstra on reduced costs, then a blocking flow on
 * the zero-reduced-cost arcs. With small integer weights the number of distinct path costs is
 * small, so few phases are needed even for tens of thousands of arcs.
 */
class MinCostFlow {
  private head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];

  constructor(private readonly n: number) {
    this.head = new Int32Array(n).fill(-1);
  }

  /** Returns the arc's index, for flowOn. */
  addArc(u: number, v: number, cap: number, cost: number): number {
    const index = this.to.length;
    for (const [a, b, c, k] of [
      [u, v, cap, cost],
      [v, u, 0, -cost],
    ]) {
      this.to.push(b);
      this.cap.push(c);
      this.cost.push(k);
      this.next.push(this.head[a]);
      this.head[a] = this.to.length - 1;
    }
    return index;
  }

  flowOn(arc: number): number {
    return this.cap[arc ^ 1];
  }

  /**
   * Sends at most `limit` units from src to sink, stopping as soon as the cheapest augmenting
   * path is no longer negative (cost is convex in the flow value, so this is the min-cost flow of
   * any value ≤ limit). `initialPotential` must make every reduced cost of positive-capacity arcs ≥ 0.
   */
  run(src: number, sink: number, limit: number, initialPotential: Float64Array): number {
    const n = this.n;
    const pot = initialPotential;
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const { head, next, to, cap, cost } = this;
    let totalCost = 0;
    let remaining = limit;
    const heap = new BinaryHeap();

    while (remaining > 0) {
      dist.fill(Infinity);
      dist[src] = 0;
      heap.clear();
      heap.push(src, 0);
      while (heap.size > 0) {
        const u = heap.pop();
        const du = dist[u];
        for (let e = head[u]; e >= 0; e = next[e]) {
          if (cap[e] <= 0) continue;
          const v = to[e];
          const rc = Math.max(0, cost[e] + pot[u] - pot[v]);
          const nd = du + rc;
          if (nd < dist[v] - EPS) {
            dist[v] = nd;
            heap.push(v, nd);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      // Unreachable nodes get the largest finite distance so that reduced costs stay ≥ 0.
      let maxDist = 0;
      for (let v = 0; v < n; v++) if (dist[v] < Infinity && dist[v] > maxDist) maxDist = dist[v];
      for (let v = 0; v < n; v++) pot[v] += dist[v] < Infinity ? dist[v] : maxDist;
      const pathCost = pot[sink] - pot[src];
      if (pathCost >= -EPS) break;

      // Blocking flow (Dinic) restricted to arcs that are tight under the new potentials.
      const admissible = (e: number, u: number) => cap[e] > 0 && Math.abs(cost[e] + pot[u] - pot[to[e]]) <= EPS;
      for (;;) {
        level.fill(-1);
        level[src] = 0;
        const queue = [src];
        for (let qi = 0; qi < queue.length; qi++) {
          const u = queue[qi];
          for (let e = head[u]; e >= 0; e = next[e]) {
            if (level[to[e]] < 0 && admissible(e, u)) {
              level[to[e]] = level[u] + 1;
              queue.push(to[e]);
            }
          }
        }
        if (level[sink] < 0) break;
        for (let v = 0; v < n; v++) iter[v] = head[v];
        const dfs = (u: number, f: number): number => {
          if (u === sink) return f;
          for (; iter[u] >= 0; iter[u] = next[iter[u]]) {
            const e = iter[u];
            const v = to[e];
            if (level[v] !== level[u] + 1 || !admissible(e, u)) continue;
            const got = dfs(v, Math.min(f, cap[e]));
            if (got > 0) {
              cap[e] -= got;
              cap[e ^ 1] += got;
              return got;
            }
          }
          return 0;
        };
        let pushed = 0;
        for (;;) {
          const f = dfs(src, remaining);
          if (f <= 0) break;
          pushed += f;
          remaining -= f;
          totalCost += f * pathCost;
          if (remaining <= 0) break;
        }
        if (pushed === 0 || remaining <= 0) break;
      }
    }
    return totalCost;
  }
}

class BinaryHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.keys.length = 0;
    this.vals.length = 0;
  }
  push(v: number, k: number): void {
    const keys = this.keys;
    const vals = this.vals;
    let i = keys.length;
    keys.push(k);
    vals.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= k) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  /** Pops the node with the smallest key; stale entries are harmless (Dijkstra re-checks). */
  pop(): number {
    const keys = this.keys;
    const vals = this.vals;
    const top = vals[0];
    const lastK = keys.pop()!;
    const lastV = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= lastK) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = lastK;
      vals[i] = lastV;
    }
    return top;
  }
}

/**
 * Upper bound on the total weight: the fractional b-matching relaxation where each participant
 * takes at most min(maxMeetings, parallel × available slots) meetings, each meeting at most once
 * (never if it has no common slot), and all together at most tables × slots. Pins are fixed
 * first. Meetings may join two GADMs or two cooperants, so the graph is not bipartite; the flow
 * runs on the doubled graph (p_out → q_in and q_out → p_in per meeting, each at weight w), whose
 * optimum is exactly twice the fractional b-matching LP optimum — still a valid upper bound.
 */
export function weightUpperBound(model: Model): number {
  return weightRelaxation(model).bound;
}

export interface WeightRelaxation {
  bound: number;
  /** Optimal relaxed value of each meeting (0, ½ or 1; pins count as 1): a good set to schedule. */
  x: Float64Array;
}

export function weightRelaxation(model: Model): WeightRelaxation {
  const { S, T, P, M, pa, pb, weight, avail, parallel, maxMeetings, pinSlot } = model;
  let pinnedWeight = 0;
  let pins = 0;
  const pinnedOf = new Int32Array(P);
  for (let m = 0; m < M; m++) {
    if (pinSlot[m] >= 0) {
      pinnedWeight += weight[m];
      pins++;
      pinnedOf[pa[m]]++;
      pinnedOf[pb[m]]++;
    }
  }
  const capOf = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let slots = 0;
    for (let s = 0; s < S; s++) slots += avail[p * S + s];
    const byTime = slots * parallel[p];
    const byLimit = maxMeetings[p] >= NO_LIMIT ? Infinity : maxMeetings[p];
    capOf[p] = Math.max(0, Math.min(byTime, byLimit) - pinnedOf[p]);
  }
  const tableSlots = Math.max(0, T * S - pins);

  const src = 0;
  const sink = 1;
  const out = (p: number) => 2 + p;
  const inn = (p: number) => 2 + P + p;
  const flow = new MinCostFlow(2 + 2 * P);
  const potential = new Float64Array(2 + 2 * P);
  const x = new Float64Array(M);
  const arcs: [number, number, number][] = [];
  for (let m = 0; m < M; m++) if (pinSlot[m] >= 0) x[m] = 1;
  let anyArc = false;
  for (let m = 0; m < M; m++) {
    if (pinSlot[m] >= 0 || !isPlaceable(model, m)) continue;
    const a = pa[m];
    const b = pb[m];
    if (capOf[a] <= 0 || capOf[b] <= 0) continue;
    arcs.push([m, flow.addArc(out(a), inn(b), 1, -weight[m]), flow.addArc(out(b), inn(a), 1, -weight[m])]);
    potential[inn(b)] = Math.min(potential[inn(b)], -weight[m]);
    potential[inn(a)] = Math.min(potential[inn(a)], -weight[m]);
    anyArc = true;
  }
  if (!anyArc || tableSlots === 0) return { bound: pinnedWeight, x };
  for (let p = 0; p < P; p++) {
    if (capOf[p] <= 0) continue;
    const c = Number.isFinite(capOf[p]) ? capOf[p] : M;
    flow.addArc(src, out(p), c, 0);
    flow.addArc(inn(p), sink, c, 0);
    potential[sink] = Math.min(potential[sink], potential[inn(p)]);
  }
  const cost = flow.run(src, sink, 2 * tableSlots, potential);
  const relaxed = pinnedWeight - cost / 2;
  for (const [m, e1, e2] of arcs) x[m] = (flow.flowOn(e1) + flow.flowOn(e2)) / 2;
  // With integer weights any schedule's weight is an integer, so the fractional part is slack.
  const integral = model.weight.every((w) => Number.isInteger(w));
  const bound = integral ? Math.floor(relaxed + 1e-6) : relaxed + 1e-9 * Math.max(1, relaxed);
  return { bound, x };
}

/**
 * Lower bound on holes: pinned meetings always happen, so a participant's span covers its
 * pinned slots; the available slots inside that span that hold no pin must be filled by its
 * other meetings, and each extra meeting fills at most one slot.
 */
export function holesLowerBound(model: Model): number {
  const { S, P, M, pa, pb, pinSlot, avail, maxMeetings } = model;
  const pinnedSlots: number[][] = Array.from({ length: P }, () => []);
  for (let m = 0; m < M; m++) {
    if (pinSlot[m] < 0) continue;
    pinnedSlots[pa[m]].push(pinSlot[m]);
    pinnedSlots[pb[m]].push(pinSlot[m]);
  }
  let total = 0;
  for (let p = 0; p < P; p++) {
    const slots = pinnedSlots[p];
    if (slots.length < 2) continue;
    const first = Math.min(...slots);
    const last = Math.max(...slots);
    const occupied = new Set(slots);
    const gaps: number[] = [];
    for (let s = first + 1; s < last; s++) if (avail[p * S + s] && !occupied.has(s)) gaps.push(s);
    if (gaps.length === 0) continue;
    // Count the participant's unpinned meetings that could sit in some gap slot.
    let fillers = 0;
    for (const m of model.meetingsOf[p]) {
      if (pinSlot[m] >= 0 || !isPlaceable(model, m)) continue;
      if (gaps.some((s) => model.allowed[m * S + s])) fillers++;
    }
    const room = maxMeetings[p] >= NO_LIMIT ? fillers : Math.min(fillers, Math.max(0, maxMeetings[p] - slots.length));
    total += Math.max(0, gaps.length - room);
  }
  return total;
}

/**
 * Lower bound on breaks: between two consecutive pinned slots of a participant, a slot where
 * it is unavailable, or where none of its unpinned meetings may sit, forces a wait there.
 */
export function breaksLowerBound(model: Model): number {
  const { S, P, M, pa, pb, pinSlot, avail, allowed } = model;
  const pinned: number[][] = Array.from({ length: P }, () => []);
  for (let m = 0; m < M; m++) {
    if (pinSlot[m] < 0) continue;
    pinned[pa[m]].push(pinSlot[m]);
    pinned[pb[m]].push(pinSlot[m]);
  }
  let total = 0;
  for (let p = 0; p < P; p++) {
    const slots = [...new Set(pinned[p])].sort((x, y) => x - y);
    for (let k = 1; k < slots.length; k++) {
      for (let s = slots[k - 1] + 1; s < slots[k]; s++) {
        const fillable = avail[p * S + s] && model.meetingsOf[p].some((m) => pinSlot[m] < 0 && allowed[m * S + s]);
        if (!fillable) {
          total++;
          break;
        }
      }
    }
  }
  return total;
}

export function computeBounds(input: ScheduleInstance | Model): ScheduleBoundsResult {
  const model = 'S' in input ? input : buildModel(input);
  const holes = holesLowerBound(model);
  return {
    weightUpperBound: weightUpperBound(model),
    holesLowerBound: holes,
    idleLowerBound: model.idleMeasure === 'breaks' ? breaksLowerBound(model) : holes,
  };
}

/** Bounds plus the relaxed solution, which the solver uses as a guide. */
export function computeBoundsWithGuide(model: Model): ScheduleBoundsResult & { guide: Float64Array } {
  const relax = weightRelaxation(model);
  const holes = holesLowerBound(model);
  return {
    weightUpperBound: relax.bound,
    holesLowerBound: holes,
    idleLowerBound: model.idleMeasure === 'breaks' ? breaksLowerBound(model) : holes,
    guide: relax.x,
  };
}
