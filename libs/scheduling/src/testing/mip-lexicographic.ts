// Benchmark and test yardstick: the lexicographic problem (weight, then idle time) as one MIP
// solved by HiGHS to the end (no node budget), for comparison with the solver's schedules. The
// solver itself runs the same MIP with a node budget on small instances (exact/mip.ts); clasp's
// proofs are independent of it.
import type { ScheduleInstance } from '@rueda/formats';
import { integralScale } from '../exact/engine';
import { loadMipEngine, MipSolution, solveMip } from '../exact/mip';
import { buildModel } from '../model';

export type MipResult = Omit<MipSolution, 'slotOf' | 'nodes' | 'timeLimited'>;

export async function mipLexicographic(instance: ScheduleInstance, timeLimitSeconds: number): Promise<MipResult> {
  const model = buildModel(instance);
  const {
    slotOf: _slots,
    nodes: _nodes,
    timeLimited: _time,
    ...result
  } = solveMip(await loadMipEngine(), model, integralScale(model.weight), {
    nodes: 2 ** 31 - 1,
    timeLimitSeconds,
  });
  return result;
}
