import { buildMatchIndex } from '../src';
import { evaluateLabelledSet, loadLabelledSet } from './evaluate';

// Thresholds sit a little under the figures measured when the set was written (see
// docs/benchmarks.md): recall@5 0.993, MRR 0.989. A drop below them is a regression.
describe('labelled quality set', () => {
  const set = loadLabelledSet();
  const report = evaluateLabelledSet(set, 5);

  it('is a substantial, valid set', () => {
    expect(set.input.demands.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(set.relevant).sort()).toEqual(set.input.demands.map((d) => d.id).sort());
  });

  it('keeps recall@5 and MRR above their thresholds', () => {
    expect(report.recallAtK).toBeGreaterThanOrEqual(0.95);
    expect(report.mrr).toBeGreaterThanOrEqual(0.93);
  });

  it('never recommends an ineligible pair, and those pairs really are ineligible', () => {
    expect(report.violations).toEqual([]);
    const index = buildMatchIndex(set.input);
    for (const p of set.mustNotMatch) expect(index.explain(p.demand, p.offer).eligible).toBe(false);
  });

  it('matches text-only and English demands through text inference', () => {
    const textOnly = report.perDemand.filter((p) => /-[TE]$/.test(p.demand));
    expect(textOnly.length).toBeGreaterThanOrEqual(8);
    const recall = textOnly.reduce((a, p) => a + p.recall, 0) / textOnly.length;
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
