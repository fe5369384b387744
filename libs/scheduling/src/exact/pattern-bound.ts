import type loadHighs from 'highs';
import { isPlaceable, Model } from '../model';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

export interface PatternBoundOptions {
  /** Slot per meeting of a schedule placing every placeable meeting: its busy patterns are the first columns. */
  start: Int32Array;
  /** Pricing rounds at most (the work budget: the same count gives the same bound anywhere). */
  rounds: number;
  /** Safety cap on the clock. */
  timeLimitSeconds: number;
  /**
   * Participants with at most this many meetings choose whole agendas (which meeting in which
   * slot) instead of slot sets: a stronger master, priced by a DP over subsets of their meetings
   * (2^k states), so only for small k. Default 0: slot patterns for everyone.
   */
  agendaMeetings?: number;
  /** Solve the master by interior point (central duals) instead of the simplex. */
  interior?: boolean;
  /** Then solve the restricted master as a MIP for at most this long (a heuristic schedule; bench only). */
  masterMipSeconds?: number;
}

export interface PatternBoundResult {
  /** Proven: no schedule placing every placeable meeting has less idle time (rounded up). */
  idleLowerBound: number;
  /** Restricted master LP value of the last round. */
  lpValue: number;
  /** Best Lagrangian (Farley) bound over the rounds: LP + Σ_p min(0, least reduced cost of p). */
  lagrangian: number;
  /** No negative reduced cost was left: `lpValue` is the Dantzig–Wolfe LP optimum. */
  converged: boolean;
  rounds: number;
  columns: number;
  /** With `masterMipSeconds`: the best schedule of the restricted master MIP (slot per meeting) and its idle time. */
  master?: { slotOf: Int32Array; idle: number };
}

/** Tolerance on reduced costs and on rounding an LP value up to an integer. */
const EPS = 1e-6;

/**
 * Dantzig–Wolfe (pattern) lower bound on idle time when every placeable meeting is placed and
 * each participant meets one counterpart at a time. The compact MIP (assignment-mip.ts) relaxes
 * a participant's busy slots to a fractional vector whose idle time spreads thin; here each
 * participant p instead chooses one busy *pattern* (k_p slots it can use, k_p = its meetings)
 * with that pattern's exact idle time:
 *   min Σ_{p,P} idle(P)·λ[p,P]
 *   Σ_s x[m,s] = 1 (allowed slots), Σ_m x[m,s] ≤ T, reserved tables at most once per slot,
 *   Σ_P λ[p,P] = 1, Σ_{P ∋ s} λ[p,P] = Σ_{m ∋ p} x[m,s]   (every p with ≥ 2 meetings, every slot it can use).
 * Its LP is at least as strong as the compact LP (it is the LP over the convex hull of each
 * participant's patterns). Stronger still, a participant with few meetings may choose an
 * *agenda* (which meeting in which slot; linked to x[m,s] itself, so both participants of a
 * meeting must agree on its slot): on the dense 42-participant instances that bound is 0–2
 * above the compact MIP's root bound with HiGHS's cuts, where slot patterns stay 2–4 below it
 * (bench/scheduling/dense-bound.ts, docs/benchmarks.md). Columns are priced per participant by
 * an exact DP over the slots (`cheapestPattern`, `cheapestAgenda`), starting from the columns of
 * a known schedule (so the master is feasible). Every round's Lagrangian (Farley) bound
 * LP + Σ_p min(0, least reduced cost of p) is valid, so the bound holds even when the rounds
 * run out before the LP converges.
 */
