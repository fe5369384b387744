import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMatchInput } from '@rueda/formats';
import type { MatchInput } from '@rueda/formats';
import { buildMatchIndex, MatchOptions } from '../src';

/**
 * The blind graded set of quality/blind/ (written without seeing the engine; see its README):
 * dev and test splits of 45 demands each over the same 150 offers, graded labels
 * (2 = strong fit, 1 = worth a meeting), ineligible traps and per-demand slices.
 */
export type Split = 'dev' | 'test';

export interface DemandSlice {
  split: Split;
  lang: 'es' | 'en' | 'mixed';
  tags: 'none' | 'partial' | 'full';
  typos: boolean;
  acronyms: boolean;
  grounding: 'competence' | 'programme' | 'problem';
}

export interface BlindSet {
  split: Split;
  input: MatchInput;
  labels: Record<string, Record<string, number>>;
  ineligible: Array<{ demand: string; offer: string; why: string }>;
  slices: Record<string, DemandSlice>;
}

const DIR = join(__dirname, 'blind');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;

export function loadBlindSet(split: Split): BlindSet {
  const slices = read<Record<string, DemandSlice>>('slices.json');
  return {
    split,
    input: parseMatchInput(read(`${split}.json`)),
    labels: read(`labels-${split}.json`),
    ineligible: read(`ineligible-${split}.json`),
    slices: Object.fromEntries(Object.entries(slices).filter(([, s]) => s.split === split)),
  };
}

export interface GradedMetrics {
  demands: number;
  /** Mean nDCG@k with gain 2^grade − 1 (3 for a strong fit, 1 for worth a meeting) and log2 discount. */
  ndcg: number;
  /** Mean of |relevant (grade ≥ 1) ∩ top k| / min(|relevant|, k). */
  recall: number;
  /** Mean reciprocal rank of the first relevant offer over the whole ranking (0 if none). */
  mrr: number;
}

export interface PerDemandResult {
  demand: string;
  ndcg: number;
  recall: number;
  rr: number;
  top: string[];
}

export interface BlindReport {
  split: Split;
  k: number;
  overall: GradedMetrics;
  slices: Record<string, GradedMetrics>;
  /** Trap pairs (ineligible) found anywhere in a ranking; must be empty. */
  ineligibleRecommended: Array<{ demand: string; offer: string }>;
  perDemand: PerDemandResult[];
}

/** nDCG@k of one ranked list against graded labels. */
export function ndcgAt(ranked: string[], grades: Record<string, number>, k: number): number {
  const gain = (g: number) => 2 ** g - 1;
  let dcg = 0;
  ranked.slice(0, k).forEach((o, i) => (dcg += gain(grades[o] ?? 0) / Math.log2(i + 2)));
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => (idcg += gain(g) / Math.log2(i + 2)));
  return idcg > 0 ? dcg / idcg : 1;
}

function mean(rows: PerDemandResult[]): GradedMetrics {
  const n = rows.length || 1;
  return {
    demands: rows.length,
    ndcg: rows.reduce((a, r) => a + r.ndcg, 0) / n,
    recall: rows.reduce((a, r) => a + r.recall, 0) / n,
    mrr: rows.reduce((a, r) => a + r.rr, 0) / n,
  };
}

/** Slices reported: the ones the issue names, from slices.json. */
export const SLICE_TESTS: Record<string, (s: DemandSlice) => boolean> = {
  spanish: (s) => s.lang === 'es',
  english: (s) => s.lang === 'en',
  mixed: (s) => s.lang === 'mixed',
  'text-only': (s) => s.tags === 'none',
  'half-tagged': (s) => s.tags === 'partial',
  'fully tagged': (s) => s.tags === 'full',
  typos: (s) => s.typos,
  acronyms: (s) => s.acronyms,
  'competence-grounded': (s) => s.grounding === 'competence',
};

export function evaluateBlindSet(set: BlindSet, k = 5, options: MatchOptions = {}): BlindReport {
  const index = buildMatchIndex(set.input, options);
  const ranked = index.topOffersPerDemand(set.input.offers.length, 'brute');
  const traps = new Set(set.ineligible.map((p) => `${p.demand}|${p.offer}`));
  const ineligibleRecommended: BlindReport['ineligibleRecommended'] = [];
  const perDemand: PerDemandResult[] = [];
  for (const d of set.input.demands) {
    const grades = set.labels[d.id] ?? {};
    const list = (ranked.get(d.id) ?? []).map((r) => r.offer);
    for (const o of list) if (traps.has(`${d.id}|${o}`)) ineligibleRecommended.push({ demand: d.id, offer: o });
    const relevant = Object.keys(grades).filter((o) => grades[o] > 0);
    const top = list.slice(0, k);
    const hits = top.filter((o) => (grades[o] ?? 0) > 0).length;
    const first = list.findIndex((o) => (grades[o] ?? 0) > 0);
    perDemand.push({
      demand: d.id,
      ndcg: ndcgAt(list, grades, k),
      recall: relevant.length ? hits / Math.min(relevant.length, k) : 1,
      rr: first >= 0 ? 1 / (first + 1) : 0,
      top,
    });
  }
  const slices: Record<string, GradedMetrics> = {};
  for (const [name, test] of Object.entries(SLICE_TESTS)) {
    slices[name] = mean(perDemand.filter((r) => set.slices[r.demand] && test(set.slices[r.demand])));
  }
  return { split: set.split, k, overall: mean(perDemand), slices, ineligibleRecommended, perDemand };
}
