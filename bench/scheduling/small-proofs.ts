// Small instances (≤ 60 meetings, the 60 seeds of exact.spec.ts): does the whole pipeline prove the
// lexicographic optimum, and how fast? `npx tsx bench/scheduling/small-proofs.ts [--seeds N] [--limit S]`
// (default: work budget 1, no clock; with --limit, the anytime mode with that time limit).
import { loadavg } from 'node:os';
import { solve } from '@rueda/scheduling';
import { smallInstance } from '../../libs/scheduling/src/testing/small-instances';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const seeds = arg('--seeds') ?? 60;
const limitS = arg('--limit');

async function main(): Promise<void> {
  await solve(smallInstance(1), { budget: 0.1 }); // load the exact engine outside the timings
  const times: number[] = [];
  const loads: number[] = [];
  let proven = 0;
  let quick = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const instance = smallInstance(seed);
    loads.push(loadavg()[0]);
    const t = performance.now();
    const s = await solve(instance, limitS === undefined ? { seed, budget: 1 } : { seed, timeLimitMs: limitS * 1000 });
    const seconds = (performance.now() - t) / 1000;
    times.push(seconds);
    if (s.bounds.optimal) proven++;
    if (s.bounds.optimal && seconds <= 2) quick++;
    const idle = instance.idleMeasure === 'breaks' ? s.stats.breaks : s.stats.holes;
    if (!s.bounds.optimal || seconds > 2) {
      console.log(
        `seed ${seed}: M=${instance.meetings.length} S=${instance.slots.length} T=${instance.tables.length} weight ${s.stats.weight}/${s.bounds.weightUpperBound} idle ${idle} ≥ ${s.bounds.idleLowerBound} proven ${s.bounds.optimal} ${seconds.toFixed(2)} s`,
      );
    }
  }
  const q = (a: number[], p: number) => a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))];
  console.log(
    `proven ${proven}/${seeds}, proven in ≤ 2 s ${quick}; seconds median ${q(times, 0.5).toFixed(2)} p90 ${q(times, 0.9).toFixed(2)} max ${q(times, 1).toFixed(2)} total ${times.reduce((a, b) => a + b, 0).toFixed(1)}; load median ${q(loads, 0.5).toFixed(1)} max ${q(loads, 1).toFixed(1)}`,
  );
}
void main();
