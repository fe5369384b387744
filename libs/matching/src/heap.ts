/**
 * Fixed-capacity "keep the k best" heap over (score, index) with no allocation per push.
 * Order: higher score first; on equal score the lower index wins, so results are deterministic
 * and identical whichever order candidates arrive in (the pruned and brute-force searches
 * must agree exactly).
 */
export class TopKHeap {
  readonly scores: Float64Array;
  readonly items: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(Math.max(1, capacity));
    this.items = new Int32Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** Score of the weakest kept entry (-Infinity until full). */
  get worst(): number {
    return this.size >= this.capacity ? this.scores[0] : -Infinity;
  }

  // "a is worse than b": the root of this min-heap is the worst kept entry.
  private worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  push(score: number, item: number): void {
    if (this.capacity <= 0) return;
    const s = this.scores;
    const it = this.items;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(score, item, s[p], it[p])) break;
        s[i] = s[p];
        it[i] = it[p];
        i = p;
      }
      s[i] = score;
      it[i] = item;
      return;
    }
    if (!this.worse(s[0], it[0], score, item)) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.worse(s[r], it[r], s[l], it[l])) c = r;
      if (!this.worse(s[c], it[c], score, item)) break;
      s[i] = s[c];
      it[i] = it[c];
      i = c;
    }
    s[i] = score;
    it[i] = item;
  }

  /** Writes the kept entries best-first into the given arrays at `offset`; returns the count. */
  drainSorted(outItems: Int32Array, outScores: Float64Array, offset: number): number {
    const n = this.size;
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => this.scores[b] - this.scores[a] || this.items[a] - this.items[b]);
    for (let j = 0; j < n; j++) {
      outItems[offset + j] = this.items[order[j]];
      outScores[offset + j] = this.scores[order[j]];
    }
    this.size = 0;
    return n;
  }
}
