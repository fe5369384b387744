import { SearchContext, WEIGHT_EPS } from './context';

/**
 * Ejection chains: an unscheduled meeting takes a slot by pushing out what blocks it (a
 * participant's meeting, the cheapest meeting when tables are full, or a meeting that
 * reserved the same table); pushed meetings try to move elsewhere, recursively, or are dropped.
 * A chain is kept only if it gains weight.
 */
export function improveWeight(ctx: SearchContext): void {
  const { model, state } = ctx;
  if (ctx.atBound()) return;
  state.logging = true;
  let depth = 1;
  const maxDepth = 3;
  const maxPasses = 12;
  // Work budget (not the clock) bounds this phase so that results are reproducible; the
  // clock only cuts it short on slow machines.
  const nodeBudget = ctx.weightNodes;
  const phaseDeadline = ctx.clockEndsPhases ? ctx.started + 0.3 * (ctx.deadline - ctx.started) : Infinity;
  let outOfBudget = false;
  for (let pass = 0; pass < maxPasses && depth <= maxDepth && !outOfBudget; pass++) {
    let improved = 0;
    const list = ctx.byWeight(ctx.unscheduled());
    for (let i = 0; i < list.length; i++) {
      const m = list[i];
      if (ctx.totalNodes > nodeBudget) {
        outOfBudget = true;
        break;
      }
      if ((i & 63) === 0) {
        if (ctx.timeUp() || performance.now() > phaseDeadline) {
          outOfBudget = true;
          break;
        }
        ctx.report('weight', 10 + (40 * (pass + i / list.length)) / maxPasses);
      }
      if (state.slotOf[m] >= 0) continue;
      if (ctx.atBound()) break;
      ctx.nodes = 0;
      ctx.nodeLimit = 40 * depth * depth;
      const before = state.weight;
      const loss = attemptPlace(ctx, m, depth, model.weight[m]);
      ctx.totalNodes += ctx.nodes;
      if (loss >= 0 && state.weight > before + WEIGHT_EPS) improved++;
      state.commit();
    }
    if (ctx.timedOut || ctx.atBound()) break;
    if (improved === 0) depth++;
  }
  state.logging = false;
  state.commit();
}

/**
 * Places m (unscheduled) possibly displacing others; returns the weight dropped on the way
 * (always < allowedLoss) or -1, in which case the state is as before.
 */
export function attemptPlace(ctx: SearchContext, m: number, depth: number, allowedLoss: number): number {
  const { model, state } = ctx;
  ctx.nodes++;
  const direct = ctx.bestDirectSlot(m);
  if (direct >= 0) {
    state.place(m, direct);
    return 0;
  }
  if (kempeInsert(ctx, m, depth === 0 ? 2 : 4)) return 0;
  if (depth === 0 || ctx.nodes > ctx.nodeLimit) return -1;
  const S = model.S;
  const a = model.pa[m];
  const b = model.pb[m];
  // Cheapest-looking slots first: the weight of what would have to leave is a good predictor.
  const slots: number[] = [];
  const cost = new Map<number, number>();
  for (let s = 0; s < S; s++) {
    if (!model.allowed[m * S + s]) continue;
    let c = ctx.rng.next() * 0.5;
    if (state.load[a * S + s] >= model.parallel[a]) c += ctx.lightestWeight(a, s);
    if (b !== a && state.load[b * S + s] >= model.parallel[b]) c += ctx.lightestWeight(b, s);
    if (c >= allowedLoss + 1e6) continue;
    slots.push(s);
    cost.set(s, c);
  }
  slots.sort((x, y) => cost.get(x)! - cost.get(y)!);
  ctx.locked[m] = 1;
  for (const s of slots) {
    if (ctx.nodes > ctx.nodeLimit) break;
    const mark = state.mark();
    const room = makeRoom(ctx, m, s, allowedLoss);
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
      const r = attemptPlace(ctx, e, depth - 1, Math.min(model.weight[e], remaining));
      if (r >= 0) loss += r;
      else if (ctx.canDrop(e)) loss += model.weight[e];
      else ok = false;
      if (!ok || loss >= allowedLoss - WEIGHT_EPS) {
        ok = false;
        break;
      }
    }
    if (ok) {
      ctx.locked[m] = 0;
      return loss;
    }
    state.rollback(mark);
  }
  ctx.locked[m] = 0;
  return -1;
}

