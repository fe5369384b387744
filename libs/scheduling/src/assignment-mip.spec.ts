import { generateDenseInstance, measureSchedule, solve, validateSchedule } from './index';

describe('assignment MIP (every placeable meeting placed: idle time only)', () => {
  it('proves the least holes of a small dense instance that clasp and the lexicographic MIP leave open at the same budget', async () => {
    // 24 participants, 46 meetings, 8 slots. Before the assignment MIP, budget 0.1 ended with
    // 6 holes and a proven bound of 0 (clasp's 5,000 conflicts and the lexicographic MIP's 200
    // nodes); at budget 1 that pipeline proves the same optimum, 5, in about a minute.
    const inst = generateDenseInstance({ seed: 3, participants: 24, sessions: [4, 4], tables: 6, idleMeasure: 'holes' });
    const s = await solve(inst, { seed: 1, budget: 0.1 });
    expect(validateSchedule(inst, s)).toEqual([]);
    expect(s.unscheduled).toEqual([]);
    expect(s.stats.holes).toBe(5);
    expect(measureSchedule(inst, s.assignments).holes).toBe(5);
    expect(s.bounds).toMatchObject({ idleLowerBound: 5, idleGap: 0, optimal: true });
  }, 120_000);
});
