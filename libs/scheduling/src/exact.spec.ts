import { computeBounds, generateInstance, solve, validateSchedule } from './index';
import { Rng } from './rng';
import { mipOptimum } from './testing/mip-oracle';

/** Small instances of varied shape: tight tables, tight agendas, pins, fixed tables, GADM–GADM meetings. */
function smallInstance(seed: number) {
  const r = new Rng(seed * 7919 + 1);
  const participants = 6 + r.int(20); // 6..25
  const gadms = Math.max(1, Math.round(participants * (0.5 + r.next() * 0.3)));
  return generateInstance({
    seed,
    gadms,
    cooperants: Math.max(1, participants - gadms),
    meetings: 8 + r.int(53), // ..60
    slots: 2 + r.int(6),
    tables: 1 + r.int(6),
    unavailableShare: 0.3,
    maxMeetingsShare: 0.3,
    fixedTableShare: 0.3,
    pins: r.int(4),
    sameKindShare: 0.1,
  });
}

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