/** Removes what stops m from entering s; null if something immovable is in the way. */
export function makeRoom(ctx: SearchContext, m: number, s: number, allowedLoss: number): { relocate: number[]; dropped: number } | null {
  const { model, state } = ctx;
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
    else if (state.load[a * S + s] >= model.parallel[a]) victim = ctx.cheapestOf(a, s);
    else if (state.load[b * S + s] >= model.parallel[b]) victim = ctx.cheapestOf(b, s);
    else if (state.count[a] >= model.maxMeetings[a]) {
      victim = ctx.cheapestOf(a, -1);
      drop = true;
    } else if (state.count[b] >= model.maxMeetings[b]) {
      victim = ctx.cheapestOf(b, -1);
      drop = true;
    } else if (state.slotCount[s] >= model.T) victim = ctx.cheapSlotMember(s);
    else return null;
    if (!ctx.movable(victim)) return null;
    state.unplace(victim);
    if (drop) {
      if (!ctx.canDrop(victim)) return null;
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
export function kempeInsert(ctx: SearchContext, m: number, tries: number): boolean {
  const { model, state } = ctx;
  const S = model.S;
  const a = model.pa[m];
  const b = model.pb[m];
  const alphas: number[] = [];
  for (let s = 0; s < S; s++) {
    if (!model.allowed[m * S + s]) continue;
    const busyA = state.load[a * S + s] >= model.parallel[a];
    const busyB = state.load[b * S + s] >= model.parallel[b];
    if (busyA !== busyB) alphas.push(s);
  }
  if (alphas.length === 0) return false;
  for (let t = 0; t < tries; t++) {
    ctx.nodes++;
    const alpha = alphas[ctx.rng.int(alphas.length)];
    const x = state.load[a * S + alpha] >= model.parallel[a] ? a : b;
    const betas: number[] = [];
    for (let s = 0; s < S; s++) if (s !== alpha && model.avail[x * S + s] && state.load[x * S + s] < model.parallel[x]) betas.push(s);
    if (betas.length === 0) return false;
    const beta = betas[ctx.rng.int(betas.length)];
    const mark = state.mark();
    if (kempeChain(ctx, m, alpha, beta, x)) return true;
    state.rollback(mark);
  }
  return false;
}

export function kempeChain(ctx: SearchContext, m: number, alpha: number, beta: number, x: number): boolean {
  const { model, state } = ctx;
  const S = model.S;
  const stamp = ++ctx.chainStamp;
  let pending = m;
  let target = alpha;
  let other = beta;
  let q = x;
  for (let step = 0; step < 2 * model.P + 4; step++) {
    const f = chainPick(ctx, q, target, other, stamp);
    if (f < 0) return false;
    state.unplace(f);
    if (!state.canPlace(pending, target)) return false;
    state.place(pending, target);
    ctx.chainMark[pending] = stamp;
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
export function chainPick(ctx: SearchContext, q: number, from: number, to: number, stamp: number): number {
  const { model, state } = ctx;
  const S = model.S;
  let fallback = -1;
  let seen = 0;
  for (const e of model.meetingsOf[q]) {
    if (state.slotOf[e] !== from || ctx.chainMark[e] === stamp || !ctx.movable(e)) continue;
    const r = q === model.pa[e] ? model.pb[e] : model.pa[e];
    if (!model.allowed[e * S + to]) continue;
    const rt = model.resTable[e];
    if (rt >= 0 && state.reserved[rt * S + to] >= 0) continue;
    if (state.load[r * S + to] < model.parallel[r]) return e;
    seen++;
    if (ctx.rng.int(seen) === 0) fallback = e;
  }
  return fallback;
}