export function patternIdleLowerBound(engine: Highs, model: Model, o: PatternBoundOptions): PatternBoundResult {
  const { S, T, M, P, pa, pb, allowed, resTable } = model;
  const started = performance.now();
  // Rows: one per meeting, per slot (tables), per reserved table and slot, per (participant, usable slot), per participant.
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (lo: number, hi: number): number => {
    rowLower.push(lo);
    rowUpper.push(hi);
    return rowLower.length - 1;
  };
  const count = new Int32Array(P);
  const placeable = new Uint8Array(M);
  for (let m = 0; m < M; m++) {
    if (!isPlaceable(model, m)) continue;
    placeable[m] = 1;
    count[pa[m]]++;
    if (pb[m] !== pa[m]) count[pb[m]]++;
  }
  const oneRow = new Int32Array(M).fill(-1);
  for (let m = 0; m < M; m++) if (placeable[m]) oneRow[m] = addRow(1, 1);
  const tableRow = Array.from({ length: S }, () => addRow(-Infinity, T));
  const resRow = new Map<number, number>();
  for (let m = 0; m < M; m++) {
    if (!placeable[m] || resTable[m] < 0) continue;
    for (let s = 0; s < S; s++) {
      const key = resTable[m] * S + s;
      if (allowed[m * S + s] && !resRow.has(key)) resRow.set(key, addRow(-Infinity, 1));
    }
  }
  // usable[p·S+s]: p is free in s and one of its meetings may sit there (only there can p be busy).
  const usable = new Uint8Array(P * S);
  for (let m = 0; m < M; m++) {
    if (!placeable[m]) continue;
    for (let s = 0; s < S; s++) if (allowed[m * S + s]) usable[pa[m] * S + s] = usable[pb[m] * S + s] = 1;
  }
  // Linking rows. Slot patterns: (p, s) for each slot p can use. Agendas (p has at most
  // o.agendaMeetings meetings): (p, its j-th meeting, s) for each slot that meeting may take.
  const agendaMax = o.agendaMeetings ?? 0;
  const mine: number[][] = Array.from({ length: P }, () => []);
  for (let p = 0; p < P; p++) for (const m of model.meetingsOf[p]) if (placeable[m]) mine[p].push(m);
  const linkRow = new Int32Array(P * S).fill(-1);
  const agendaRow = new Map<number, Int32Array>(); // p → row of (j, s) at j·S + s
  const convRow = new Int32Array(P).fill(-1);
  const priced: number[] = [];
  for (let p = 0; p < P; p++) {
    if (count[p] < 2) continue;
    priced.push(p);
    if (count[p] <= agendaMax) {
      const rows = new Int32Array(count[p] * S).fill(-1);
      mine[p].forEach((m, j) => {
        for (let s = 0; s < S; s++) if (allowed[m * S + s]) rows[j * S + s] = addRow(0, 0);
      });
      agendaRow.set(p, rows);
    } else for (let s = 0; s < S; s++) if (usable[p * S + s]) linkRow[p * S + s] = addRow(0, 0);
    convRow[p] = addRow(1, 1);
  }
  const xLink = (p: number, m: number, s: number): number => {
    const rows = agendaRow.get(p);
    return rows ? rows[mine[p].indexOf(m) * S + s] : linkRow[p * S + s];
  };
  // Columns x[m,s], in CSC; then the start's patterns.
  const colCost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const pushCol = (cost: number, entries: [number, number][]) => {
    colCost.push(cost);
    for (const [r, v] of entries.sort((a, b) => a[0] - b[0])) {
      indices.push(r);
      values.push(v);
    }
    starts.push(indices.length);
  };
  for (let m = 0; m < M; m++) {
    if (!placeable[m]) continue;
    for (let s = 0; s < S; s++) {
      if (!allowed[m * S + s]) continue;
      const entries: [number, number][] = [
        [oneRow[m], 1],
        [tableRow[s], 1],
      ];
      if (resTable[m] >= 0) entries.push([resRow.get(resTable[m] * S + s)!, 1]);
      for (const p of pa[m] === pb[m] ? [pa[m]] : [pa[m], pb[m]]) if (convRow[p] >= 0) entries.push([xLink(p, m, s), -1]);
      pushCol(0, entries);
    }
  }
  // A column of p: the slot of each of its meetings (mine[p] order; for slot patterns only the set counts).
  const seen = new Set<string>();
  const slotsOf = (agenda: number[]) => [...agenda].sort((a, b) => a - b);
  const patternEntries = (p: number, agenda: number[]): [number, number][] => {
    const rows = agendaRow.get(p);
    const links = rows ? agenda.map((s, j) => rows[j * S + s]) : agenda.map((s) => linkRow[p * S + s]);
    return [...links.map((r): [number, number] => [r, 1]), [convRow[p], 1]];
  };
  const remember = (p: number, agenda: number[]): boolean => {
    const key = `${p}:${(agendaRow.has(p) ? agenda : slotsOf(agenda)).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const p of priced) {
    const agenda = mine[p].map((m) => o.start[m]);
    if (new Set(agenda).size !== agenda.length || patternEntries(p, agenda).some(([r]) => !(r >= 0))) {
      // Not a schedule placing every meeting: no feasible master to start from, no bound.
      return { idleLowerBound: 0, lpValue: NaN, lagrangian: -Infinity, converged: false, rounds: 0, columns: 0 };
    }
    remember(p, agenda);
    pushCol(patternIdle(model, p, slotsOf(agenda)), patternEntries(p, agenda));
  }
  const numRows = rowLower.length;
  const numCols = colCost.length;
  const inf = engine.infinity;
  const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  return engine.withModel(
    {
      numCols,
      numRows,
      colCost,
      colLower: new Array<number>(numCols).fill(0),
      colUpper: new Array<number>(numCols).fill(inf),
      rowLower: rowLower.map(clamp),
      rowUpper: rowUpper.map(clamp),
      matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    },
    (hm) => {
      // Interior point without crossover gives central duals: fewer, better columns than the
      // extreme duals of the simplex, whose master stays degenerate at the start's value.
      hm.options.set(
        o.interior
          ? { output_flag: false, solver: 'ipm', run_crossover: 'off' }
          : { output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 },
      );
      let lpValue = NaN;
      let lagrangian = -Infinity;
      let converged = false;
      let rounds = 0;
      let columns = numCols;
      while (rounds < o.rounds && (performance.now() - started) / 1000 < o.timeLimitSeconds) {
        rounds++;
        // HiGHS's clock runs from the model's creation, not from each run: restart it.
        hm.zeroAllClocks();
        hm.options.set({ time_limit: Math.max(0.01, o.timeLimitSeconds - (performance.now() - started) / 1000) });
        hm.run();
        if (String(hm.getModelStatus()) !== '7' && String(hm.getModelStatus()) !== 'Optimal') break;
        lpValue = hm.getObjectiveValue();
        const dual = hm.getSolution().rowDual;
        // Reduced cost of a pattern column: idle(P) − Σ_{s∈P} dual(link p,s) − dual(conv p).
        let least = 0;
        let added = 0;
        for (const p of priced) {
          const rows = agendaRow.get(p);
          let best: { cost: number; agenda: number[] };
          if (rows) {
            const price = new Float64Array(rows.length);
            for (let i = 0; i < rows.length; i++) if (rows[i] >= 0) price[i] = dual[rows[i]];
            best = cheapestAgenda(model, p, mine[p], price);
          } else {
            const price = new Float64Array(S);
            for (let s = 0; s < S; s++) if (linkRow[p * S + s] >= 0) price[s] = dual[linkRow[p * S + s]];
            const b = cheapestPattern(model, p, count[p], usable, price);
            best = { cost: b.cost, agenda: b.slots };
          }
          const reduced = best.cost - dual[convRow[p]];
          if (reduced < -EPS) {
            least += reduced;
            if (remember(p, best.agenda)) {
              hm.addCol(patternIdle(model, p, slotsOf(best.agenda)), 0, inf, toEntries(patternEntries(p, best.agenda)));
              added++;
            }
          }
        }
        lagrangian = Math.max(lagrangian, lpValue + least);
        columns += added;
        if (added === 0) {
          converged = least > -EPS;
          break;
        }
      }
      const value = converged ? lpValue : lagrangian;
      const idleLowerBound = Number.isFinite(value) ? Math.max(0, Math.ceil(value - 1e-4)) : 0;
      let master: { slotOf: Int32Array; idle: number } | undefined;
      if (o.masterMipSeconds) {
        // Restricted master MIP: the generated columns only, all integer. Its optimum is a
        // schedule (an upper bound), not a bound: a heuristic that recombines whole agendas.
        hm.changeColsIntegrality({ kind: 'range', from: 0, to: columns - 1 }, new Int32Array(columns).fill(1));
        // The start schedule as the first incumbent: its x, and its own column per participant.
        const startValues = new Float64Array(columns);
        let c = 0;
        for (let m = 0; m < M; m++) {
          if (!placeable[m]) continue;
          for (let s = 0; s < S; s++) if (allowed[m * S + s]) startValues[c++] = o.start[m] === s ? 1 : 0;
        }
        for (let i = 0; i < priced.length; i++) startValues[c + i] = 1;
        hm.setSolution({ colValue: startValues });
        hm.zeroAllClocks();
        hm.options.set({ solver: 'choose', presolve: 'on', time_limit: o.masterMipSeconds, mip_rel_gap: 0 });
        hm.run();
        const x = hm.getSolution().colValue;
        const slotOf = new Int32Array(M).fill(-1);
        let k = 0;
        for (let m = 0; m < M; m++) {
          if (!placeable[m]) continue;
          for (let s = 0; s < S; s++) if (allowed[m * S + s] && x[k++] > 0.5) slotOf[m] = s;
        }
        const objective = hm.getObjectiveValue();
        if (Number.isFinite(objective) && Math.abs(objective) < 1e15) master = { slotOf, idle: Math.round(objective) };
      }
      return { idleLowerBound, lpValue, lagrangian: converged ? lpValue : lagrangian, converged, rounds, columns, master };
    },
  );
}

function toEntries(entries: [number, number][]) {
  entries.sort((a, b) => a[0] - b[0]);
  return { indices: entries.map((e) => e[0]), values: entries.map((e) => e[1]) };
}

/** Idle time of participant p busy exactly in `slots` (ascending), by the model's measure (as stats.ts counts it). */
export function patternIdle(model: Model, p: number, slots: number[]): number {
  let idle = 0;
  for (let k = 1; k < slots.length; k++) {
    if (slots[k] === slots[k - 1] + 1) continue;
    if (model.idleMeasure === 'breaks') idle++;
    else for (let s = slots[k - 1] + 1; s < slots[k]; s++) idle += model.avail[p * model.S + s];
  }
  return idle;
}

/**
 * Pricing: the pattern of exactly k usable slots minimising idle(P) − Σ_{s∈P} price[s], by a DP
 * over the slots in order. State: busy slots so far (c) and, for breaks, whether the previous
 * slot was busy. Holes: an available idle slot costs 1 while 0 < c < k (inside the span);
 * breaks: a busy slot after an idle one costs 1 when c > 0. O(S·k) per participant.
 */
export function cheapestPattern(
  model: Model,
  p: number,
  k: number,
  usable: Uint8Array,
  price: Float64Array,
): { cost: number; slots: number[] } {
  const { S, avail } = model;
  const breaks = model.idleMeasure === 'breaks';
  const W = 2 * (k + 1); // state index: c·2 + prevBusy
  let f = new Float64Array(W).fill(Infinity);
  f[0] = 0;
  // choice[s·W + state] = previous state (for the path back).
  const from = new Int32Array((S + 1) * W).fill(-1);
  for (let s = 0; s < S; s++) {
    const g = new Float64Array(W).fill(Infinity);
    for (let st = 0; st < W; st++) {
      const v = f[st];
      if (v === Infinity) continue;
      const c = st >> 1;
      const prev = st & 1;
      // Idle in s.
      const idleCost = !breaks && c > 0 && c < k && avail[p * S + s] ? 1 : 0;
      const to = c * 2;
      if (v + idleCost < g[to]) {
        g[to] = v + idleCost;
        from[(s + 1) * W + to] = st;
      }
      // Busy in s.
      if (c < k && usable[p * S + s]) {
        const cost = v - price[s] + (breaks && c > 0 && prev === 0 ? 1 : 0);
        const to2 = (c + 1) * 2 + 1;
        if (cost < g[to2]) {
          g[to2] = cost;
          from[(s + 1) * W + to2] = st;
        }
      }
    }
    f = g;
  }
  let end = f[k * 2] <= f[k * 2 + 1] ? k * 2 : k * 2 + 1;
  const cost = f[end];
  const slots: number[] = [];
  for (let s = S; s > 0 && cost < Infinity; s--) {
    const prev = from[s * W + end];
    if (prev >> 1 !== end >> 1) slots.push(s - 1);
    end = prev;
  }
  slots.reverse();
  return { cost, slots };
}

/**
 * Agenda pricing: an assignment of p's meetings (`mine`) to distinct allowed slots minimising
 * idle(slots) − Σ_j price[j·S + slot_j], by a DP over the slots in order whose state is the set
 * of meetings placed so far and whether the previous slot was busy. O(S·2^k·k).
 */
export function cheapestAgenda(model: Model, p: number, mine: number[], price: Float64Array): { cost: number; agenda: number[] } {
  const { S, avail, allowed } = model;
  const k = mine.length;
  const breaks = model.idleMeasure === 'breaks';
  const full = (1 << k) - 1;
  const W = 2 << k; // state: mask·2 + prevBusy
  const pop = new Uint8Array(1 << k);
  for (let mask = 1; mask <= full; mask++) pop[mask] = pop[mask >> 1] + (mask & 1);
  let f = new Float64Array(W).fill(Infinity);
  f[0] = 0;
  const from = new Int32Array((S + 1) * W).fill(-1);
  for (let s = 0; s < S; s++) {
    const g = new Float64Array(W).fill(Infinity);
    const here: number[] = [];
    for (let j = 0; j < k; j++) if (allowed[mine[j] * S + s]) here.push(j);
    const idleHere = !breaks && avail[p * S + s] === 1;
    for (let st = 0; st < W; st++) {
      const v = f[st];
      if (v === Infinity) continue;
      const mask = st >> 1;
      const c = pop[mask];
      const idle = v + (idleHere && c > 0 && c < k ? 1 : 0);
      if (idle < g[mask << 1]) {
        g[mask << 1] = idle;
        from[(s + 1) * W + (mask << 1)] = st;
      }
      if (c === k) continue;
      const step = v + (breaks && c > 0 && (st & 1) === 0 ? 1 : 0);
      for (const j of here) {
        if (mask & (1 << j)) continue;
        const to = ((mask | (1 << j)) << 1) | 1;
        const cost = step - price[j * S + s];
        if (cost < g[to]) {
          g[to] = cost;
          from[(s + 1) * W + to] = st;
        }
      }
    }
    f = g;
  }
  let end = f[full << 1] <= f[(full << 1) | 1] ? full << 1 : (full << 1) | 1;
  const cost = f[end];
  const agenda = new Array<number>(k).fill(-1);
  for (let s = S; s > 0 && cost < Infinity; s--) {
    const prev = from[s * W + end];
    const added = (end >> 1) & ~(prev >> 1);
    if (added) agenda[31 - Math.clz32(added)] = s - 1;
    end = prev;
  }
  return { cost, agenda };
}
