/**
 * Matching benchmark: `npx tsx bench/matching/run.ts [--quick]`.
 *
 * A. 660 demands × 1,500 offers: every pair scored (brute force), top-10 per demand kept.
 * B. 10,000 × 10,000: top-10 per demand with safe candidate pruning, checked against brute
 *    force on a sample of demands (must be identical: same offers, same order, same scores).
 *
 * Data is synthetic Spanish text from a seeded generator (libs/matching/src/testing/synthetic.ts).
 */
import { cpus } from 'node:os';
import { buildMatchIndex, runMatch, SearchStats } from '../../libs/matching/src';
import { generateMatchInput } from '../../libs/matching/src/testing/synthetic';

const quick = process.argv.includes('--quick');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const secs = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function header(): void {
  console.log('# Rueda matching benchmark');
  console.log(`date: ${new Date().toISOString()}`);
  console.log(`node: ${process.version}`);
  console.log(`cpu: ${cpus()[0]?.model ?? 'unknown'} (nproc ${cpus().length})`);
  console.log('');
}

function scenarioA(): void {
  const nD = 660;
  const nO = 1500;
  const K = 10;
  let t0 = process.hrtime.bigint();
  const input = generateMatchInput({ demands: nD, offers: nO, seed: 1 });
  const genS = secs(t0);
  t0 = process.hrtime.bigint();
  const index = buildMatchIndex(input);
  const buildS = secs(t0);
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    t0 = process.hrtime.bigint();
    index.topOffersPerDemandIdx(K, 'brute');
    runs.push(secs(t0));
  }
  t0 = process.hrtime.bigint();
  const eligible = index.scoreAll();
  const scoreAllS = secs(t0);
  const mem = process.memoryUsage();
  console.log(`## A. ${nD} demands × ${nO} offers = ${(nD * nO).toLocaleString('en-US')} pairs (brute force, top-${K})`);
  console.log(`generate data:          ${genS.toFixed(3)} s`);
  console.log(`build index:            ${buildS.toFixed(3)} s (vocabulary ${index['terms'].length} terms)`);
  console.log(`score all pairs + top-${K}: median ${median(runs).toFixed(3)} s, min ${Math.min(...runs).toFixed(3)} s (5 runs)`);
  console.log(`scoreAll (no heap):     ${scoreAllS.toFixed(3)} s, ${eligible.toLocaleString('en-US')} eligible pairs`);
  console.log(`total build+score:      ${(buildS + median(runs)).toFixed(3)} s`);
  console.log(`memory: heapUsed ${mb(mem.heapUsed)} MB, rss ${mb(mem.rss)} MB, peak rss ${peakRssMb()} MB`);
  // What the CLI and the worker do: build, top-5, and reasons for every listed pair.
  const e2e: number[] = [];
  for (let r = 0; r < 3; r++) {
    t0 = process.hrtime.bigint();
    runMatch(input, { top: 5 });
    e2e.push(secs(t0));
  }
  console.log(`runMatch end to end (build + top-5 + reasons): median ${median(e2e).toFixed(3)} s (3 runs)`);
  console.log('');
}

function scenarioB(): void {
  const n = quick ? 3000 : 10_000;
  const K = 10;
  const sampleSize = quick ? 50 : 200;
  let t0 = process.hrtime.bigint();
  const input = generateMatchInput({ demands: n, offers: n, seed: 2 });
  const genS = secs(t0);
  t0 = process.hrtime.bigint();
  const index = buildMatchIndex(input);
  const buildS = secs(t0);
  const stats: SearchStats = { scoredPairs: 0, fullScans: 0 };
  t0 = process.hrtime.bigint();
  const pruned = index.topOffersPerDemandIdx(K, 'pruned', stats);
  const prunedS = secs(t0);

  // Brute force on an evenly spread sample of demands.
  const sample = Array.from({ length: sampleSize }, (_, i) => Math.floor((i * n) / sampleSize));
  t0 = process.hrtime.bigint();
  const brute = index.topOffersPerDemandIdx(K, 'brute', undefined, sample);
  const bruteSampleS = secs(t0);
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
  console.log(`generate data:          ${genS.toFixed(3)} s`);
  console.log(`build index:            ${buildS.toFixed(3)} s (vocabulary ${index['terms'].length} terms)`);
  console.log(`pruned top-${K}:          ${prunedS.toFixed(3)} s`);
  console.log(
    `pairs scored exactly:   ${stats.scoredPairs.toLocaleString('en-US')} (${((100 * stats.scoredPairs) / total).toFixed(1)}% of all), full scans ${stats.fullScans}`,
  );
  console.log(`total build+search:     ${(buildS + prunedS).toFixed(3)} s`);
  console.log(
    `check vs brute force:   ${sampleSize} sampled demands, ${mismatches} mismatches (brute force on the sample took ${bruteSampleS.toFixed(3)} s, ≈ ${((bruteSampleS * n) / sampleSize).toFixed(1)} s for all)`,
  );
  console.log(`memory: peak rss ${peakRssMb()} MB`);
  if (mismatches > 0) process.exitCode = 1;
}

header();
scenarioA();
scenarioB();
