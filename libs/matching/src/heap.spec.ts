import fc from 'fast-check';
import { TopKHeap } from './heap';

describe('TopKHeap', () => {
  it('keeps exactly the k best (score desc, then lower index) whatever the arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (raw, k) => {
        // Coarse scores force many ties.
        const entries = raw.map((s, i) => ({ s: s / 20, i }));
        const heap = new TopKHeap(k);
        for (const e of entries) heap.push(e.s, e.i);
        const items = new Int32Array(k);
        const scores = new Float64Array(k);
        const n = heap.drainSorted(items, scores, 0);
        const expected = [...entries].sort((a, b) => b.s - a.s || a.i - b.i).slice(0, k);
        expect(n).toBe(expected.length);
        expect(Array.from(items.slice(0, n))).toEqual(expected.map((e) => e.i));
        expect(Array.from(scores.slice(0, n))).toEqual(expected.map((e) => e.s));
      }),
    );
  });

  it('reports the worst kept score only once full', () => {
    const h = new TopKHeap(2);
    h.push(0.5, 0);
    expect(h.worst).toBe(-Infinity);
    h.push(0.7, 1);
    h.push(0.6, 2);
    expect(h.worst).toBe(0.6);
  });
});
