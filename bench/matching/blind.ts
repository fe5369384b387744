/**
 * Quality on the blind graded set (libs/matching/quality/blind/):
 * `npx tsx bench/matching/blind.ts [--split dev|test] [--verbose]`.
 * Develop against dev only; test is for the final, reported measurements.
 */
import { evaluateBlindSet, loadBlindSet, Split } from '../../libs/matching/quality/blind-set';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const split = (arg('--split') ?? 'dev') as Split;
const verbose = process.argv.includes('--verbose');
const set = loadBlindSet(split);
const r = evaluateBlindSet(set, 5);
const f = (x: number) => x.toFixed(3);
console.log(`blind set, ${split}: ${r.overall.demands} demands, ${set.input.offers.length} offers, ${set.ineligible.length} traps`);
console.log(`| slice | demands | nDCG@5 | recall@5 | MRR |`);
console.log(`|---|---|---|---|---|`);
console.log(`| all | ${r.overall.demands} | ${f(r.overall.ndcg)} | ${f(r.overall.recall)} | ${f(r.overall.mrr)} |`);
for (const [name, m] of Object.entries(r.slices)) console.log(`| ${name} | ${m.demands} | ${f(m.ndcg)} | ${f(m.recall)} | ${f(m.mrr)} |`);
console.log(`ineligible pairs recommended: ${r.ineligibleRecommended.length}`);
if (verbose) {
  for (const p of [...r.perDemand].sort((a, b) => a.ndcg - b.ndcg)) {
    const grades = set.labels[p.demand];
    const s = set.slices[p.demand];
    console.log(
      `${p.demand} [${s.lang} ${s.tags}${s.typos ? ' typos' : ''}] nDCG ${f(p.ndcg)} rr ${f(p.rr)} top ${p.top.map((o) => `${o}:${grades[o] ?? 0}`).join(' ')} | want ${Object.entries(
        grades,
      )
        .filter(([, g]) => g === 2)
        .map(([o]) => o)
        .join(' ')}`,
    );
  }
}
