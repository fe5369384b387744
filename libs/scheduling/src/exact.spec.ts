import { computeBounds, solve, validateSchedule } from './index';
import { smallInstance } from './testing/small-instances';
import { mipOptimum } from './testing/mip-oracle';

// The weight (first objective) is reached by the heuristics and the weight branch and bound:
// they are what every instance size relies on, so they are checked alone on all 60 seeds. The
// exact phase (clasp) only ever replaces a schedule by a lexicographically better one; it costs
// seconds per instance (it also proves idle time), so the whole pipeline runs on a sample, and
// its lexicographic proofs are checked against HiGHS in windows-and-idle.spec.ts.
describe('solve is exact on small instances (HiGHS MIP oracle)', () => {
  const seeds = Array.from({ length: Number(process.env.EXACT_SEEDS ?? 60) }, (_, i) => i + 1);
  it.each(seeds)('seed %i: heuristics reach the optimum weight, valid schedule, bound ≥ optimum', async (seed) => {
    const instance = smallInstance(seed);
    expect(instance.participants.length).toBeLessThanOrEqual(25);
    expect(instance.meetings.length).toBeLessThanOrEqual(60);
    const optimum = await mipOptimum(instance);
    const schedule = await solve(instance, { seed, budget: 1, exact: false });
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(schedule.stats.weight).toBeCloseTo(optimum, 6);
    expect(computeBounds(instance).weightUpperBound).toBeGreaterThanOrEqual(optimum - 1e-6);
  });

  // Shapes with 2–5 slots, 8–24 meetings, pins and fixed tables where clasp finishes quickly.
  it.each([7, 9, 10, 12, 16, 23])('seed %i: the whole pipeline keeps the optimum weight and proves it', async (seed) => {
    const instance = smallInstance(seed);
    const optimum = await mipOptimum(instance);
    const schedule = await solve(instance, { seed, budget: 1 });
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(schedule.stats.weight).toBeCloseTo(optimum, 6);
    expect(schedule.bounds.optimal).toBe(true);
    expect(schedule.bounds.weightUpperBound).toBeCloseTo(optimum, 6);
  });

  // Its optimum leaves meetings out (3 slots × 6 tables for 41 meetings): clasp cannot show, in
  // its budget, that no weight-optimal choice of meetings has fewer holes (it was left with
  // 1 hole ≥ 0); the MIP that follows it on small instances (HiGHS, an LP bound) proves it.
  it('seed 20: the MIP phase proves the lexicographic optimum clasp left open', async () => {
    const instance = smallInstance(20);
    const optimum = await mipOptimum(instance);
    const schedule = await solve(instance, { seed: 20, budget: 1 });
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(schedule.stats.weight).toBeCloseTo(optimum, 6);
    expect(schedule.bounds.optimal).toBe(true);
    expect(schedule.stats.holes).toBe(1);
    expect(schedule.bounds.idleLowerBound).toBe(1);
  });
});
