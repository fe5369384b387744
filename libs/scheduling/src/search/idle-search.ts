import { SearchContext, WEIGHT_EPS } from './context';

// Move mix of the idle search (cumulative thresholds on one random draw), tuned on Jornada-size
// instances: targeted hole repairs dominate; whole-slot moves are rarely feasible but cheap
// escapes; random moves keep the walk from cycling.
const SLOT_SWAP_SHARE = 0.005;
const SLOT_ROTATE_SHARE = 0.01;
const MIX_RANDOM = 0.1;
const MIX_SWAPIN = 0.25;

/**
 * Weight-neutral simulated annealing on holes. Moves: put a meeting of a participant with
 * holes into one of its holes (or any meeting into any slot), resolving clashes with a
 * two-slot Kempe chain, so counts per slot and per participant never change. The best
 * schedule seen is restored at the end.
 */
export function improveIdle(ctx: SearchContext): void {
  const { model, state } = ctx;
  const P = model.P;
  let total = 0;
  for (let p = 0; p < P; p++) {
    ctx.idle[p] = state.idleOf(p);
    total += ctx.idle[p];
  }
  ctx.totalIdle = total;
  const budget = ctx.idleMoves;
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
  const phaseEnd = ctx.clockEndsPhases ? ctx.started + 0.93 * (ctx.deadline - ctx.started) : Infinity;
  let timeFraction = 0;
  for (let it = 0; it < budget; it++) {
    if ((it & 255) === 0) {
      const now = performance.now();
      if (ctx.timeUp() || now > phaseEnd) break;
      // When the clock, not the budget, will end the phase, cool on the clock's schedule so
      // the search still ends cold. A run that finishes its budget in time never gets here
      // ahead of its iteration count, so it stays reproducible.
      timeFraction = phaseEnd > phaseStart ? (now - phaseStart) / (phaseEnd - phaseStart) : 1;
      ctx.report('holes', 50 + (50 * it) / budget);
    }
    if (bestHoles <= ctx.bounds.idleLowerBound) break;
    // Long without a new best: the remaining budget would be wasted (big, easy instances).
    if (it - lastBestAt > Math.max(300_000, 60 * model.M)) break;
    ctx.temperature = t0 * Math.pow(t1 / t0, Math.min(1, Math.max(it / budget, timeFraction)));
    if ((it & 1023) === 0 || holey.length === 0) {
      holey = [];
      // Participants with more holes are picked proportionally more often.
      for (let p = 0; p < P; p++) for (let k = 0; k < ctx.idle[p]; k++) holey.push(p);
      if (holey.length === 0) break;
    }
    const r = ctx.rng.next();
    if (r < SLOT_SWAP_SHARE) {
      swapSlots(ctx, ctx.rng.int(model.S), ctx.rng.int(model.S));
    } else if (r < SLOT_SWAP_SHARE + SLOT_ROTATE_SHARE) {
      rotateSlots(ctx, ctx.rng.int(model.S), ctx.rng.int(model.S));
    } else if (r < MIX_RANDOM) {
      const m = ctx.rng.int(model.M);
      if (state.slotOf[m] >= 0) chainMove(ctx, m, ctx.rng.int(model.S));
    } else {
      const p = holey[ctx.rng.int(holey.length)];
      if (ctx.idle[p] > 0) {
        if (r < MIX_SWAPIN) swapIn(ctx, p);
        else fixHoleOf(ctx, p);
      }
    }
    if (state.weight > bestWeight + WEIGHT_EPS || (state.weight > bestWeight - WEIGHT_EPS && ctx.totalIdle < bestHoles)) {
      bestWeight = state.weight;
      bestHoles = ctx.totalIdle;
      best = Int32Array.from(state.slotOf);
      lastBestAt = it;
    }
  }
  state.logging = false;
  state.commit();
  if (bestWeight > state.weight + WEIGHT_EPS || bestHoles < ctx.totalIdle) ctx.restore(best);
}

/** The slots where p is available and idle between its first and last meeting. */
function holesOf(ctx: SearchContext, p: number, [first, last] = ctx.span(p)): number[] {
  const { model, state } = ctx;
  const S = model.S;
  const holes: number[] = [];
  for (let s = first + 1; s < last; s++) if (model.avail[p * S + s] && state.load[p * S + s] === 0) holes.push(s);
  return holes;
}

/**
 * Fills a hole of p with one of p's unscheduled meetings, making room by dropping a meeting
 * that is no heavier (so weight never falls): among equally heavy meetings, the ones that
 * fit the agendas best should be the ones scheduled.
 */
