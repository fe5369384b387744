// Exact phase configurations compared at a fixed conflict budget (load-independent) on dense and
// small instances: which clasp options prove the most. Each instance's heuristic schedule (budget 1,
// no exact phase) is the hint and, when it meets the weight bound, the weight floor, as in solve().
// `npx tsx bench/scheduling/exact-configs.ts [--conflicts N] [--configs a;b] [--only dense|small]`
import { loadavg } from 'node:os';
import { ScheduleInstance } from '@rueda/formats';
import { buildModel, generateDenseInstance, solve } from '@rueda/scheduling';
import { encodeProgram } from '../../libs/scheduling/src/exact/encoding';
import { loadExactEngine } from '../../libs/scheduling/src/exact/engine';
import { smallInstance } from '../../libs/scheduling/src/testing/small-instances';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const conflicts = Number(arg('--conflicts') ?? 20_000);
const configs = (arg('--configs') ?? 'usc;usc,k;usc --configuration=trendy;usc --configuration=crafty').split(';');
const only = arg('--only');
const seeds = (arg('--seeds') ?? '1,2').split(',').map(Number);

async function main(): Promise<void> {
  const cases: { name: string; instance: ScheduleInstance }[] = [];
  if (only !== 'small') {
    const dense = [
      { participants: 42, sessions: [4, 4], tables: 10 },
      { participants: 60, sessions: [6, 6], tables: 14 },
      { participants: 78, sessions: [8, 8], tables: 16 },
    ];
    for (const measure of ['breaks', 'holes'] as const)
      for (const d of dense)
        for (const seed of seeds)
          cases.push({
            name: `dense ${d.participants}p ${measure} #${seed}`,
            instance: generateDenseInstance({ seed, ...d, idleMeasure: measure }),
          });
  }
  if (only !== 'dense')
    for (const seed of (arg('--small') ?? '2,8,10,11').split(',').map(Number))
      cases.push({ name: `small #${seed}`, instance: smallInstance(seed) });
  const run = await loadExactEngine();
  for (const c of cases) {
    const model = buildModel(c.instance);
    const s = await solve(c.instance, { seed: 1, budget: 1, exact: false });
    const slotIdx = new Map(model.slotIds.map((id, i) => [id, i]));
    const mIdx = new Map(model.meetingIds.map((id, i) => [id, i]));
    const hint = new Int32Array(model.M).fill(-1);
    for (const a of s.assignments) hint[mIdx.get(a.meeting)!] = slotIdx.get(a.slot)!;
    const atBound = s.stats.weight >= s.bounds.weightUpperBound - 1e-9;
    const idle = model.idleMeasure === 'breaks' ? s.stats.breaks : s.stats.holes;
    const program = encodeProgram(model, { weightScale: 1, hint, weightFloor: atBound ? s.stats.weight : undefined });
    const cells: string[] = [];
    for (const cfg of configs) {
      const [strategy, ...rest] = cfg.split(' ');
      const args = [
        `--solve-limit=${conflicts}`,
        '--seed=1',
        '--quiet=1',
        '--opt-mode=opt',
        `--opt-strategy=${strategy}`,
        '--heuristic=Domain',
        ...rest,
      ];
      const t = performance.now();
      const r = run(program, 0, args);
      const sec = (performance.now() - t) / 1000;
      if (r.Result === 'ERROR') throw new Error(r.Error);
      const w = r.Call?.[0]?.Witnesses ?? [];
      const cost = w[w.length - 1]?.Costs ?? [];
      cells.push(`${cfg}: ${r.Result === 'OPTIMUM FOUND' ? 'PROVEN' : r.Result} ${cost.join('/')} ${sec.toFixed(1)}s`);
    }
    console.log(
      `${c.name} (M=${model.M}, heur ${s.stats.weight}/${idle} ≥ ${s.bounds.idleLowerBound}, load ${loadavg()[0].toFixed(1)}) | ${cells.join(' | ')}`,
    );
  }
}
void main();
