import type { EventFeedback } from './feedback';

/**
 * Relative weight of each score component. They need not sum to 1: the score divides by their
 * sum, so it always stays in [0, 1].
 */
export interface MatchWeights {
  /** Shared sectors (tagged, derived from competencias/ODS, or inferred from text). */
  sector: number;
  /** Shared competencias and ODS (tagged, or implied by tagged sectors). */
  thematic: number;
  /** TF-IDF cosine of the texts, with the concept lexicon bridging synonyms. */
  text: number;
  /** The offer provides one of the modalities the demand asks for. */
  modality: number;
  /** The demand's amount lies inside the offer's range. */
  amount: number;
  /** The offer targets the demand's province or region. */
  territory: number;
}

export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  sector: 0.3,
  thematic: 0.1,
  text: 0.35,
  modality: 0.1,
  amount: 0.05,
  territory: 0.1,
});

/**
 * How much room the recommendations keep for small GADMs. Who is small is not an option:
 * `gadmSizeClass` (libs/domain) decides it for matching and the fairness report alike.
 */
export interface FairnessOptions {
  enabled: boolean;
  /** Share of each top-k list of GADMs (per offer / per cooperant) reserved for small GADMs when they qualify. */
  minSmallShare: number;
  /** A small GADM may displace a larger one only if its score is at least this fraction of the displaced score. */
  minRelativeScore: number;
}

export const DEFAULT_FAIRNESS: Readonly<FairnessOptions> = Object.freeze({
  enabled: true,
  minSmallShare: 0.3,
  minRelativeScore: 0.8,
});

export interface MatchOptions {
  /** Answered meeting requests of this event, which adjust the scores (learning from the event). */
  feedback?: EventFeedback;
  weights?: Partial<MatchWeights>;
  fairness?: Partial<FairnessOptions>;
  /** Cosine at which the text component saturates to 1 (short texts rarely exceed ~0.5). */
  textSaturation?: number;
  /** Tokens kept per text (title and description each). */
  maxTokens?: number;
  /** Concept lexicon per sector code (default SECTOR_LEXICON); an event may bring its own vocabulary. */
  lexicon?: Record<string, string[][]>;
}

export function resolveWeights(w: Partial<MatchWeights> = {}): MatchWeights {
  const out = { ...DEFAULT_WEIGHTS, ...w };
  for (const [k, v] of Object.entries(out)) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`Peso inválido / Invalid weight ${k}: ${String(v)}`);
  }
  const sum = Object.values(out).reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError('La suma de los pesos debe ser positiva / Weights must sum to a positive number');
  return out;
}
