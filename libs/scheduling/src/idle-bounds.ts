import { isPlaceable, Model } from './model';

/**
 * Lower bound on idle time that holds for every schedule placing *all* placeable meetings (so
 * at maximum weight when that weight is the total): each participant's meetings must fit in
 * the span between its first and last meeting, so its idle time is at least the least, over
 * the windows of slots its meetings fit into (a slot–meeting matching, `parallel` per slot),
 * of what that window forces — holes: its available slots minus its meetings; breaks: the
 * blocks of slots strictly inside the window where none of its meetings may sit. Tables and the other
 * participants are relaxed, so the sum over participants is a valid bound.
 */
export function allPlacedIdleLowerBound(model: Model): number {
  const { S, P, avail, parallel, allowed } = model;
  let total = 0;
  for (let p = 0; p < P; p++) {
    const mine = [...model.meetingsOf[p]].filter((m) => isPlaceable(model, m));
    if (mine.length < 2) continue;
    let best = Infinity;
    for (let a = 0; a < S && best > 0; a++) {
      for (let b = a; b < S; b++) {
        let availCount = 0;
        for (let s = a; s <= b; s++) availCount += avail[p * S + s];
        if (availCount * parallel[p] < mine.length) continue;
        if (!fits(mine, allowed, S, a, b, parallel[p])) continue;
        const forced = model.idleMeasure === 'breaks' ? unusableBlocks(mine, allowed, S, a, b) : Math.max(0, availCount - mine.length);
        best = Math.min(best, forced);
        break; // a wider window from the same start forces at least as much
      }
    }
    if (Number.isFinite(best)) total += best;
  }
  return total;
}

/** Blocks of slots strictly inside a..b where none of the meetings may sit: each splits the day. */
function unusableBlocks(meetings: number[], allowed: Uint8Array, S: number, a: number, b: number): number {
  const usable = (s: number) => meetings.some((m) => allowed[m * S + s]);
  let blocks = 0;
  for (let s = a + 1; s < b; s++) if (!usable(s) && usable(s - 1)) blocks++;
  return blocks;
}

/** Can every meeting take its own place in slots a..b (capacity `cap` per slot)? Augmenting paths. */
function fits(meetings: number[], allowed: Uint8Array, S: number, a: number, b: number, cap: number): boolean {
  const width = b - a + 1;
  const holders: number[][] = Array.from({ length: width }, () => []);
  const seen = new Int32Array(width);
  let stamp = 0;
  const place = (k: number): boolean => {
    const m = meetings[k];
    for (let s = a; s <= b; s++) {
      if (!allowed[m * S + s] || seen[s - a] === stamp) continue;
      seen[s - a] = stamp;
      const here = holders[s - a];
      if (here.length < cap) {
        here.push(k);
        return true;
      }
      for (let i = 0; i < here.length; i++) {
        const other = here[i];
        if (place(other)) {
          here[i] = k;
          return true;
        }
      }
    }
    return false;
  };
  for (let k = 0; k < meetings.length; k++) {
    stamp++;
    if (!place(k)) return false;
  }
  return true;
}
