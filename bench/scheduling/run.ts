// Scheduling benchmark: `npx tsx bench/scheduling/run.ts [--quick] [--case jornada|large]`.
// Same generated instances for the solver and the first-come-first-served baseline; prints a
// markdown table for docs/benchmarks.md.
import { cpus } from 'node:os';
import { Schedule } from '@rueda/formats';
import { generateInstance, greedyBaseline, InstanceGeneratorOptions, solve, validateSchedule } from '@rueda/scheduling';

interface Case {
  name: string;
  options: Omit<InstanceGeneratorOptions, 'seed'>;
  seeds: number[];
  timeLimitMs: number;
  target: { ratio: number; holesPerParticipant?: number; seconds: number; rssMb?: number };
}

const quick = process.argv.includes('--quick');
const cases: Case[] = [
  {
    name: 'Jornada',
    options: { gadms: 221, cooperants: 80, meetings: 2500, slots: 24, tables: 60 },
    seeds: quick ? [1] : [1, 2, 3, 4, 5],
    timeLimitMs: 2000,
    target: { ratio: 0.995, holesPerParticipant: 0.3, seconds: 2 },
  },
  {
    name: 'Large',
    options: { gadms: 1700, cooperants: 300, meetings: 25000, slots: 32, tables: 500 },
    seeds: quick ? [1] : [1, 2],
    timeLimitMs: 30000,
    target: { ratio: 0.99, seconds: 30, rssMb: 1536 },
  },
];

// `--case jornada` runs only the cases whose name matches.
const only = process.argv.includes('--case') ? process.argv[process.argv.indexOf('--case') + 1]?.toLowerCase() : undefined;
const fmt = (n: number, d = 2) => n.toFixed(d);
const rows: string[] = [];
const line = (cells: (string | number)[]) => rows.push(`| ${cells.join(' | ')} |`);
line([
  'Instance',
  'Seed',
  'Method',
  'Scheduled',
  'Weight',
  'Upper bound',
  'Weight / bound',
  'Holes',
  'Holes / participant',
  'Seconds',
  'Peak RSS (MB)',
  'GADMs with 0 (asked ≥ 1)',
]);
line(Array(12).fill('---'));

async function main(): Promise<number> {
  let failures = 0;
  for (const c of cases) {
    if (only && !c.name.toLowerCase().includes(only)) continue;
    for (const seed of c.seeds) {
      const instance = generateInstance({ ...c.options, seed });
      const participants = instance.participants.length;
      const report = (method: string, schedule: Schedule, seconds: number) => {
        const violations = validateSchedule(instance, schedule);
        if (violations.length > 0) {
          failures++;
          console.error(`${c.name}/${seed}/${method}: ${violations.length} violations`, violations.slice(0, 3));
        }
        const ratio = schedule.stats.weight / schedule.bounds.weightUpperBound;
        const hpp = schedule.stats.holes / participants;
        const rss = process.resourceUsage().maxRSS / 1024;
        line([
          `${c.name} (${participants} participants, ${instance.meetings.length} meetings, ${c.options.slots} slots, ${c.options.tables} tables)`,
          seed,
          method,
          schedule.stats.scheduled,
          schedule.stats.weight,
          schedule.bounds.weightUpperBound,
          `${fmt(100 * ratio)} %`,
          schedule.stats.holes,
          fmt(hpp, 3),
          fmt(seconds),
          fmt(rss, 0),
          schedule.fairness?.gadmsWithRequestsAndNoMeeting ?? '',
        ]);
        if (method === 'solve') {
          const t = c.target;
          const miss: string[] = [];
          if (ratio < t.ratio) miss.push(`ratio ${fmt(100 * ratio)} % < ${100 * t.ratio} %`);
          if (t.holesPerParticipant !== undefined && hpp > t.holesPerParticipant)
            miss.push(`holes/participant ${fmt(hpp, 3)} > ${t.holesPerParticipant}`);
          if (seconds > t.seconds) miss.push(`${fmt(seconds)} s > ${t.seconds} s`);
          if (t.rssMb !== undefined && rss > t.rssMb) miss.push(`RSS ${fmt(rss, 0)} MB > ${t.rssMb} MB`);
          console.error(`${c.name} seed ${seed}: ${miss.length ? `TARGET MISSED: ${miss.join(', ')}` : 'targets met'}`);
        }
      };
      let t = performance.now();
      const solved = await solve(instance, { seed: 1, timeLimitMs: c.timeLimitMs });
      report('solve', solved, (performance.now() - t) / 1000);
      if (c.name === 'Jornada') {
        // What fairness costs: every GADM that asked gets at least one meeting.
        t = performance.now();
        const fair = await solve(instance, { seed: 1, timeLimitMs: c.timeLimitMs, minMeetingsPerGadm: 1 });
        report('solve, minMeetingsPerGadm 1', fair, (performance.now() - t) / 1000);
      }
      t = performance.now();
      const greedy = greedyBaseline(instance);
      report('greedy FCFS', greedy, (performance.now() - t) / 1000);
    }
  }
  return failures;
}

void main().then((failures) => {
  console.log(
    `Machine: ${cpus().length} CPUs (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n`,
  );
  console.log(rows.join('\n'));
  if (failures > 0) process.exitCode = 1;
});