export function swapIn(ctx: SearchContext, p: number): void {
  const { model, state } = ctx;
  const S = model.S;
  const holeSlots = holesOf(ctx, p);
  if (holeSlots.length === 0) return;
  const h = holeSlots[ctx.rng.int(holeSlots.length)];
  const options: number[] = [];
  for (const u of model.meetingsOf[p]) {
    if (state.slotOf[u] >= 0 || !ctx.placeable[u] || model.pinSlot[u] >= 0) continue;
    if (model.allowed[u * S + h]) options.push(u);
  }
  if (options.length === 0) return;
  const u = options[ctx.rng.int(options.length)];
  const q = model.pa[u] === p ? model.pb[u] : model.pa[u];
  const wu = model.weight[u];
  let e = -1;
  const rt = model.resTable[u];
  if (rt >= 0 && state.reserved[rt * S + h] >= 0) e = state.reserved[rt * S + h];
  else if (state.load[q * S + h] >= model.parallel[q]) e = ctx.cheapestOf(q, h);
  else if (state.count[p] >= model.maxMeetings[p]) e = ctx.cheapestOf(p, -1);
  else if (state.count[q] >= model.maxMeetings[q]) e = ctx.cheapestOf(q, -1);
  else if (state.slotCount[h] >= model.T) e = ctx.cheapSlotMember(h);
  const mark = state.mark();
  const touched = [p, q];
  if (e >= 0) {
    if (!ctx.movable(e) || model.weight[e] > wu + WEIGHT_EPS) return;
    state.unplace(e);
    if (!ctx.canDrop(e)) {
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
  const delta = idleDelta(ctx, touched);
  if (gained || ctx.accept(delta)) {
    acceptIdle(ctx, touched);
    state.commit();
    return;
  }
  state.rollback(mark);
  state.commit();
}

/** Exchanges the whole contents of two slots (a reordering of the day), when everyone can. */
export function swapSlots(ctx: SearchContext, s1: number, s2: number): void {
  if (s1 === s2) return;
  const S = ctx.model.S;
  const target = new Int32Array(S);
  for (let k = 0; k < S; k++) target[k] = k;
  target[s1] = s2;
  target[s2] = s1;
  permuteSlots(ctx, Math.min(s1, s2), Math.max(s1, s2), target);
}

/** Moves the contents of slot `from` to slot `to`, shifting the slots in between by one. */
export function rotateSlots(ctx: SearchContext, from: number, to: number): void {
  if (from === to) return;
  const S = ctx.model.S;
  const target = new Int32Array(S);
  for (let k = 0; k < S; k++) target[k] = k;
  target[from] = to;
  if (from < to) for (let k = from + 1; k <= to; k++) target[k] = k - 1;
  else for (let k = to; k < from; k++) target[k] = k + 1;
  permuteSlots(ctx, Math.min(from, to), Math.max(from, to), target);
}

/**
 * Applies a permutation of whole slots within [lo, hi] (each slot's meetings move together,
 * so tables and counts stay valid) if every participant involved is available where its
 * meetings land; kept under the annealing rule.
 */
export function permuteSlots(ctx: SearchContext, lo: number, hi: number, target: Int32Array): void {
  const { model, state } = ctx;
  const S = model.S;
  const T = model.T;
  const moved: number[][] = [];
  const stamp = ++ctx.chainStamp;
  const parts: number[] = [];
  for (let k = lo; k <= hi; k++) {
    const list = Array.from(state.members.subarray(k * T, k * T + state.slotCount[k]));
    moved.push(list);
    if (target[k] === k) continue;
    for (const m of list) {
      if (model.pinSlot[m] >= 0) return;
      const a = model.pa[m];
      const b = model.pb[m];
      if (!model.allowed[m * S + target[k]]) return;
      for (const p of [a, b]) {
        if (ctx.partMark[p] !== stamp) {
          ctx.partMark[p] = stamp;
          parts.push(p);
        }
      }
    }
  }
  const mark = state.mark();
  for (const list of moved) for (const m of list) state.unplace(m);
  for (let k = lo; k <= hi; k++) for (const m of moved[k - lo]) state.place(m, target[k]);
  let delta = 0;
  for (const p of parts) delta += state.idleOf(p) - ctx.idle[p];
  if (ctx.accept(delta)) {
    for (const p of parts) {
      const h = state.idleOf(p);
      ctx.totalIdle += h - ctx.idle[p];
      ctx.idle[p] = h;
    }
    state.commit();
    return;
  }
  state.rollback(mark);
  state.commit();
}

export function fixHoleOf(ctx: SearchContext, p: number): void {
  const { model, state } = ctx;
  const [first, last] = ctx.span(p);
  const holeSlots = holesOf(ctx, p, [first, last]);
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
  const pool = edge.length > 0 && ctx.rng.next() < 0.7 ? edge : mine;
  const m = pool[ctx.rng.int(pool.length)];
  chainMove(ctx, m, holeSlots[ctx.rng.int(holeSlots.length)]);
}

/**
 * Moves m to slot h. Whatever then overflows in h (a busy participant, a reserved table, a
 * full room) is sent back to m's old slot, and so on alternately — counts per slot are kept.
 */
export function chainMove(ctx: SearchContext, m: number, h: number): number {
  const { model, state } = ctx;
  const S = model.S;
  const s0 = state.slotOf[m];
  if (s0 === h || model.pinSlot[m] >= 0) return Infinity;
  if (!model.allowed[m * S + h]) return Infinity;
  const stamp = ++ctx.chainStamp;
  const touched: number[] = [];
  const mark = state.mark();
  state.unplace(m);
  let pending = m;
  let target = h;
  let other = s0;
  let ok = false;
  for (let step = 0; step < 24; step++) {
    ctx.chainMark[pending] = stamp;
    touched.push(model.pa[pending], model.pb[pending]);
    if (state.canPlace(pending, target)) {
      state.place(pending, target);
      ok = true;
      break;
    }
    const f = chainBlocker(ctx, pending, target, other, stamp);
    if (f < 0) break;
    state.unplace(f);
    if (!state.canPlace(pending, target)) break;
    state.place(pending, target);
    pending = f;
    const t = target;
    target = other;
    other = t;
  }
  const delta = ok ? idleDelta(ctx, touched) : Infinity;
  if (ok && ctx.accept(delta)) {
    acceptIdle(ctx, touched);
    state.commit();
    return delta;
  }
  state.rollback(mark);
  state.commit();
  return delta;
}

/** The meeting of slot `at` that must make way for `pending`, if it can go to `to`. */
export function chainBlocker(ctx: SearchContext, pending: number, at: number, to: number, stamp: number): number {
  const { model, state } = ctx;
  const S = model.S;
  const a = model.pa[pending];
  const b = model.pb[pending];
  const rt = model.resTable[pending];
  if (rt >= 0 && state.reserved[rt * S + at] >= 0) {
    const e = state.reserved[rt * S + at];
    return chainFits(ctx, e, to, stamp) ? e : -1;
  }
  const busyA = state.load[a * S + at] >= model.parallel[a];
  const busyB = state.load[b * S + at] >= model.parallel[b];
  if (busyA && busyB) {
    // One meeting between the same two participants frees both at once.
    for (const e of model.meetingsOf[a]) {
      if (state.slotOf[e] === at && (model.pa[e] === b || model.pb[e] === b) && chainFits(ctx, e, to, stamp)) return e;
    }
    return -1;
  }
  if (busyA || busyB) {
    const q = busyA ? a : b;
    let pick = -1;
    let seen = 0;
    for (const e of model.meetingsOf[q]) {
      if (state.slotOf[e] !== at || !chainFits(ctx, e, to, stamp)) continue;
      const r = model.pa[e] === q ? model.pb[e] : model.pa[e];
      if (state.load[r * S + to] < model.parallel[r] && ctx.rng.next() < 0.7) return e;
      seen++;
      if (ctx.rng.int(seen) === 0) pick = e;
    }
    return pick;
  }
  if (state.slotCount[at] >= model.T) {
    const n = state.slotCount[at];
    let pick = -1;
    for (let i = 0; i < 6; i++) {
      const e = state.members[at * model.T + ctx.rng.int(n)];
      if (!chainFits(ctx, e, to, stamp)) continue;
      pick = e;
      const x = model.pa[e];
      const y = model.pb[e];
      if (state.load[x * S + to] < model.parallel[x] && state.load[y * S + to] < model.parallel[y]) return e;
    }
    return pick;
  }
  return -1;
}

export function chainFits(ctx: SearchContext, e: number, to: number, stamp: number): boolean {
  if (e < 0 || ctx.chainMark[e] === stamp || !ctx.movable(e)) return false;
  const model = ctx.model;
  const S = model.S;
  return model.allowed[e * S + to] === 1;
}

export function idleDelta(ctx: SearchContext, parts: number[]): number {
  let d = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (parts.indexOf(p) !== i) continue;
    d += ctx.state.idleOf(p) - ctx.idle[p];
  }
  return d;
}

export function acceptIdle(ctx: SearchContext, parts: number[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const h = ctx.state.idleOf(p);
    ctx.totalIdle += h - ctx.idle[p];
    ctx.idle[p] = h;
  }
}
