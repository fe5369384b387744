/**
 * Matching benchmark: `npx tsx bench/matching/run.ts [--quick] [--only A|B]`.
 *
 * A. 660 demands × 1,500 offers: every pair scored (brute force), top-10 per demand kept.
 * B. 10,000 × 10,000: top-10 per demand with safe candidate pruning, checked against brute
 *    force on a sample of demands (must be identical: same offers, same order, same scores).
 *
 * Data is synthetic Spanish text from a seeded generator (libs/matching/src/testing/synthetic.ts).
 *
 * Every phase prints its wall time and the CPU time the process spent in it. The engine is
 * single-threaded, so on a quiet machine the two are nearly equal; on a shared machine the
 * wall time grows with the load while the CPU time stays close to what a quiet run would
 * take (it still grows somewhat: caches and memory bandwidth are shared too). The load
 * average is printed before and after each scenario so a reader can tell which run was which.
 */
import { cpus, loadavg } from 'node:os';
import { buildMatchIndex, runMatch, SearchStats } from '../../libs/matching/src';
import { generateMatchInput } from '../../libs/matching/src/testing/synthetic';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1]?.toUpperCase() : undefined;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/** Wall and CPU seconds of one phase. */
interface Took {
  wall: number;
  cpu: number;
}
function timed<T>(fn: () => T): [T, Took] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [value, { wall, cpu: (c.user + c.system) / 1e6 }];
}
const show = (t: Took) => `${t.wall.toFixed(3)} s (cpu ${t.cpu.toFixed(3)} s)`;
const showMedian = (ts: Took[]) =>
  `median ${median(ts.map((t) => t.wall)).toFixed(3)} s (cpu ${median(ts.map((t) => t.cpu)).toFixed(3)} s), ` +
  `min ${Math.min(...ts.map((t) => t.wall)).toFixed(3)} s, max ${Math.max(...ts.map((t) => t.wall)).toFixed(3)} s`;

function header(): void {
  console.log('# Rueda matching benchmark');
  console.log(`date: ${new Date().toISOString()}`);
  console.log(`node: ${process.version}`);
  console.log(`cpu: ${cpus()[0]?.model ?? 'unknown'} (nproc ${cpus().length})`);
  console.log(`load average (1, 5, 15 min): ${load()}`);
  console.log('');
}

function scenarioA(): void {
  const nD = 660;
  const nO = 1500;
  const K = 10;
  const [input, gen] = timed(() => generateMatchInput({ demands: nD, offers: nO, seed: 1 }));
  const [index, build] = timed(() => buildMatchIndex(input));
  const runs: Took[] = [];
  for (let r = 0; r < 5; r++) runs.push(timed(() => index.topOffersPerDemandIdx(K, 'brute'))[1]);
  const [eligible, scoreAll] = timed(() => index.scoreAll());
  const mem = process.memoryUsage();
  console.log(`## A. ${nD} demands × ${nO} offers = ${(nD * nO).toLocaleString('en-US')} pairs (brute force, top-${K})`);
  console.log(`generate data:          ${show(gen)}`);
  console.log(`build index:            ${show(build)} (vocabulary ${index['terms'].length} terms)`);
  console.log(`score all pairs + top-${K}: ${showMedian(runs)} (5 runs)`);
  console.log(`scoreAll (no heap):     ${show(scoreAll)}, ${eligible.toLocaleString('en-US')} eligible pairs`);
  const scoreMedian = median(runs.map((t) => t.wall));
  const scoreMedianCpu = median(runs.map((t) => t.cpu));
  console.log(`total build+score:      ${(build.wall + scoreMedian).toFixed(3)} s (cpu ${(build.cpu + scoreMedianCpu).toFixed(3)} s)`);
  console.log(`memory: heapUsed ${mb(mem.heapUsed)} MB, rss ${mb(mem.rss)} MB, peak rss ${peakRssMb()} MB`);
  // What the CLI and the worker do: build, top-5, and reasons for every listed pair.
  const e2e: Took[] = [];
  for (let r = 0; r < 3; r++) e2e.push(timed(() => runMatch(input, { top: 5 }))[1]);
  console.log(`runMatch end to end (build + top-5 + reasons): ${showMedian(e2e)} (3 runs)`);
  console.log(`load average after A: ${load()}`);
  console.log('');
}

function scenarioB(): void {
  const n = quick ? 3000 : 10_000;
  const K = 10;
  const sampleSize = quick ? 50 : 200;
  const [input, gen] = timed(() => generateMatchInput({ demands: n, offers: n, seed: 2 }));
  const [index, build] = timed(() => buildMatchIndex(input));
  const stats: SearchStats = { scoredPairs: 0, fullScans: 0 };
  const [pruned, search] = timed(() => index.topOffersPerDemandIdx(K, 'pruned', stats));

  // Brute force on an evenly spread sample of demands.
  const sample = Array.from({ length: sampleSize }, (_, i) => Math.floor((i * n) / sampleSize));
  const [brute, bruteSample] = timed(() => index.topOffersPerDemandIdx(K, 'brute', undefined, sample));
  let mismatches = 0;
  for (const d of sample) {
    if (pruned.counts[d] !== brute.counts[d]) mismatches++;
    else {
      for (let j = 0; j < pruned.counts[d]; j++) {
        if (pruned.items[d * K + j] !== brute.items[d * K + j] || pruned.scores[d * K + j] !== brute.scores[d * K + j]) {
          mismatches++;
          break;
        }
      }
    }
  }
  const total = n * n;
  console.log(
    `## B. ${n.toLocaleString('en-US')} × ${n.toLocaleString('en-US')} = ${total.toLocaleString('en-US')} pairs (pruned, top-${K})`,
  );
  console.log(`generate data:          ${show(gen)}`);
  console.log(`build index:            ${show(build)} (vocabulary ${index['terms'].length} terms)`);
  console.log(`pruned top-${K}:          ${show(search)}`);
  console.log(
    `pairs scored exactly:   ${stats.scoredPairs.toLocaleString('en-US')} (${((100 * stats.scoredPairs) / total).toFixed(1)}% of all), full scans ${stats.fullScans}`,
  );
  console.log(`total build+search:     ${(build.wall + search.wall).toFixed(3)} s (cpu ${(build.cpu + search.cpu).toFixed(3)} s)`);
  console.log(
    `check vs brute force:   ${sampleSize} sampled demands, ${mismatches} mismatches (brute force on the sample took ${show(bruteSample)}, ≈ ${((bruteSample.wall * n) / sampleSize).toFixed(1)} s for all)`,
  );
  console.log(`memory: peak rss ${peakRssMb()} MB`);
  console.log(`load average after B: ${load()}`);
  if (mismatches > 0) process.exitCode = 1;
}

header();
if (only !== 'B') scenarioA();
if (only !== 'A') scenarioB();
