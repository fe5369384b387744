import { gadmSizeClass, indexTaxonomy, loadGadms, TaxonomyIndex } from '@rueda/domain';
import { REGIONS } from '@rueda/domain';
import type { MatchDemand, MatchInput, MatchOffer, MatchParticipant, MatchReason } from '@rueda/formats';
import { learnAcronyms } from './acronyms';
import { MODALITY_CUES } from './cues';
import { EventFeedback, RequestOutcome, resolveFeedbackStrength } from './feedback';
import { usd, usdRange } from './format';
import { TopKHeap } from './heap';
import { Labels, taxonomyLabels, titleCase } from './labels';
import { TextAnalyzer, TracedToken } from './text';
import { DEFAULT_FAIRNESS, FairnessOptions, MatchOptions, MatchWeights, resolveWeights } from './weights';

const REGION_NAMES: readonly string[] = REGIONS;
const PLURAL_ES = new Intl.PluralRules('es');
const PLURAL_EN = new Intl.PluralRules('en');

// A code (competencia or ODS) served by n sectors lends each of them 0.8/n: C04 alone says
// "water, waste or energy", ODS 6 alone says "water".
const RELATED_STRENGTH = 0.8;
// Text inference: a sector is kept when its evidence reaches half of the best sector's and
// this absolute floor; evidence saturates (confidence 1) at INFER_SATURATION.
const INFER_FLOOR = 0.12;
const INFER_SATURATION = 0.45;
const INFER_MAX_SECTORS = 3;
const LABEL_TERM_WEIGHT = 0.3;
const TITLE_WEIGHT = 2;
const EPS = 1e-9;

export type ItemSide = 'demand' | 'offer';

/** How an item's sector vector came about; kept for explanations only. */
interface SectorProvenance {
  explicit: number[];
  /** sector index → codes (C04, ODS 6) that point to it, when the item has no tagged sector. */
  related: Map<number, string[]>;
  /** sector index → text evidence, when the item has no tagged sector. */
  inferred: Map<number, number>;
}

export interface ScoreComponents {
  sector: number;
  thematic: number;
  text: number;
  modality: number;
  amount: number;
  territory: number;
  /** What this event's answered requests add to (or take from) the score, in [−strength, strength]. */
  feedback: number;
}

export interface Explanation {
  demand: string;
  offer: string;
  eligible: boolean;
  /** Why the pair is excluded, when it is (Spanish / English). */
  ineligibleReason?: string;
  score: number;
  components: ScoreComponents;
  reasons: MatchReason[];
}

/** Top-k lists in flat typed arrays: row r holds entries [r*k, r*k + counts[r]). */
export interface TopKResult {
  k: number;
  counts: Int32Array;
  items: Int32Array;
  scores: Float64Array;
}

export interface SearchStats {
  /** Pairs whose full score was computed. */
  scoredPairs: number;
  /** Rows (demands) that needed a full scan because pruning could not prove its bound. */
  fullScans: number;
}

export interface Counterpart {
  participant: string;
  score: number;
  /** The best pairs behind this score (at most 3), best first. */
  pairs: Array<{ demand: string; offer: string; score: number }>;
  /** Listed thanks to the fairness quota rather than raw score. */
  promoted?: boolean;
}

export interface RankedDemand {
  demand: string;
  score: number;
  promoted?: boolean;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < 31; b++) if (mask & (1 << b)) out.push(b);
  return out;
}

/** Compressed sparse rows of (term id, weight). */
interface SparseRows {
  ptr: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
}

/**
 * Everything needed to score the demand × offer pairs of one event, precomputed into typed
 * arrays so that scoring a pair allocates nothing. Build with {@link buildMatchIndex}.
 */
export class MatchIndex {
  readonly weights: MatchWeights;
  readonly fairness: FairnessOptions;
  readonly nDemands: number;
  readonly nOffers: number;
  readonly analyzer: TextAnalyzer;

  private readonly tax: TaxonomyIndex;
  private readonly labels: Labels;
  private readonly sectorCodes: string[];
  private readonly compCodes: string[];
  private readonly modCodes: string[];
  private readonly S: number;
  private readonly participants: MatchParticipant[];
  private readonly participantIndex = new Map<string, number>();
  private readonly demandIndex = new Map<string, number>();
  private readonly offerIndex = new Map<string, number>();
  private readonly provinceNames = new Map<string, string>();
  private readonly provinceCodes: string[] = [];

  // Vocabulary and text vectors (L2-normalised TF-IDF).
  private readonly vocab = new Map<string, number>();
  private readonly terms: string[] = [];
  private dText!: SparseRows;
  private oText!: SparseRows;
  private sectorDocs: Array<Map<number, number>> = [];

  // Sector vectors: demands as short sparse lists, offers dense (S floats each).
  private dSecPtr!: Int32Array;
  private dSecIdx!: Int32Array;
  private dSecW!: Float32Array;
  private dSecInv!: Float32Array;
  private oSec!: Float32Array;
  private dProv: SectorProvenance[] = [];
  private oProv: SectorProvenance[] = [];

  // Bit sets: competencias and ODS derived (tagged ∪ implied by tagged sectors), modalities.
  private dComp!: Int32Array;
  private dOds!: Int32Array;
  private dMod!: Int32Array;
  // Modalities read from the text (cues), used when the form left modalidades empty.
  private dModText!: Int32Array;
  private oModText!: Int32Array;
  private dModInferred!: Uint8Array;
  private oModInferred!: Uint8Array;
  private oComp!: Int32Array;
  private oOds!: Int32Array;
  private oMod!: Int32Array;
  private dCompInv!: Float64Array;
  // Codes tagged by hand (not implied by a sector): only these are worth a reason of their own.
  private dTagged!: Int32Array[];
  private oTagged!: Int32Array[];
  private dOdsInv!: Float64Array;

  // Eligibility and territory.
  private dRegionBit!: Int32Array;
  private dProvBit!: Int32Array;
  private dAmount!: Float64Array;
  private dOwner!: Int32Array;
  private oAnywhere!: Uint8Array;
  private oRegionMask!: Int32Array;
  private oProvMask!: Int32Array;
  private oMin!: Float64Array;
  private oMax!: Float64Array;
  private oHasRange!: Uint8Array;
  private oOwner!: Int32Array;

  // Learning from the event: per (cooperant participant, sector), (accepted − declined) / (answered + 1).
  private fb?: Float32Array;
  private fbStrength = 0;
  /** Answered requests per `${participant}|${sector}` (the request's main sector), for reasons. */
  private fbCounts = new Map<string, { accepted: number; declined: number }>();

  // Weights divided by their sum, so the score is directly in [0, 1].
  private wSec = 0;
  private wThem = 0;
  private wText = 0;
  private wMod = 0;
  private wAmt = 0;
  private wTer = 0;
  private readonly invSat: number;
  /** Initial bound of the pruned search (tuning knob for speed only; results never depend on it). */
  pruneStart = 0.75;

  // Offer-side inverted lists for candidate pruning, built on first use.
  private postings?: {
    sector: Int32Array[];
    comp: Int32Array[];
    ods: Int32Array[];
    termPtr: Int32Array;
    termOffers: Int32Array;
    termMax: Float32Array;
  };

  // Demand text scattered densely for O(terms of the offer) dot products. The spare buffer
  // lets single-pair calls (score, explain) run inside a scoreAll visitor without clobbering it.
  private dense: Float32Array;
  private spare: Float32Array;
  private readonly traceCache = new Map<string, TracedToken[]>();

