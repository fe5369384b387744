/** Quality on the labelled set: `npx tsx bench/matching/quality.ts [--verbose]`. */
import { evaluateLabelledSet, loadLabelledSet } from '../../libs/matching/quality/evaluate';

const verbose = process.argv.includes('--verbose');
const set = loadLabelledSet();
const r = evaluateLabelledSet(set, 5);
console.log(
  `labelled set: ${r.demands} demands, ${set.input.offers.length} offers, ${Object.values(set.relevant).flat().length} relevant pairs, ${set.mustNotMatch.length} ineligible pairs`,
);
console.log(
  `recall@5 ${r.recallAtK.toFixed(3)}  MRR ${r.mrr.toFixed(3)}  P@1 ${r.precisionAt1.toFixed(3)}  ineligible pairs recommended: ${r.violations.length}`,
);
const textOnly = r.perDemand.filter((p) => /-[TE]$/.test(p.demand));
console.log(
  `text-only and English demands (${textOnly.length}): recall@5 ${(textOnly.reduce((a, p) => a + p.recall, 0) / textOnly.length).toFixed(3)}, MRR ${(textOnly.reduce((a, p) => a + (p.firstRelevantRank ? 1 / p.firstRelevantRank : 0), 0) / textOnly.length).toFixed(3)}`,
);
if (verbose) {
  for (const p of r.perDemand) {
    if (p.recall < 1 || p.firstRelevantRank !== 1) {
      console.log(
        `${p.demand}: recall ${p.recall.toFixed(2)} first ${p.firstRelevantRank} top ${p.top.join(' ')} | relevant ${set.relevant[p.demand].join(' ')}`,
      );
    }
  }
}

// Harder variants: the same labels with the tags removed, so only text (and the lexicon) can match.
const strip = <T extends { sectors?: unknown; competencias?: unknown; ods?: unknown; modalidades?: unknown }>(x: T): T => {
  const { sectors: _s, competencias: _c, ods: _o, modalidades: _m, ...rest } = x;
  return rest as T;
};
const noDemandTags = { ...set, input: { ...set.input, demands: set.input.demands.map(strip) } };
const r2 = evaluateLabelledSet(noDemandTags, 5);
console.log(
  `demand tags removed:   recall@5 ${r2.recallAtK.toFixed(3)}  MRR ${r2.mrr.toFixed(3)}  P@1 ${r2.precisionAt1.toFixed(3)}  violations ${r2.violations.length}`,
);
const noTags = { ...noDemandTags, input: { ...noDemandTags.input, offers: noDemandTags.input.offers.map(strip) } };
const r3 = evaluateLabelledSet(noTags, 5);
console.log(
  `all tags removed:      recall@5 ${r3.recallAtK.toFixed(3)}  MRR ${r3.mrr.toFixed(3)}  P@1 ${r3.precisionAt1.toFixed(3)}  violations ${r3.violations.length}`,
);
if (verbose) {
  for (const p of r3.perDemand) {
    if (p.recall < 0.5)
      console.log(`  [no tags] ${p.demand}: recall ${p.recall.toFixed(2)} first ${p.firstRelevantRank} top ${p.top.join(' ')}`);
  }
}
const r4 = evaluateLabelledSet(noTags, 5, { lexicon: {} });
console.log(
  `all tags removed, no lexicon (plain TF-IDF): recall@5 ${r4.recallAtK.toFixed(3)}  MRR ${r4.mrr.toFixed(3)}  P@1 ${r4.precisionAt1.toFixed(3)}`,
);
