import { SearchContext } from './context';
import { attemptPlace, kempeInsert } from './weight-search';

export function construct(ctx: SearchContext): void {
  const { model, state } = ctx;
  for (let m = 0; m < model.M; m++) if (model.pinSlot[m] >= 0) state.place(m, model.pinSlot[m]);

  const minPer = Math.max(0, Math.floor(ctx.options.minMeetingsPerGadm ?? 0));
  if (minPer > 0) guaranteeMinimum(ctx, minPer);

  // The relaxation already chose a near-optimal set of meetings ignoring slots; place that set
  // first (repairing slot clashes with Kempe chains), then fill with the rest by weight.
  const guide = ctx.guide;
  const all = ctx.byWeight(ctx.unscheduled());
  const first = guide ? all.filter((m) => guide[m] > 0.99) : all;
  const rest = guide ? all.filter((m) => guide[m] <= 0.99) : [];
  if (ctx.options.construction !== 'greedy') sweep(ctx, first);
  state.logging = true;
  for (const list of [first, rest]) {
    for (const m of list) {
      if (state.slotOf[m] >= 0) continue;
      const s = ctx.bestDirectSlot(m);
      if (s >= 0) state.place(m, s);
      else if (list === first) kempeInsert(ctx, m, 6);
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
export function sweep(ctx: SearchContext, list: number[]): void {
  const { model, state } = ctx;
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
      if (!model.allowed[m * S + s]) continue;
      let sc = model.weight[m] * 0.01 + ctx.rng.next() * 0.01;
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
export function guaranteeMinimum(ctx: SearchContext, minPer: number): void {
  const { model, state } = ctx;
  const gadms: number[] = [];
  for (let p = 0; p < model.P; p++) {
    if (model.isGadm[p] && model.meetingsOf[p].some((m) => ctx.placeable[m])) gadms.push(p);
  }
  state.logging = true;
  for (let r = 1; r <= minPer; r++) {
    const order = ctx.rng.shuffle(gadms.slice());
    const options = new Map(order.map((g) => [g, model.meetingsOf[g].filter((m) => ctx.placeable[m]).length]));
    order.sort((x, y) => state.count[x] - state.count[y] || options.get(x)! - options.get(y)!);
    for (const g of order) {
      if (state.count[g] >= r) continue;
      const candidates = ctx.byWeight(Array.from(model.meetingsOf[g]).filter((m) => ctx.placeable[m] && state.slotOf[m] < 0));
      for (const m of candidates) {
        const s = ctx.bestDirectSlot(m);
        if (s >= 0) {
          state.place(m, s);
          break;
        }
        ctx.nodes = 0;
        ctx.nodeLimit = 200;
        if (attemptPlace(ctx, m, 2, Infinity) >= 0) break;
      }
      ctx.floor[g] = Math.min(r, state.count[g]);
      state.commit();
    }
  }
  state.logging = false;
  state.commit();
}