  constructor(
    readonly input: MatchInput,
    options: MatchOptions = {},
    taxonomy: TaxonomyIndex = indexTaxonomy(),
  ) {
    this.weights = resolveWeights(options.weights);
    this.fairness = { ...DEFAULT_FAIRNESS, ...options.fairness };
    this.invSat = 1 / (options.textSaturation ?? 0.5);
    this.tax = taxonomy;
    this.labels = taxonomyLabels(taxonomy);
    this.sectorCodes = [...taxonomy.sectores.keys()];
    this.compCodes = [...taxonomy.competencias.keys()];
    this.modCodes = [...taxonomy.modalidades.keys()];
    this.S = this.sectorCodes.length;
    if (this.compCodes.length > 31 || this.modCodes.length > 31 || taxonomy.ods.size > 31) {
      throw new Error('La taxonomía excede 31 códigos por tipo / Taxonomy exceeds 31 codes per kind');
    }
    // Acronyms the event's own texts define ("... alerta temprana (SAT)") are read everywhere.
    const texts = [...input.demands, ...input.offers].flatMap((it) => [it.title ?? '', it.description ?? '']);
    this.analyzer = new TextAnalyzer({
      maxTokens: options.maxTokens,
      lexicon: options.lexicon,
      acronyms: learnAcronyms(texts),
      cues: MODALITY_CUES,
    });
    this.participants = input.participants;
    input.participants.forEach((p, i) => this.participantIndex.set(p.id, i));
    input.demands.forEach((d, i) => this.demandIndex.set(d.id, i));
    input.offers.forEach((o, i) => this.offerIndex.set(o.id, i));
    for (const g of loadGadms()) {
      if (!this.provinceNames.has(g.provinceCode)) {
        this.provinceNames.set(g.provinceCode, g.province);
        this.provinceCodes.push(g.provinceCode);
      }
    }
    this.provinceCodes.sort();
    if (this.provinceCodes.length > 31) throw new Error('Más de 31 provincias / More than 31 provinces');
    this.nDemands = input.demands.length;
    this.nOffers = input.offers.length;
    this.setWeights(this.weights);
    this.buildText();
    this.dense = new Float32Array(Math.max(1, this.terms.length));
    this.spare = new Float32Array(this.dense.length);
    this.buildTags();
    this.buildGeo();
    this.buildFeedback(options.feedback);
  }

  /**
   * What a request was about: its demand's sector weights (shares summing to 1), else its
   * offer's. Requests naming neither teach nothing.
   */
  private requestTopic(r: RequestOutcome): Array<[number, number]> {
    const topic: Array<[number, number]> = [];
    const d = r.demand === undefined ? undefined : this.demandIndex.get(r.demand);
    if (d !== undefined) {
      let sum = 0;
      for (let j = this.dSecPtr[d]; j < this.dSecPtr[d + 1]; j++) sum += this.dSecW[j];
      for (let j = this.dSecPtr[d]; j < this.dSecPtr[d + 1]; j++) topic.push([this.dSecIdx[j], this.dSecW[j] / sum]);
      return topic;
    }
    const o = r.offer === undefined ? undefined : this.offerIndex.get(r.offer);
    if (o !== undefined) {
      let sum = 0;
      for (let s = 0; s < this.S; s++) sum += this.oSec[o * this.S + s];
      for (let s = 0; s < this.S; s++) if (this.oSec[o * this.S + s] > 0) topic.push([s, this.oSec[o * this.S + s] / sum]);
    }
    return topic;
  }

  private buildFeedback(f: EventFeedback | undefined): void {
    this.fbStrength = resolveFeedbackStrength(f);
    if (!f || this.fbStrength === 0) return;
    const S = this.S;
    const n = this.participants.length;
    const acc = new Float64Array(n * S);
    const dec = new Float64Array(n * S);
    for (const r of f.requests) {
      const c = this.participantIndex.get(r.cooperant);
      if (c === undefined) continue;
      const topic = this.requestTopic(r);
      if (topic.length === 0) continue;
      for (const [s, w] of topic) (r.accepted ? acc : dec)[c * S + s] += w;
      const main = topic.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
      const key = `${c}|${main}`;
      const count = this.fbCounts.get(key) ?? { accepted: 0, declined: 0 };
      if (r.accepted) count.accepted++;
      else count.declined++;
      this.fbCounts.set(key, count);
    }
    this.fb = new Float32Array(n * S);
    for (let i = 0; i < n * S; i++) this.fb[i] = (acc[i] - dec[i]) / (acc[i] + dec[i] + 1);
  }

  private setWeights(w: MatchWeights): void {
    const sum = w.sector + w.thematic + w.text + w.modality + w.amount + w.territory;
    this.wSec = w.sector / sum;
    this.wThem = w.thematic / sum;
    this.wText = w.text / sum;
    this.wMod = w.modality / sum;
    this.wAmt = w.amount / sum;
    this.wTer = w.territory / sum;
  }

  // ---------------------------------------------------------------- building

