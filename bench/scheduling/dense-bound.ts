// The Dantzig–Wolfe (pattern) idle bound on the dense instances vs the compact MIP's root bound
// and the best schedule: which side of the gap is weak? (docs/benchmarks.md, issue 13)
// `npx tsx bench/scheduling/dense-bound.ts [--quick] [--family 60] [--seed 2] [--measure holes] [--rounds N] [--agenda K] [--interior] [--seconds S] [--master-mip S] [--heuristic-budget B]`
import { loadavg } from 'node:os';
import { buildModel, generateDenseInstance, solve } from '@rueda/scheduling';
import { solveAssignmentMip } from '../../libs/scheduling/src/exact/assignment-mip';
import { loadMipEngine } from '../../libs/scheduling/src/exact/mip';
import { patternIdleLowerBound } from '../../libs/scheduling/src/exact/pattern-bound';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const rounds = Number(arg('--rounds') ?? 1000);
const agendaMeetings = Number(arg('--agenda') ?? 0);
const interior = process.argv.includes('--interior');
const seconds = Number(arg('--seconds') ?? 40);
const masterMipSeconds = Number(arg('--master-mip') ?? 0);
const heuristicBudget = Number(arg('--heuristic-budget') ?? 1);
const dense = [
  { participants: 42, sessions: [4, 4], tables: 10 },
  { participants: 60, sessions: [6, 6], tables: 14 },
  { participants: 78, sessions: [8, 8], tables: 16 },
].filter((d) => !arg('--family') || String(d.participants) === arg('--family'));
const seeds = arg('--seed') ? [Number(arg('--seed'))] : quick ? [1] : [1, 2, 3, 4, 5];
const measures = (arg('--measure') ? [arg('--measure')] : ['breaks', 'holes']) as ('breaks' | 'holes')[];

async function main(): Promise<void> {
  const engine = await loadMipEngine();
  console.log(
    '| Family | Seed | Heuristic idle | MIP root bound | DW bound | DW LP | converged | rounds | columns | DW s | master MIP idle | load |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const measure of measures) {
    for (const d of dense) {
      for (const seed of seeds) {
        const instance = generateDenseInstance({ seed, ...d, idleMeasure: measure });
        const model = buildModel(instance);
        // A schedule placing every meeting: the heuristics alone, at a fixed work budget.
        const s = await solve(instance, { seed: 1, budget: heuristicBudget, exact: false });
        const idle = measure === 'breaks' ? s.stats.breaks : s.stats.holes;
        const slotIdx = new Map(model.slotIds.map((id, i) => [id, i]));
        const meetingIdx = new Map(model.meetingIds.map((id, i) => [id, i]));
        const start = new Int32Array(model.M).fill(-1);
        for (const a of s.assignments) start[meetingIdx.get(a.meeting)!] = slotIdx.get(a.slot)!;
        const root = solveAssignmentMip(engine, model, { nodes: 1, timeLimitSeconds: 30, start });
        const t = performance.now();
        const dw = patternIdleLowerBound(engine, model, {
          start,
          rounds,
          timeLimitSeconds: seconds,
          agendaMeetings,
          interior,
          masterMipSeconds,
        });
        const sec = (performance.now() - t) / 1000;
        console.log(
          `| ${d.participants}p ${measure} | ${seed} | ${idle} | ${root.idleLowerBound} | ${dw.idleLowerBound} | ${dw.lpValue.toFixed(2)} | ${dw.converged ? 'yes' : 'no'} | ${dw.rounds} | ${dw.columns} | ${sec.toFixed(2)} | ${dw.master?.idle ?? ''} | ${loadavg()[0].toFixed(1)} |`,
        );
      }
    }
  }
}

void main();
