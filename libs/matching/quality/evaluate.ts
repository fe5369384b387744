import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMatchInput } from '@rueda/formats';
import type { MatchInput } from '@rueda/formats';
import { buildMatchIndex, MatchOptions } from '../src';

export interface LabelledSet {
  input: MatchInput;
  relevant: Record<string, string[]>;
  mustNotMatch: Array<{ demand: string; offer: string; why: string }>;
}

export interface QualityReport {
  demands: number;
  k: number;
  /** Mean over demands of |relevant ∩ top-k| / min(|relevant|, k). */
  recallAtK: number;
  /** Mean reciprocal rank of the first relevant offer (0 when none is ranked). */
  mrr: number;
  /** Share of demands whose first offer is relevant. */
  precisionAt1: number;
  /** Ineligible pairs that appeared in some top-k (must be empty). */
  violations: Array<{ demand: string; offer: string }>;
  perDemand: Array<{ demand: string; recall: number; firstRelevantRank: number | null; top: string[] }>;
}

export function loadLabelledSet(path = join(__dirname, 'labelled-set.json')): LabelledSet {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as LabelledSet;
  return { ...raw, input: parseMatchInput(raw.input) };
}

export function evaluateLabelledSet(set: LabelledSet = loadLabelledSet(), k = 5, options: MatchOptions = {}): QualityReport {
  const index = buildMatchIndex(set.input, options);
  // Rank deep enough to find the first relevant offer for MRR even beyond k.
  const ranked = index.topOffersPerDemand(Math.max(k, set.input.offers.length), 'brute');
  const bad = new Set(set.mustNotMatch.map((p) => `${p.demand}|${p.offer}`));
  const perDemand: QualityReport['perDemand'] = [];
  const violations: QualityReport['violations'] = [];
  for (const d of set.input.demands) {
    const rel = new Set(set.relevant[d.id] ?? []);
    const list = (ranked.get(d.id) ?? []).map((r) => r.offer);
    const top = list.slice(0, k);
    for (const o of list) if (bad.has(`${d.id}|${o}`)) violations.push({ demand: d.id, offer: o });
    const hits = top.filter((o) => rel.has(o)).length;
    const first = list.findIndex((o) => rel.has(o));
    perDemand.push({
      demand: d.id,
      recall: rel.size ? hits / Math.min(rel.size, k) : 1,
      firstRelevantRank: first >= 0 ? first + 1 : null,
      top,
    });
  }
  const n = perDemand.length;
  return {
    demands: n,
    k,
    recallAtK: perDemand.reduce((a, p) => a + p.recall, 0) / n,
    mrr: perDemand.reduce((a, p) => a + (p.firstRelevantRank ? 1 / p.firstRelevantRank : 0), 0) / n,
    precisionAt1: perDemand.filter((p) => p.firstRelevantRank === 1).length / n,
    violations,
    perDemand,
  };
}