  private termId(t: string): number {
    let id = this.vocab.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.vocab.set(t, id);
      this.terms.push(t);
    }
    return id;
  }

  /** Index terms of an item; modality cues are taken out into `cues` (bit set of modalities). */
  private bagOf(item: { title: string; description: string }, cues: Int32Array, i: number): Map<string, number> {
    const bag = new Map<string, number>();
    this.analyzer.analyze(item.title ?? '', TITLE_WEIGHT, bag);
    this.analyzer.analyze(item.description ?? '', 1, bag);
    for (const t of [...bag.keys()]) {
      if (!t.startsWith('!')) continue;
      bag.delete(t);
      const m = this.modCodes.indexOf(t.slice(1));
      if (m >= 0) cues[i] |= 1 << m;
    }
    return bag;
  }

  private buildText(): void {
    this.dModText = new Int32Array(this.nDemands);
    this.oModText = new Int32Array(this.nOffers);
    const dBags = this.input.demands.map((d, i) => this.bagOf(d, this.dModText, i));
    const oBags = this.input.offers.map((o, i) => this.bagOf(o, this.oModText, i));
    const df: number[] = [];
    for (const bag of [...dBags, ...oBags]) {
      for (const t of bag.keys()) {
        const id = this.termId(t);
        df[id] = (df[id] ?? 0) + 1;
      }
    }
    const N = dBags.length + oBags.length;
    // IDF comes from this event's own corpus: what is rare among these demands and offers is informative here.
    const idf = (id: number | undefined) => Math.log(1 + N / Math.max(0.5, id === undefined ? 0 : (df[id] ?? 0)));
    const toRows = (bags: Map<string, number>[]): SparseRows => {
      let nnz = 0;
      for (const b of bags) nnz += b.size;
      const ptr = new Int32Array(bags.length + 1);
      const terms = new Int32Array(nnz);
      const weights = new Float32Array(nnz);
      let k = 0;
      bags.forEach((bag, i) => {
        ptr[i] = k;
        const entries = [...bag.entries()].map(([t, tf]) => {
          const id = this.vocab.get(t)!;
          return [id, (1 + Math.log(tf)) * idf(id)] as [number, number];
        });
        entries.sort((a, b) => a[0] - b[0]);
        let norm = 0;
        for (const [, w] of entries) norm += w * w;
        norm = Math.sqrt(norm) || 1;
        for (const [id, w] of entries) {
          terms[k] = id;
          weights[k] = w / norm;
          k++;
        }
      });
      ptr[bags.length] = k;
      return { ptr, terms, weights };
    };
    this.dText = toRows(dBags);
    this.oText = toRows(oBags);

    // Sector "documents": the sector's lexicon concepts, plus the words of its labels at a
    // lower weight. Only terms present in the corpus matter for the evidence sum.
    this.sectorDocs = this.sectorCodes.map((code) => {
      const doc = new Map<number, number>();
      for (const c of this.analyzer.concepts.values()) {
        if (c.sector !== code) continue;
        const id = this.vocab.get(c.term);
        if (id !== undefined) doc.set(id, 1);
      }
      const sector = this.tax.sectores.get(code)!;
      const label = new Map<string, number>();
      this.analyzer.analyze(`${sector.es} ${sector.en}`, 1, label);
      for (const t of label.keys()) {
        if (t.startsWith('~')) continue;
        const id = this.vocab.get(t);
        if (id !== undefined && !doc.has(id)) doc.set(id, LABEL_TERM_WEIGHT);
      }
      return doc;
    });
  }

  private codesToBits(codes: string[] | undefined, all: string[]): number {
    let m = 0;
    for (const c of codes ?? []) {
      const i = all.indexOf(c);
      if (i >= 0) m |= 1 << i;
    }
    return m;
  }

  private odsBits(ods: number[] | undefined): number {
    let m = 0;
    for (const o of ods ?? []) if (o >= 1 && o <= 31) m |= 1 << (o - 1);
    return m;
  }

  /** Evidence per sector from an item's text vector (sum of its weights on the sector's terms). */
  private sectorEvidence(rows: SparseRows, i: number): Float64Array {
    const ev = new Float64Array(this.S);
    for (let j = rows.ptr[i]; j < rows.ptr[i + 1]; j++) {
      const t = rows.terms[j];
      const w = rows.weights[j];
      for (let s = 0; s < this.S; s++) {
        const sw = this.sectorDocs[s].get(t);
        if (sw !== undefined) ev[s] += w * sw;
      }
    }
    return ev;
  }

  private buildTags(): void {
    const S = this.S;
    const sectors = [...this.tax.sectores.values()];
    // How many sectors each competencia / ODS serves (for RELATED_STRENGTH / n).
    const compFan = new Map<string, number[]>();
    const odsFan = new Map<number, number[]>();
    sectors.forEach((s, si) => {
      for (const c of s.competencias) compFan.set(c, [...(compFan.get(c) ?? []), si]);
      for (const o of s.ods) odsFan.set(o, [...(odsFan.get(o) ?? []), si]);
    });

    const prepare = (item: MatchDemand | MatchOffer, rows: SparseRows, i: number, modText: number) => {
      const explicit = [...new Set((item.sectors ?? []).map((c) => this.sectorCodes.indexOf(c)).filter((x) => x >= 0))];
      let comp = this.codesToBits(item.competencias, this.compCodes);
      let ods = this.odsBits(item.ods);
      for (const si of explicit) {
        comp |= this.codesToBits(sectors[si].competencias, this.compCodes);
        ods |= this.odsBits(sectors[si].ods);
      }
      const vec = new Float32Array(S);
      const prov: SectorProvenance = { explicit, related: new Map(), inferred: new Map() };
      if (explicit.length) {
        for (const si of explicit) vec[si] = 1;
        // A tagged competencia that none of the tagged sectors accounts for points to another
        // sector (a tourism demand tagged C10 "playas, riberas" also concerns CLIMA).
        const covered = new Set(explicit.flatMap((si) => sectors[si].competencias));
        for (const c of item.competencias ?? []) {
          const fan = compFan.get(c);
          if (!fan || covered.has(c)) continue;
          for (const si of fan) {
            if (vec[si] >= 1) continue;
            vec[si] = 1 - (1 - vec[si]) * (1 - RELATED_STRENGTH / fan.length);
            prov.related.set(si, [...(prov.related.get(si) ?? []), c]);
          }
        }
      } else {
        // No tagged sector: combine what the tagged codes imply with what the text says
        // (noisy-or, so agreeing evidence reinforces and nothing exceeds 1).
        const miss = new Float64Array(S).fill(1);
        const lend = (code: string, fan: number[] | undefined) => {
          for (const si of fan ?? []) {
            miss[si] *= 1 - RELATED_STRENGTH / fan!.length;
            prov.related.set(si, [...(prov.related.get(si) ?? []), code]);
          }
        };
        for (const c of item.competencias ?? []) lend(c, compFan.get(c));
        for (const o of item.ods ?? []) lend(`ODS ${o}`, odsFan.get(o));
        const ev = this.sectorEvidence(rows, i);
        let best = 0;
        for (let s = 0; s < S; s++) best = Math.max(best, ev[s]);
        if (best >= INFER_FLOOR) {
          const order = [...ev.keys()].filter((s) => ev[s] >= Math.max(INFER_FLOOR, best / 2)).sort((a, b) => ev[b] - ev[a]);
          for (const s of order.slice(0, INFER_MAX_SECTORS)) {
            const conf = Math.min(1, ev[s] / INFER_SATURATION);
            miss[s] *= 1 - conf;
            prov.inferred.set(s, ev[s]);
          }
        }
        for (let s = 0; s < S; s++) vec[s] = 1 - miss[s];
      }
      const taggedMod = this.codesToBits(item.modalidades, this.modCodes);
      return { vec, comp, ods, mod: taggedMod || modText, modInferred: !taggedMod && modText !== 0, prov };
    };

    const nD = this.nDemands;
    const nO = this.nOffers;
    const tagged = (items: Array<MatchDemand | MatchOffer>) => [
      Int32Array.from(items, (it) => this.codesToBits(it.competencias, this.compCodes)),
      Int32Array.from(items, (it) => this.odsBits(it.ods)),
    ];
    this.dTagged = tagged(this.input.demands);
    this.oTagged = tagged(this.input.offers);
    this.dComp = new Int32Array(nD);
    this.dOds = new Int32Array(nD);
    this.dMod = new Int32Array(nD);
    this.dModInferred = new Uint8Array(nD);
    this.oModInferred = new Uint8Array(nO);
    this.dCompInv = new Float64Array(nD);
    this.dOdsInv = new Float64Array(nD);
    this.dSecInv = new Float32Array(nD);
    const secPtr: number[] = [0];
    const secIdx: number[] = [];
    const secW: number[] = [];
    this.input.demands.forEach((d, i) => {
      const p = prepare(d, this.dText, i, this.dModText[i]);
      this.dModInferred[i] = p.modInferred ? 1 : 0;
      this.dComp[i] = p.comp;
      this.dOds[i] = p.ods;
      this.dMod[i] = p.mod;
      this.dProv.push(p.prov);
      let sum = 0;
      for (let s = 0; s < S; s++) {
        if (p.vec[s] > 0) {
          secIdx.push(s);
          secW.push(p.vec[s]);
          sum += p.vec[s];
        }
      }
      secPtr.push(secIdx.length);
      // A weak inference (total weight under 1) earns only its share: it is not a certainty.
      this.dSecInv[i] = sum > 0 ? 1 / Math.max(1, sum) : 0;
      // Thematic = mean over the parts the demand states (competencias, ODS) of the share covered.
      const cc = popcount(p.comp);
      const oc = popcount(p.ods);
      const parts = (cc ? 1 : 0) + (oc ? 1 : 0);
      this.dCompInv[i] = cc ? 1 / (cc * parts) : 0;
      this.dOdsInv[i] = oc ? 1 / (oc * parts) : 0;
    });
    this.dSecPtr = Int32Array.from(secPtr);
    this.dSecIdx = Int32Array.from(secIdx);
    this.dSecW = Float32Array.from(secW);

    this.oSec = new Float32Array(nO * S);
    this.oComp = new Int32Array(nO);
    this.oOds = new Int32Array(nO);
    this.oMod = new Int32Array(nO);
    this.input.offers.forEach((o, i) => {
      const p = prepare(o, this.oText, i, this.oModText[i]);
      this.oModInferred[i] = p.modInferred ? 1 : 0;
      this.oSec.set(p.vec, i * S);
      this.oComp[i] = p.comp;
      this.oOds[i] = p.ods;
      this.oMod[i] = p.mod;
      this.oProv.push(p.prov);
    });
  }

  private gadmLocation(p: MatchParticipant | undefined): { region?: string; province?: string } {
    if (!p) return {};
    if (p.region && p.province) return { region: p.region, province: p.province };
    const code = p.inecCode ?? p.id;
    const ref = loadGadms().find((g) => g.inecCode === code);
    return { region: p.region ?? ref?.region, province: p.province ?? ref?.provinceCode };
  }

  private buildGeo(): void {
    const nD = this.nDemands;
    const nO = this.nOffers;
    this.dRegionBit = new Int32Array(nD);
    this.dProvBit = new Int32Array(nD);
    this.dAmount = new Float64Array(nD);
    this.dOwner = new Int32Array(nD);
    this.input.demands.forEach((d, i) => {
      const owner = this.participantIndex.get(d.participant) ?? -1;
      this.dOwner[i] = owner;
      // A demand whose location is unknown only meets offers open to anywhere.
      const loc = this.gadmLocation(this.participants[owner]);
      const r = loc.region ? REGION_NAMES.indexOf(loc.region) : -1;
      const pv = loc.province ? this.provinceCodes.indexOf(loc.province) : -1;
      this.dRegionBit[i] = r >= 0 ? 1 << r : 0;
      this.dProvBit[i] = pv >= 0 ? 1 << pv : 0;
      this.dAmount[i] = typeof d.amountUsd === 'number' ? d.amountUsd : NaN;
    });
    this.oAnywhere = new Uint8Array(nO);
    this.oRegionMask = new Int32Array(nO);
    this.oProvMask = new Int32Array(nO);
    this.oMin = new Float64Array(nO);
    this.oMax = new Float64Array(nO);
    this.oHasRange = new Uint8Array(nO);
    this.oOwner = new Int32Array(nO);
    this.input.offers.forEach((o, i) => {
      this.oOwner[i] = this.participantIndex.get(o.participant) ?? -1;
      let rm = 0;
      for (const r of o.regions ?? []) {
        const k = REGION_NAMES.indexOf(r);
        if (k >= 0) rm |= 1 << k;
      }
      let pm = 0;
      for (const p of o.provinces ?? []) {
        const k = this.provinceCodes.indexOf(p);
        if (k >= 0) pm |= 1 << k;
      }
      this.oRegionMask[i] = rm;
      this.oProvMask[i] = pm;
      this.oAnywhere[i] = (o.regions?.length ?? 0) === 0 && (o.provinces?.length ?? 0) === 0 ? 1 : 0;
      this.oMin[i] = typeof o.minAmountUsd === 'number' ? o.minAmountUsd : -Infinity;
      this.oMax[i] = typeof o.maxAmountUsd === 'number' ? o.maxAmountUsd : Infinity;
      this.oHasRange[i] = typeof o.minAmountUsd === 'number' || typeof o.maxAmountUsd === 'number' ? 1 : 0;
    });
  }

  // ---------------------------------------------------------------- scoring (hot path)

  /** Hard rules: the GADM lies in the offer's territory, and a stated amount lies in its range. */
  eligibleAt(d: number, o: number): boolean {
    if (!this.oAnywhere[o] && ((this.oRegionMask[o] & this.dRegionBit[d]) | (this.oProvMask[o] & this.dProvBit[d])) === 0) return false;
    const a = this.dAmount[d];
    return !(a < this.oMin[o] || a > this.oMax[o]); // NaN (no amount) passes
  }

  private scatter(d: number): void {
    const t = this.dText;
    for (let j = t.ptr[d]; j < t.ptr[d + 1]; j++) this.dense[t.terms[j]] = t.weights[j];
  }

  private unscatter(d: number): void {
    const t = this.dText;
    for (let j = t.ptr[d]; j < t.ptr[d + 1]; j++) this.dense[t.terms[j]] = 0;
  }

  private components(d: number, o: number, out: ScoreComponents): void {
    let sec = 0;
    const base = o * this.S;
    for (let j = this.dSecPtr[d]; j < this.dSecPtr[d + 1]; j++) {
      const a = this.dSecW[j];
      const b = this.oSec[base + this.dSecIdx[j]];
      sec += a < b ? a : b;
    }
    out.sector = sec * this.dSecInv[d];
    out.thematic = popcount(this.dComp[d] & this.oComp[o]) * this.dCompInv[d] + popcount(this.dOds[d] & this.oOds[o]) * this.dOdsInv[d];
    let dot = 0;
    const ot = this.oText;
    for (let j = ot.ptr[o]; j < ot.ptr[o + 1]; j++) dot += this.dense[ot.terms[j]] * ot.weights[j];
    const txt = dot * this.invSat;
    out.text = txt > 1 ? 1 : txt;
    const dm = this.dMod[d];
    const om = this.oMod[o];
    // Unknown on either side is neutral, neither a match nor a mismatch.
    out.modality = dm !== 0 && om !== 0 ? ((dm & om) !== 0 ? 1 : 0) : 0.5;
    out.amount = this.dAmount[d] === this.dAmount[d] && this.oHasRange[o] ? 1 : 0.5;
    out.territory = this.oAnywhere[o] ? 0.5 : (this.oProvMask[o] & this.dProvBit[d]) !== 0 ? 1 : 0.75;
    out.feedback = this.fb ? this.feedbackDelta(d, o) : 0;
  }

  /** strength × Σₛ (demand's share of sector s) × (acceptances − declines) / (answers + 1) of the offer's cooperant on s. */
  private feedbackDelta(d: number, o: number): number {
    const owner = this.oOwner[o];
    if (owner < 0) return 0;
    const fb = this.fb!;
    const base = owner * this.S;
    let x = 0;
    for (let j = this.dSecPtr[d]; j < this.dSecPtr[d + 1]; j++) x += this.dSecW[j] * fb[base + this.dSecIdx[j]];
    return this.fbStrength * x * this.dSecInv[d];
  }

  private readonly tmp: ScoreComponents = { sector: 0, thematic: 0, text: 0, modality: 0, amount: 0, territory: 0, feedback: 0 };

  /** Score of an eligible pair; the demand's text must be scattered. */
  private pairScore(d: number, o: number): number {
    const c = this.tmp;
    this.components(d, o, c);
    const s =
      this.wSec * c.sector +
      this.wThem * c.thematic +
      this.wText * c.text +
      this.wMod * c.modality +
      this.wAmt * c.amount +
      this.wTer * c.territory +
      c.feedback;
    return s > 1 ? 1 : s < 0 ? 0 : s;
  }

  /** Score in [0, 1] of a pair by indexes, or -1 when it fails a hard rule. */
  scoreAt(d: number, o: number): number {
    if (!this.eligibleAt(d, o)) return -1;
    return this.withSpare(() => {
      this.scatter(d);
      const s = this.pairScore(d, o);
      this.unscatter(d);
      return s;
    });
  }

  private withSpare<T>(fn: () => T): T {
    const main = this.dense;
    this.dense = this.spare;
    try {
      return fn();
    } finally {
      this.spare = this.dense;
      this.dense = main;
    }
  }

  /** Score of a pair by ids, or null when it fails a hard rule. */
  score(demandId: string, offerId: string): number | null {
    const s = this.scoreAt(this.demandIdx(demandId), this.offerIdx(offerId));
    return s < 0 ? null : s;
  }

  /**
   * Visits every eligible pair with its score (brute force, no allocation per pair).
   * The visitor may call score/explain but not another scoreAll.
   * Returns the number of pairs scored.
   */
  scoreAll(visit?: (demand: number, offer: number, score: number) => void): number {
    let n = 0;
    for (let d = 0; d < this.nDemands; d++) {
      this.scatter(d);
      for (let o = 0; o < this.nOffers; o++) {
        if (!this.eligibleAt(d, o)) continue;
        const s = this.pairScore(d, o);
        n++;
        if (visit) visit(d, o, s);
      }
      this.unscatter(d);
    }
    return n;
  }

  // ---------------------------------------------------------------- top-k

  /**
   * Best k eligible offers per demand. `strategy`:
   * - 'brute': scores every pair;
   * - 'pruned': scores only offers sharing a high-bound feature with the demand (MaxScore-style,
   *   see searchPruned) and proves that the rest cannot enter the top-k;
   * - 'auto' (default): pruned above 2 million pairs.
   * Both give identical results, including ties (lower offer index first).
   */
  topOffersPerDemandIdx(
    k: number,
    strategy: 'auto' | 'brute' | 'pruned' = 'auto',
    stats?: SearchStats,
    /** Only these demand rows (others stay empty); for sampling checks. */
    only?: ArrayLike<number>,
  ): TopKResult {
    const nD = this.nDemands;
    const res: TopKResult = {
      k,
      counts: new Int32Array(nD),
      items: new Int32Array(nD * k).fill(-1),
      scores: new Float64Array(nD * k),
    };
    if (k <= 0) return res;
    const heap = new TopKHeap(k);
    const pruned = strategy === 'pruned' || (strategy === 'auto' && nD * this.nOffers > 2_000_000);
    const stamp = pruned ? new Int32Array(this.nOffers) : undefined;
    const rows = only ? Array.from(only) : Array.from({ length: nD }, (_, i) => i);
    for (const d of rows) {
      heap.clear();
      this.scatter(d);
      if (pruned) this.searchPruned(d, heap, stamp!, stats);
      else {
        for (let o = 0; o < this.nOffers; o++) {
          if (!this.eligibleAt(d, o)) continue;
          heap.push(this.pairScore(d, o), o);
        }
        if (stats) stats.scoredPairs += this.nOffers;
      }
      this.unscatter(d);
      res.counts[d] = heap.drainSorted(res.items, res.scores, d * k);
    }
    return res;
  }

  private buildPostings() {
    if (this.postings) return this.postings;
    const nO = this.nOffers;
    const S = this.S;
    const collect = (test: (o: number) => boolean) => {
      const out: number[] = [];
      for (let o = 0; o < nO; o++) if (test(o)) out.push(o);
      return Int32Array.from(out);
    };
    const sector = Array.from({ length: S }, (_, s) => collect((o) => this.oSec[o * S + s] > 0));
    const comp = Array.from({ length: 31 }, (_, b) => collect((o) => (this.oComp[o] & (1 << b)) !== 0));
    const ods = Array.from({ length: 31 }, (_, b) => collect((o) => (this.oOds[o] & (1 << b)) !== 0));
    const V = this.terms.length;
    const ot = this.oText;
    const termPtr = new Int32Array(V + 1);
    const termMax = new Float32Array(V);
    for (let j = 0; j < ot.terms.length; j++) {
      termPtr[ot.terms[j] + 1]++;
      if (ot.weights[j] > termMax[ot.terms[j]]) termMax[ot.terms[j]] = ot.weights[j];
    }
    for (let t = 0; t < V; t++) termPtr[t + 1] += termPtr[t];
    const fill = termPtr.slice(0, V);
    const termOffers = new Int32Array(ot.terms.length);
    for (let o = 0; o < nO; o++) {
      for (let j = ot.ptr[o]; j < ot.ptr[o + 1]; j++) termOffers[fill[ot.terms[j]]++] = o;
    }
    this.postings = { sector, comp, ods, termPtr, termOffers, termMax };
    return this.postings;
  }

  /**
   * Safe candidate pruning for one demand (its text already scattered).
   *
   * The score is a sum of non-negative contributions. Those that depend on a shared feature —
   * a sector, a competencia or ODS bit, a text term — are each bounded by a per-feature
   * maximum `ub` (sector: its share of the demand's sector weight; bit: its share of the
   * thematic part; term: demand weight × the largest weight of that term in any offer, over the
   * text saturation). Modality, amount and territory are bounded by a constant `c` per demand.
   * Sort features by `ub`; an offer that shares none of the features from position i on scores
   * at most R(i) = c + Σ ub of the features before i. Score exactly every offer in the postings
   * of the features from i on; once the k-th best score exceeds R(i), no other offer can enter
   * the top-k. Otherwise lower i (more candidates) and repeat; at i = 0 fall back to a scan.
   */
  private searchPruned(d: number, heap: TopKHeap, stamp: Int32Array, stats?: SearchStats): void {
    const P = this.buildPostings();
    const feats: Array<{ ub: number; list: Int32Array; from: number; to: number }> = [];
    for (let j = this.dSecPtr[d]; j < this.dSecPtr[d + 1]; j++) {
      const list = P.sector[this.dSecIdx[j]];
      feats.push({ ub: this.wSec * this.dSecW[j] * this.dSecInv[d], list, from: 0, to: list.length });
    }
    for (const b of bitsOf(this.dComp[d]))
      feats.push({ ub: this.wThem * this.dCompInv[d], list: P.comp[b], from: 0, to: P.comp[b].length });
    for (const b of bitsOf(this.dOds[d])) feats.push({ ub: this.wThem * this.dOdsInv[d], list: P.ods[b], from: 0, to: P.ods[b].length });
    const dt = this.dText;
    for (let j = dt.ptr[d]; j < dt.ptr[d + 1]; j++) {
      const t = dt.terms[j];
      const ub = this.wText * dt.weights[j] * P.termMax[t] * this.invSat;
      if (ub > 0) feats.push({ ub, list: P.termOffers, from: P.termPtr[t], to: P.termPtr[t + 1] });
    }
    feats.sort((a, b) => a.ub - b.ub);
    const prefix = new Float64Array(feats.length + 1);
    for (let i = 0; i < feats.length; i++) prefix[i + 1] = prefix[i] + feats[i].ub;
    const c =
      this.wMod * (this.dMod[d] ? 1 : 0.5) + this.wAmt * (this.dAmount[d] === this.dAmount[d] ? 1 : 0.5) + this.wTer + this.fbStrength;
    const mark = d + 1;

    const scoreList = (f: (typeof feats)[number]) => {
      const list = f.list;
      for (let j = f.from; j < f.to; j++) {
        const o = list[j];
        if (stamp[o] === mark) continue;
        stamp[o] = mark;
        if (!this.eligibleAt(d, o)) continue;
        heap.push(this.pairScore(d, o), o);
        if (stats) stats.scoredPairs++;
      }
    };

    // Start with the features that alone could lift an offer above a typical good score, then
    // lower the bound: to just under the current k-th score once k offers are known, else in
    // fixed steps.
    let target = this.pruneStart;
    let i = feats.length;
    let done = feats.length; // features from `done` on have been scored
    for (;;) {
      while (i > 0 && c + prefix[i] > target) i--;
      for (let f = i; f < done; f++) scoreList(feats[f]);
      done = i;
      const bound = c + prefix[i];
      if (heap.full && heap.worst > bound + EPS) return;
      if (i === 0) break;
      target = heap.full ? Math.min(heap.worst - 2 * EPS, bound - EPS) : Math.min(target, bound) - 0.1;
    }
    // Bound not provable (fewer than k offers beat the constant part): scan the rest.
    if (stats) stats.fullScans++;
    for (let o = 0; o < this.nOffers; o++) {
      if (stamp[o] === mark) continue;
      stamp[o] = mark;
      if (!this.eligibleAt(d, o)) continue;
      heap.push(this.pairScore(d, o), o);
      if (stats) stats.scoredPairs++;
    }
  }

  /** Best offers per demand, by id, best first. */
  topOffersPerDemand(k: number, strategy: 'auto' | 'brute' | 'pruned' = 'auto'): Map<string, Array<{ offer: string; score: number }>> {
    const r = this.topOffersPerDemandIdx(k, strategy);
    const out = new Map<string, Array<{ offer: string; score: number }>>();
    for (let d = 0; d < this.nDemands; d++) {
      const row: Array<{ offer: string; score: number }> = [];
      for (let j = 0; j < r.counts[d]; j++) row.push({ offer: this.input.offers[r.items[d * k + j]].id, score: r.scores[d * k + j] });
      out.set(this.input.demands[d].id, row);
    }
    return out;
  }

  /**
   * Best demands per offer, best first. With fairness enabled, each list keeps room for small
   * GADMs (see {@link applyFairness}). Scans every pair.
   */
  topDemandsPerOffer(k: number, opts: { fairness?: boolean } = {}): Map<string, RankedDemand[]> {
    const fair = (opts.fairness ?? this.fairness.enabled) && k > 0;
    const cap = fair ? k * 4 : k;
    const heaps = Array.from({ length: this.nOffers }, () => new TopKHeap(cap));
    this.scoreAll((d, o, s) => heaps[o].push(s, d));
    const out = new Map<string, RankedDemand[]>();
    const items = new Int32Array(cap);
    const scores = new Float64Array(cap);
    heaps.forEach((h, o) => {
      const n = h.drainSorted(items, scores, 0);
      let ranked: RankedDemand[] = [];
      for (let j = 0; j < n; j++) ranked.push({ demand: this.input.demands[items[j]].id, score: scores[j] });
      ranked = fair
        ? this.applyFairness(ranked, k, (r) => this.isSmallGadm(this.participants[this.dOwner[this.demandIdx(r.demand)]]))
        : ranked.slice(0, k);
      out.set(this.input.offers[o].id, ranked);
    });
    return out;
  }

  /**
   * Best counterparts of a participant, aggregated over its demands (GADM) or offers
   * (cooperant): a counterpart's score is its best pair, ties broken by the number of eligible
   * pairs. A cooperant's list applies the fairness quota.
   */
  topCounterparts(participantId: string, k: number, opts: { fairness?: boolean } = {}): Counterpart[] {
    const pi = this.participantIndex.get(participantId);
    if (pi === undefined) throw new RangeError(`Participante desconocido / Unknown participant: ${participantId}`);
    const isGadm = this.participants[pi].kind === 'gadm';
    const agg = new Map<number, { best: number; count: number; pairs: Array<{ d: number; o: number; s: number }> }>();
    const add = (cp: number, d: number, o: number, s: number) => {
      let a = agg.get(cp);
      if (!a) agg.set(cp, (a = { best: -1, count: 0, pairs: [] }));
      a.count++;
      a.best = Math.max(a.best, s);
      a.pairs.push({ d, o, s });
    };
    const own: number[] = [];
    if (isGadm) {
      for (let d = 0; d < this.nDemands; d++) if (this.dOwner[d] === pi) own.push(d);
      for (const d of own) {
        this.scatter(d);
        for (let o = 0; o < this.nOffers; o++) if (this.eligibleAt(d, o)) add(this.oOwner[o], d, o, this.pairScore(d, o));
        this.unscatter(d);
      }
    } else {
      for (let o = 0; o < this.nOffers; o++) if (this.oOwner[o] === pi) own.push(o);
      if (own.length) {
        for (let d = 0; d < this.nDemands; d++) {
          this.scatter(d);
          for (const o of own) if (this.eligibleAt(d, o)) add(this.dOwner[d], d, o, this.pairScore(d, o));
          this.unscatter(d);
        }
      }
    }
    let list: Counterpart[] = [...agg.entries()]
      .sort((a, b) => b[1].best - a[1].best || b[1].count - a[1].count || a[0] - b[0])
      .map(([cp, a]) => ({
        participant: this.participants[cp].id,
        score: a.best,
        pairs: a.pairs
          .sort((x, y) => y.s - x.s || x.d - y.d || x.o - y.o)
          .slice(0, 3)
          .map((p) => ({ demand: this.input.demands[p.d].id, offer: this.input.offers[p.o].id, score: p.s })),
      }));
    if (!isGadm && (opts.fairness ?? this.fairness.enabled)) {
      list = this.applyFairness(list, k, (c) => this.isSmallGadm(this.participants[this.participantIndex.get(c.participant)!]));
    } else list = list.slice(0, k);
    return list;
  }

  /**
   * Size proxy for fairness, the one rule of libs/domain (`gadmSizeClass`): population when
   * known, otherwise the provincial capital cantons (by INEC code) are large.
   */
  isSmallGadm(p: MatchParticipant | undefined): boolean {
    if (!p || p.kind !== 'gadm') return false;
    return gadmSizeClass({ inecCode: p.inecCode ?? p.id, population: p.population }) === 'small';
  }

  /**
   * Quota re-ranking. Take the top k by score; while small GADMs hold fewer than
   * ceil(k × minSmallShare) places, the weakest large entry is replaced by the best small GADM
   * left out, provided its score is at least minRelativeScore × the displaced score. So a
   * small GADM never displaces a much better match, and nothing changes when small GADMs
   * already hold their share. The list stays sorted by score; promoted entries are flagged.
   */
  applyFairness<T extends { score: number; promoted?: boolean }>(ranked: T[], k: number, isSmall: (t: T) => boolean): T[] {
    const top = ranked.slice(0, k);
    const rest = ranked.slice(k).filter(isSmall);
    const quota = Math.ceil(k * this.fairness.minSmallShare);
    let small = top.filter(isSmall).length;
    let next = 0;
    while (small < quota && next < rest.length) {
      let victim = -1;
      for (let j = top.length - 1; j >= 0; j--) {
        if (!isSmall(top[j])) {
          victim = j;
          break;
        }
      }
      if (victim < 0) break;
      const cand = rest[next];
      if (cand.score < this.fairness.minRelativeScore * top[victim].score) break;
      top.splice(victim, 1);
      top.push({ ...cand, promoted: true });
      next++;
      small++;
    }
    return top.sort((a, b) => b.score - a.score);
  }

  // ---------------------------------------------------------------- explanations

  demandIdx(id: string): number {
    const i = this.demandIndex.get(id);
    if (i === undefined) throw new RangeError(`Demanda desconocida / Unknown demand: ${id}`);
    return i;
  }

  offerIdx(id: string): number {
    const i = this.offerIndex.get(id);
    if (i === undefined) throw new RangeError(`Oferta desconocida / Unknown offer: ${id}`);
    return i;
  }

  private trace(side: ItemSide, i: number): TracedToken[] {
    const key = `${side}:${i}`;
    let tr = this.traceCache.get(key);
    if (!tr) {
      const item = side === 'demand' ? this.input.demands[i] : this.input.offers[i];
      tr = [];
      const bag = new Map<string, number>();
      this.analyzer.analyze(item.title ?? '', 1, bag, tr);
      this.analyzer.analyze(item.description ?? '', 1, bag, tr);
      if (this.traceCache.size > 5000) this.traceCache.clear();
      this.traceCache.set(key, tr);
    }
    return tr;
  }

  /** First surface word of the item that produced `term`. */
  private surfaceOf(side: ItemSide, i: number, term: string): string | undefined {
    for (const tok of this.trace(side, i)) if (tok.terms.includes(term)) return tok.surface;
    return undefined;
  }

  /** "basura, reciclaje": the words of an item that made us infer sector s. */
  private inferenceWords(side: ItemSide, i: number, s: number): string {
    const doc = this.sectorDocs[s];
    const words: string[] = [];
    for (const tok of this.trace(side, i)) {
      if (words.includes(tok.surface)) continue;
      if (tok.terms.some((t) => t.startsWith('~') && doc.has(this.vocab.get(t) ?? -1))) words.push(tok.surface);
      if (words.length >= 4) break;
    }
    if (words.length === 0) {
      for (const tok of this.trace(side, i)) {
        if (!words.includes(tok.surface) && tok.terms.some((t) => doc.has(this.vocab.get(t) ?? -1))) words.push(tok.surface);
        if (words.length >= 4) break;
      }
    }
    return words.join(', ');
  }

  private textReason(d: number, o: number): string {
    const dt = this.dText;
    const ot = this.oText;
    const contrib: Array<[number, number]> = [];
    let a = dt.ptr[d];
    let b = ot.ptr[o];
    while (a < dt.ptr[d + 1] && b < ot.ptr[o + 1]) {
      if (dt.terms[a] === ot.terms[b]) {
        contrib.push([dt.terms[a], dt.weights[a] * ot.weights[b]]);
        a++;
        b++;
      } else if (dt.terms[a] < ot.terms[b]) a++;
      else b++;
    }
    contrib.sort((x, y) => y[1] - x[1]);
    // One entry per demand word, strongest first; weak incidental overlaps are left out.
    const byWord = new Map<string, { ds: string; direct: boolean; os?: string }>();
    const floor = contrib.length ? contrib[0][1] * 0.15 : 0;
    for (const [t, c] of contrib) {
      if (c < floor || byWord.size >= 5) break;
      const term = this.terms[t];
      const ds = this.surfaceOf('demand', d, term);
      if (!ds) continue;
      const key = foldWord(ds);
      let entry = byWord.get(key);
      if (!entry) byWord.set(key, (entry = { ds, direct: false }));
      if (!term.startsWith('~')) entry.direct = true;
      else {
        const os = this.surfaceOf('offer', o, term);
        if (os && foldWord(os) !== key) entry.os ??= os;
      }
    }
    const shown = [...byWord.values()].map((e) => (e.direct || !e.os ? e.ds : `${e.ds}≈${e.os}`));
    return shown.join(', ');
  }

  /** Score, components and human-readable reasons of one pair. */
  explain(demandId: string, offerId: string): Explanation {
    const d = this.demandIdx(demandId);
    const o = this.offerIdx(offerId);
    return this.explainAt(d, o);
  }

  explainAt(d: number, o: number): Explanation {
    const demand = this.input.demands[d];
    const offer = this.input.offers[o];
    const components: ScoreComponents = { sector: 0, thematic: 0, text: 0, modality: 0, amount: 0, territory: 0, feedback: 0 };
    const score = this.withSpare(() => {
      this.scatter(d);
      this.components(d, o, components);
      const s = this.eligibleAt(d, o) ? this.pairScore(d, o) : 0;
      this.unscatter(d);
      return s;
    });
    const out: Explanation = { demand: demand.id, offer: offer.id, eligible: this.eligibleAt(d, o), score, components, reasons: [] };
    if (!out.eligible) {
      out.ineligibleReason = this.ineligibleReason(d, o);
      return out;
    }
    const reasons = out.reasons;
    const L = this.labels;
    const add = (kind: string, es: string, en: string) => reasons.push({ kind, detail: es, detailEn: en });
    const S = this.S;

    // Sectors: tagged on both sides, or reached through codes or text on either side.
    const dp = this.dProv[d];
    const op = this.oProv[o];
    // Codes already shown as leading to a sector are not repeated in the thematic reasons.
    const viaCode = new Set<string>();
    const plainSectors: Array<readonly [string, string]> = [];
    for (let j = this.dSecPtr[d]; j < this.dSecPtr[d + 1]; j++) {
      const s = this.dSecIdx[j];
      if (this.oSec[o * S + s] <= 0) continue;
      const [sEs, sEn] = L.sector(this.sectorCodes[s]);
      let explained = false;
      for (const [side, prov, idx] of [
        ['demand', dp, d],
        ['offer', op, o],
      ] as const) {
        if (prov.explicit.includes(s)) continue;
        if (prov.inferred.has(s)) {
          const words = this.inferenceWords(side, idx, s);
          add(
            'inferred-sector',
            `${sEs} (inferido del texto${side === 'offer' ? ' de la oferta' : ''}: ${words})`,
            `${sEn} (inferred from the ${side === 'offer' ? "offer's " : ''}text: ${words})`,
          );
          explained = true;
        }
        for (const c of prov.related.get(s) ?? []) {
          viaCode.add(c);
          const n = c.startsWith('ODS ') ? Number(c.slice(4)) : NaN;
          const [cEs, cEn] = Number.isNaN(n) ? L.competencia(c) : L.ods(n);
          add(Number.isNaN(n) ? 'competencia' : 'ods', `${cEs} → ${sEs}`, `${cEn} → ${sEn}`);
          explained = true;
        }
      }
      if (!explained) plainSectors.push([sEs, sEn]);
    }
    if (plainSectors.length)
      reasons.unshift({
        kind: 'sector',
        detail: plainSectors.map((x) => x[0]).join('; '),
        detailEn: plainSectors.map((x) => x[1]).join('; '),
      });

    const compShared = this.dComp[d] & this.oComp[o] & (this.dTagged[0][d] | this.oTagged[0][o]);
    const comps = bitsOf(compShared)
      .map((b) => this.compCodes[b])
      .filter((c) => !viaCode.has(c))
      .map((c) => L.competencia(c));
    if (comps.length) add('competencia', comps.map((c) => c[0]).join('; '), comps.map((c) => c[1]).join('; '));
    const odsShared = this.dOds[d] & this.oOds[o] & (this.dTagged[1][d] | this.oTagged[1][o]);
    const ods = bitsOf(odsShared)
      .map((b) => b + 1)
      .filter((n) => !viaCode.has(`ODS ${n}`))
      .map((n) => L.ods(n));
    if (ods.length) add('ods', ods.map((x) => x[0]).join('; '), ods.map((x) => x[1]).join('; '));
    const modShared = this.dMod[d] & this.oMod[o];
    if (modShared) {
      const mods = bitsOf(modShared).map((b) => L.modality(this.modCodes[b]));
      const inferred = this.dModInferred[d] || this.oModInferred[o];
      add(
        'modalidad',
        mods.map((m) => m[0]).join(', ') + (inferred ? ' (según el texto)' : ''),
        mods.map((m) => m[1]).join(', ') + (inferred ? ' (from the text)' : ''),
      );
    }
    if (components.text > 0) {
      const words = this.textReason(d, o);
      if (words) add('text', words, words);
    }
    if (components.amount === 1) {
      add(
        'amount',
        `${usd(this.dAmount[d])} dentro del rango de la oferta (${usdRange(this.oMin[o], this.oMax[o])})`,
        `${usd(this.dAmount[d], 'en')} within the offer's range (${usdRange(this.oMin[o], this.oMax[o], 'en')})`,
      );
    }
    if (components.territory > 0.5) {
      const loc = this.gadmLocation(this.participants[this.dOwner[d]]);
      const province = titleCase(this.provinceNames.get(loc.province ?? '') ?? loc.province ?? '');
      if (components.territory === 1) add('territory', `provincia de ${province}`, `${province} province`);
      else add('territory', `región ${loc.region}`, `${loc.region} region`);
    }
    if (Math.abs(components.feedback) >= 0.005) {
      const fr = this.feedbackReason(d, o, components.feedback);
      if (fr) reasons.push(fr);
    }
    for (const side of ['demand', 'offer'] as const) {
      const note = textNote(side === 'demand' ? demand : offer);
      if (note === 'empty')
        add(
          'text',
          `${side === 'demand' ? 'la demanda' : 'la oferta'} no tiene texto legible: se compara solo por sus etiquetas`,
          `the ${side} has no readable text: compared on its tags only`,
        );
      else if (note === 'script')
        add(
          'text',
          `el texto de ${side === 'demand' ? 'la demanda' : 'la oferta'} no está en español ni en inglés: no se compara`,
          `the ${side}'s text is neither Spanish nor English: not compared`,
        );
    }
    if (reasons.length === 0) {
      // Nothing specific in common: say so rather than leave the score unexplained.
      const limited = (offer.regions?.length ?? 0) + (offer.provinces?.length ?? 0) > 0;
      if (limited)
        add('territory', 'dentro del territorio de la oferta (sin afinidad temática)', "within the offer's territory (no shared theme)");
      else add('territory', 'oferta abierta a todo el país (sin afinidad temática)', 'offer open to the whole country (no shared theme)');
    }
    // Identical reasons can arise when both sides lend the same code.
    const seen = new Set<string>();
    out.reasons = reasons.filter((r) => {
      const key = `${r.kind}|${r.detail}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return out;
  }

  /** "Aprendido en este evento: JICA aceptó 3 de 4 solicitudes sobre Agua potable y saneamiento (+0,05)". */
  private feedbackReason(d: number, o: number, delta: number): MatchReason | undefined {
    const owner = this.oOwner[o];
    // The sector that moved the score most.
    let best = -1;
    let bestAbs = 0;
    for (let j = this.dSecPtr[d]; j < this.dSecPtr[d + 1]; j++) {
      const v = Math.abs(this.dSecW[j] * this.fb![owner * this.S + this.dSecIdx[j]]);
      if (v > bestAbs) {
        bestAbs = v;
        best = this.dSecIdx[j];
      }
    }
    if (best < 0) return undefined;
    const count = this.fbCounts.get(`${owner}|${best}`);
    const [sEs, sEn] = this.labels.sector(this.sectorCodes[best]);
    const name = this.participants[owner].name ?? this.participants[owner].id;
    const sign = delta > 0 ? '+' : '−';
    const amountEs = `${sign}${new Intl.NumberFormat('es-EC', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(delta))}`;
    const amountEn = `${sign}${Math.abs(delta).toFixed(2)}`;
    if (!count) {
      return {
        kind: 'feedback',
        detail: `Aprendido en este evento: respuestas de ${name} a solicitudes afines (${amountEs})`,
        detailEn: `Learnt at this event: ${name}'s answers to related requests (${amountEn})`,
      };
    }
    const total = count.accepted + count.declined;
    const plural = (n: number, one: string, other: string) => (PLURAL_ES.select(n) === 'one' ? one : other);
    const pluralEn = (n: number, one: string, other: string) => (PLURAL_EN.select(n) === 'one' ? one : other);
    return {
      kind: 'feedback',
      detail: `Aprendido en este evento: ${name} aceptó ${count.accepted} de ${total} ${plural(total, 'solicitud', 'solicitudes')} sobre ${sEs} (${amountEs})`,
      detailEn: `Learnt at this event: ${name} accepted ${count.accepted} of ${total} ${pluralEn(total, 'request', 'requests')} on ${sEn} (${amountEn})`,
    };
  }

  private ineligibleReason(d: number, o: number): string {
    const offer = this.input.offers[o];
    const a = this.dAmount[d];
    if (a < this.oMin[o] || a > this.oMax[o]) {
      return `monto ${usd(a)} fuera del rango de la oferta (${usdRange(this.oMin[o], this.oMax[o])}) / amount ${usd(a, 'en')} outside the offer's range`;
    }
    const where = [...(offer.regions ?? []), ...(offer.provinces ?? []).map((p) => titleCase(this.provinceNames.get(p) ?? p))].join(', ');
    return `el GADM está fuera del territorio de la oferta (${where}) / the GADM lies outside the offer's territory`;
  }

  /** Inferred sectors of an item (text-only items), strongest first, with the words behind them. */
  inferredSectors(side: ItemSide, id: string): Array<{ sector: string; evidence: number; words: string }> {
    const i = side === 'demand' ? this.demandIdx(id) : this.offerIdx(id);
    const prov = side === 'demand' ? this.dProv[i] : this.oProv[i];
    return [...prov.inferred.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([s, ev]) => ({ sector: this.sectorCodes[s], evidence: ev, words: this.inferenceWords(side, i, s) }));
  }
}

function foldWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Why an item's text cannot take part in the comparison, if it cannot: no words at all
 * (empty, blank or punctuation), or words in another script (Cyrillic, Chinese…) that the
 * Spanish and English analysis cannot read. Looks at the first 2,000 characters only.
 */
export function textNote(item: { title?: string; description?: string }): 'empty' | 'script' | undefined {
  const head = `${item.title ?? ''} ${item.description ?? ''}`.slice(0, 2000);
  const letters = head.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 'empty';
  const latin = head.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return latin < letters / 2 ? 'script' : undefined;
}

/** Precomputes an event for scoring. `input` is the plain `rueda.match-input/1` shape. */
export function buildMatchIndex(input: MatchInput, options: MatchOptions = {}): MatchIndex {
  return new MatchIndex(input, options);
}

/**
 * Score of one pair in [0, 1], or null when a hard rule excludes it. `ctx` is the event's
 * index (it holds the corpus statistics the text similarity depends on).
 */
export function score(demand: MatchDemand | string, offer: MatchOffer | string, ctx: MatchIndex): number | null {
  return ctx.score(typeof demand === 'string' ? demand : demand.id, typeof offer === 'string' ? offer : offer.id);
}
