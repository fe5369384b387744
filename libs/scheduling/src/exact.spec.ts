import { computeBounds, solve, validateSchedule } from './index';
import { smallInstance } from './testing/small-instances';
import { mipOptimum } from './testing/mip-oracle';

describe('solve is exact on small instances (HiGHS MIP oracle)', () => {
  const seeds = Array.from({ length: Number(process.env.EXACT_SEEDS ?? 60) }, (_, i) => i + 1);
  it.each(seeds)('seed %i: optimum weight, valid schedule, bound ≥ optimum', async (seed) => {
    const instance = smallInstance(seed);
    expect(instance.participants.length).toBeLessThanOrEqual(25);
    expect(instance.meetings.length).toBeLessThanOrEqual(60);
    const optimum = await mipOptimum(instance);
    const schedule = await solve(instance, { seed, budget: 1 });
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(schedule.stats.weight).toBeCloseTo(optimum, 6);
    expect(computeBounds(instance).weightUpperBound).toBeGreaterThanOrEqual(optimum - 1e-6);
  });
});
