// Jornada at a fixed work budget: `npx tsx bench/scheduling/jornada-budget.ts [seeds] [limitMs]`.
// With no limit the solve runs on its work budget only (budget 1), so weight and holes are the
// same on any machine and only the seconds depend on speed and load: run it in a worktree of an
// older commit and in this one, one after the other, to tell a regression of the search from a
// loaded machine. With a limit (ms) it runs anytime, like the server. One JSON line per seed.
import { loadavg } from 'node:os';
import { generateInstance, solve, SolveOptions } from '@rueda/scheduling';

const seeds = (process.argv[2] ?? '1,2,3,4,5').split(',').map(Number);
const limitMs = Number(process.argv[3] ?? 0);

async function main(): Promise<void> {
  for (const seed of seeds) {
    const instance = generateInstance({ gadms: 221, cooperants: 80, meetings: 2500, slots: 24, tables: 60, seed });
    // `effort` is how commits before the solver split named the budget.
    const options = limitMs > 0 ? { seed: 1, timeLimitMs: limitMs } : { seed: 1, budget: 1, effort: 1, timeLimitMs: 1e9 };
    const started = performance.now();
    const s = await solve(instance, options as SolveOptions);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      JSON.stringify({
        seed,
        limitMs,
        weight: s.stats.weight,
        bound: s.bounds.weightUpperBound,
        holes: s.stats.holes,
        holesPerParticipant: +(s.stats.holes / instance.participants.length).toFixed(3),
        seconds: +seconds.toFixed(2),
        load: +loadavg()[0].toFixed(1),
      }),
    );
  }
}

void main();
