import { isPlaceable, Model } from './model';

/**
 * Lower bound on idle time that holds for every schedule placing *all* placeable meetings (so
 * at maximum weight when that weight is the total): each participant's meetings must fit in
 * the span between its first and last meeting, so its idle time is at least the least, over
 * the windows of slots its meetings fit into (a slot–meeting matching, `parallel` per slot),
 * of what that window forces — holes: its available slots minus its meetings; breaks: the
 * runs of usable slots it must use, minus one (see forcedBreaks). Tables and the other
 * participants are relaxed, so the sum over participants is a valid bound.
 */
export function allPlacedIdleLowerBound(model: Model): number {
  return allPlacedIdleLowerBounds(model).reduce((a, b) => a + b, 0);
}

/** The same bound per participant (the all-placed MIP uses each as a cut on that participant's idle time). */
export function allPlacedIdleLowerBounds(model: Model): Int32Array {
  const { S, P, avail, parallel, allowed } = model;
  const bounds = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    const mine = [...model.meetingsOf[p]].filter((m) => isPlaceable(model, m));
    if (mine.length < 2) continue;
    const usable = (s: number) => avail[p * S + s] === 1 && mine.some((m) => allowed[m * S + s] === 1);
    let best = Infinity;
    // The window is the span [first, last] of the participant's meetings: both ends hold one.
    for (let a = 0; a < S && best > 0; a++) {
      if (!usable(a)) continue;
      let fitted = false;
      for (let b = a; b < S; b++) {
        if (!usable(b)) continue;
        let availCount = 0;
        for (let s = a; s <= b; s++) availCount += avail[p * S + s];
        if (availCount * parallel[p] < mine.length) continue;
        // A wider window from the same start fits whenever a narrower one does.
        if (!fitted && !fits(mine, allowed, S, a, b, parallel[p])) continue;
        fitted = true;
        if (model.idleMeasure === 'breaks') {
          best = Math.min(best, forcedBreaks(usable, a, b, mine.length, parallel[p]));
        } else {
          best = Math.min(best, Math.max(0, availCount - mine.length));
          break; // holes only grow with the window
        }
      }
    }
    if (Number.isFinite(best)) bounds[p] = best;
  }
  return bounds;
}

/**
 * Least breaks in the window a..b with both ends busy: the busy slots lie in maximal runs of
 * usable slots (segments); the first and the last segment are used, and enough others to hold
 * every meeting (by capacity, largest first). Empty segments in between merge into one wait,
 * so only the segments used count (counting every unusable block would overstate it).
 */
function forcedBreaks(usable: (s: number) => boolean, a: number, b: number, meetings: number, cap: number): number {
  const segments: number[] = [];
  for (let s = a; s <= b; s++) {
    if (!usable(s)) continue;
    if (s === a || !usable(s - 1)) segments.push(0);
    segments[segments.length - 1] += cap;
  }
  if (segments.length === 1) return 0;
  let held = segments[0] + segments[segments.length - 1];
  const middle = segments.slice(1, -1).sort((x, y) => y - x);
  let used = 2;
  for (const c of middle) {
    if (held >= meetings) break;
    held += c;
    used++;
  }
  return used - 1;
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
