// Dense and small instances: Rueda's solve vs a HiGHS MIP of the same lexicographic problem.
// `npx tsx bench/scheduling/dense.ts [--quick] [--limit S] [--no-mip]` prints a markdown table for
// docs/benchmarks.md: value (weight, idle), proven lower bound on idle, proven?, seconds.
import { cpus, loadavg } from 'node:os';
import { ScheduleInstance } from '@rueda/formats';
import { buildModel, generateDenseInstance, solve, validateSchedule } from '@rueda/scheduling';
import { solveAssignmentMip } from '../../libs/scheduling/src/exact/assignment-mip';
import { loadMipEngine } from '../../libs/scheduling/src/exact/mip';
import { smallInstance } from '../../libs/scheduling/src/testing/small-instances';
import { mipLexicographic } from '../../libs/scheduling/src/testing/mip-lexicographic';

const quick = process.argv.includes('--quick');
const limitArg = process.argv.indexOf('--limit');
const limitS = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 10;
const skipMip = process.argv.includes('--no-mip');

interface Case {
  family: string;
  seed: number;
  instance: ScheduleInstance;
  limitS: number;
  /** Every meeting is placeable together (the generator plants a full schedule): HiGHS gets the assignment MIP too. */
  allPlaceable?: boolean;
}

const cases: Case[] = [];
const seeds = quick ? [1] : [1, 2, 3, 4, 5];
// Dense, in the style of Bofill et al.'s crafted instances: 42–78 participants, 120–300 meetings, 8–22 slots.
const dense: { participants: number; sessions: number[]; tables: number; label?: string }[] = [
  { participants: 42, sessions: [4, 4], tables: 10 },
  { participants: 60, sessions: [6, 6], tables: 14 },
  { participants: 78, sessions: [8, 8], tables: 16 },
  // Slack tables (added 2026-12-04): the same 60 participants with 20 tables, so the plant stops
  // on wishes, not tables, and fills 80–89 % of table-slots (193–213 meetings): how much of the
  // difficulty is the full tables of the families above.
  { participants: 60, sessions: [6, 6], tables: 20, label: ', 20 tables (slack, ~85 % full)' },
];
for (const measure of ['breaks', 'holes'] as const) {
  for (const d of dense) {
    for (const seed of seeds) {
      const { label, ...shape } = d;
      const instance = generateDenseInstance({ seed, ...shape, idleMeasure: measure });
      cases.push({
        family: `dense ${d.participants}p ${d.sessions.join('+')} slots${label ?? ''}, ${measure}`,
        seed,
        instance,
        limitS,
        allPlaceable: true,
      });
    }
  }
}
// Small (≤ 60 meetings), the shapes of exact.spec.ts.
for (const seed of quick ? [1, 2, 3] : Array.from({ length: 12 }, (_, i) => i + 1)) {
  const instance = smallInstance(seed);
  cases.push({ family: 'small (≤ 60 meetings), holes', seed, instance, limitS: 2 });
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const line = (cells: (string | number)[]) => rows.push(`| ${cells.join(' | ')} |`);
  line(['Family', 'Seed', 'P', 'M', 'S', 'Method', 'Weight', 'Weight bound', 'Idle', 'Idle lower bound', 'Proven', 'Seconds']);
  line(Array(12).fill('---'));
  const loads: number[] = [];
  // Load the exact engine once, outside the timings (≈ 0.1–1 s per process).
  await solve(cases[cases.length - 1].instance, { budget: 0.1 });
  for (const c of cases) {
    const { instance } = c;
    const dims = [instance.participants.length, instance.meetings.length, instance.slots.length];
    loads.push(loadavg()[0]);
    const t = performance.now();
    const s = await solve(instance, { seed: 1, timeLimitMs: c.limitS * 1000 });
    const seconds = (performance.now() - t) / 1000;
    const violations = validateSchedule(instance, s);
    if (violations.length) console.error(c.family, c.seed, violations.slice(0, 3));
    const idle = (instance.idleMeasure ?? 'holes') === 'breaks' ? s.stats.breaks : s.stats.holes;
    line([
      c.family,
      c.seed,
      ...dims,
      'Rueda',
      s.stats.weight,
      s.bounds.weightUpperBound,
      idle ?? '',
      s.bounds.idleLowerBound ?? '',
      s.bounds.optimal ? 'yes' : 'no',
      seconds.toFixed(2),
    ]);
    console.error(`${c.family} #${c.seed}: Rueda ${s.stats.weight}/${idle} proven ${s.bounds.optimal} ${seconds.toFixed(2)} s`);
    if (!skipMip) {
      const h = await mipLexicographic(instance, c.limitS);
      line([
        c.family,
        c.seed,
        ...dims,
        'HiGHS MIP',
        h.weight,
        h.weightUpperBound,
        h.idle,
        h.optimal ? h.idle : h.idleLowerBound,
        h.optimal ? 'yes' : 'no',
        h.seconds.toFixed(2),
      ]);
      console.error(`${c.family} #${c.seed}: HiGHS ${h.weight}/${h.idle} ≥ ${h.idleLowerBound} ${h.status} ${h.seconds.toFixed(2)} s`);
    }
    if (!skipMip && c.allPlaceable) {
      // HiGHS on the assignment MIP alone (every meeting placed, which the plant guarantees is
      // the maximum weight), from no start: the tight formulation without Rueda's heuristics.
      const engine = await loadMipEngine();
      const t2 = performance.now();
      const a = solveAssignmentMip(engine, buildModel(instance), { nodes: 2 ** 31 - 1, timeLimitSeconds: c.limitS });
      const s2 = (performance.now() - t2) / 1000;
      line([
        c.family,
        c.seed,
        ...dims,
        'HiGHS assignment MIP',
        a.slotOf ? instance.meetings.length : '',
        instance.meetings.length,
        Number.isNaN(a.idle) ? '' : a.idle,
        a.idleLowerBound,
        a.optimal ? 'yes' : 'no',
        s2.toFixed(2),
      ]);
      console.error(`${c.family} #${c.seed}: HiGHS assignment ${a.idle} ≥ ${a.idleLowerBound} ${s2.toFixed(2)} s`);
    }
  }
  const sorted = loads.slice().sort((a, b) => a - b);
  console.log(
    `Machine: ${cpus().length} CPUs (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ` +
      `1-min load average during the run: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}\n`,
  );
  console.log(rows.join('\n'));
}

void main();
