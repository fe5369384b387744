import { solve } from './index';
import { smallInstance } from './testing/small-instances';

// Small instances (≤ 60 meetings) whose weight meets its bound: restarts from other seeds go on
// while idle time is above its proven bound (issue 13). Budget-based: the same on any machine.
describe('idle restarts on small instances', () => {
  // Before, the first seed's 1 hole was left to clasp (no improvement in 50,000 conflicts) and
  // the MIP (0 holes after ~5 s).
  it('seed 39: the restarts reach the idle bound (0 holes) without the exact phase', async () => {
    const schedule = await solve(smallInstance(39), { seed: 39, budget: 1, exact: false });
    expect(schedule.stats.holes).toBe(0);
    expect(schedule.bounds.optimal).toBe(true);
  });
});
