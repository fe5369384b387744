import { MATCH_OUTPUT_FORMAT, MatchInput, MatchOutput, MatchRow } from '@rueda/formats';
import { buildMatchIndex, MatchIndex } from './match-index';
import { MatchOptions } from './weights';

export interface RunMatchOptions extends MatchOptions {
  /** Offers listed per demand (default 5). */
  top?: number;
  /** Pairs scoring below this are left out (default 0: every eligible offer can be listed). */
  minScore?: number;
  /** Reuse an index already built for this input. */
  index?: MatchIndex;
}

/**
 * The whole engine behind `rueda.match-input/1` → `rueda.match-output/1`: for each demand, in
 * input order, its best eligible offers with score and reasons.
 */
export function runMatch(input: MatchInput, options: RunMatchOptions = {}): MatchOutput {
  const top = options.top ?? 5;
  if (!Number.isInteger(top) || top < 1) throw new RangeError(`top debe ser un entero ≥ 1 / top must be an integer ≥ 1: ${top}`);
  const index = options.index ?? buildMatchIndex(input, options);
  const res = index.topOffersPerDemandIdx(top);
  const minScore = options.minScore ?? 0;
  const matches: MatchRow[] = [];
  for (let d = 0; d < index.nDemands; d++) {
    let rank = 0;
    for (let j = 0; j < res.counts[d]; j++) {
      const score = res.scores[d * top + j];
      if (score < minScore) break;
      const e = index.explainAt(d, res.items[d * top + j]);
      matches.push({ demand: e.demand, offer: e.offer, rank: ++rank, score, reasons: e.reasons });
    }
  }
  return { format: MATCH_OUTPUT_FORMAT, matches };
}
