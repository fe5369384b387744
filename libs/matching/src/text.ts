import { ACRONYMS } from './acronyms';
import { cognateToSpanish, EN_ES } from './bilingual';
import { SECTOR_LEXICON } from './lexicon';

interface Stemmer {
  stem(word: string): string;
}
// snowball-stemmers ships no type declarations; this is the one function we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): Stemmer };

/** Lower case without diacritics: "Gestión" → "gestion". ñ becomes n, like most people type it. */
export function foldAccents(s: string): string {
  // Most words are plain ASCII; NFD normalisation is by far the costliest step otherwise.
  if (/^\p{ASCII}*$/u.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// Function words of each language (folded). They are dropped from the index, and counting them
// tells an English passage from a Spanish one.
const ES_FUNCTION =
  'a al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aqui asi aun bajo bien cada casi como con contra cual cuales cualquier cuando cuanto de del desde donde dos durante e el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta estan estar estas este esto estos fue fueron ha han hasta hay la las le les lo los mas me mediante mi mientras muy nada ni no nos nuestra nuestras nuestro nuestros o otra otras otro otros para pero poco por porque que quien quienes se sea sean segun ser si sido sin sobre son su sus tal tambien tan tanto te tiene tienen todo todos toda todas tras tu un una unas uno unos usted y ya yo cual etc via traves';
const EN_FUNCTION =
  'the of and to in for on with by from at as an or be is are was were this that these those it its into our their we which who will would can could should may must not no all any each other such than then there also about over under between through per via has have had been more most up out so';
const STOP_WORDS = new Set(`${ES_FUNCTION} ${EN_FUNCTION}`.split(/\s+/).filter(Boolean));
// Words that only one of the two languages uses, for telling them apart.
const ES_MARKERS = new Set(
  'el la los las de del y en para con por que se su sus un una es son al lo como desde entre este esta estos tiene tienen hay muy'.split(
    ' ',
  ),
);
const EN_MARKERS = new Set(
  'the of and to in for on with by from at as is are was were this that these its our their we which who will would has have been into than'.split(
    ' ',
  ),
);

/**
 * Spanish plural → singular before stemming: Snowball strips "-ar/-er" from singular nouns as if
 * they were verbs but keeps them in plurals (manglar → mangl, manglares → manglar), so both
 * forms must reach it as the singular.
 */
function singular(w: string): string {
  if (w.length < 5 || !w.endsWith('s')) return w;
  if (/[^aeiouáéíóú]es$/.test(w)) return w.endsWith('ces') ? `${w.slice(0, -3)}z` : w.slice(0, -2);
  if (/[aeiouáéó]s$/.test(w)) return w.slice(0, -1);
  return w;
}

const NON_REIMBURSABLE = /\b(?:no|non)[\s-]+(?:reembolsable|reimbursable)s?\b/gi;
const TOKEN_RE = /[\p{L}\p{N}]+/gu;
// Clause boundaries for language detection: a mixed text switches language between sentences
// or clauses, rarely inside one.
const CLAUSE_BREAK = /[.;:!?()[\]{}\n\r"“”«»]|,\s/;

/** One surface word (or phrase) of a text and the terms it produced (for explanations). */
export interface TracedToken {
  surface: string;
  terms: string[];
}

export interface TextAnalyzerOptions {
  /** Tokens kept per text; a 100 KB description is cut here so it cannot dominate time or memory. */
  maxTokens?: number;
  lexicon?: Record<string, string[][]>;
  /** Acronyms defined by the event's own texts (see learnAcronyms), upper case → expansion. */
  acronyms?: ReadonlyMap<string, string>;
  /**
   * Cue phrases per code (e.g. modalities): a text mentioning one gets the term `!CODE`, which
   * callers take out of the bag before weighting (cues are evidence, not vocabulary).
   */
  cues?: Record<string, string[]>;
}

/** A concept group of the lexicon, as emitted into documents. */
export interface Concept {
  term: string;
  sector: string;
  label: string;
}

interface TokenInfo {
  lower: string;
  folded: string;
  surface: string;
  skip: boolean;
  /** +1 an English function word, −1 a Spanish one, 0 neither. */
  marker: number;
}

/** A content word of a text, with the language of its clause. */
interface Word {
  surface: string;
  lower: string;
  folded: string;
  english: boolean;
  /** Starts a clause (phrases do not run across clause breaks). */
  clauseStart: boolean;
}

/** What one or more adjacent source words turned into. */
interface Unit {
  surface: string;
  stems: string[];
  /** Stems of the source words themselves, for lexicon phrases written in the source language. */
  sourceStems: string[];
}

/**
 * Turns Spanish or English (or mixed) text into Spanish index terms: English passages are
 * translated word by word through the bilingual table, or mapped to their Spanish cognate;
 * acronyms are expanded; every word is reduced to its folded Snowball Spanish stem; and one
 * concept term is added per lexicon group the text mentions. Deterministic and stateless apart
 * from caches.
 */
export class TextAnalyzer {
  readonly maxTokens: number;
  readonly concepts = new Map<string, Concept>();
  private readonly stemmer = snowball.newStemmer('spanish');
  private readonly stemCache = new Map<string, string>();
  private readonly unigramConcepts = new Map<string, string[]>();
  private readonly phraseConcepts = new Map<string, string[]>();
  /** First stems of multi-word phrases: most positions start none, and skip the lookups. */
  private readonly phraseStarts = new Set<string>();
  private maxPhrase = 1;
  private readonly acronyms = new Map<string, { stems: string[]; anyCase: boolean }>();
  /** English phrases of the bilingual table keyed by their content words, → Spanish stems. */
  private readonly enEs = new Map<string, string[]>();
  private readonly enEsStarts = new Set<string>();
  private enEsMax = 1;

  constructor(options: TextAnalyzerOptions = {}) {
    this.maxTokens = options.maxTokens ?? 2000;
    const lexicon = options.lexicon ?? SECTOR_LEXICON;
    for (const [sector, groups] of Object.entries(lexicon)) {
      groups.forEach((group, gi) => {
        const term = `~${sector}.${gi}`;
        this.concepts.set(term, { term, sector, label: group[0] });
        this.addPhrases(term, group);
      });
    }
    for (const [code, phrases] of Object.entries(options.cues ?? {})) this.addPhrases(`!${code}`, phrases);
    for (const [en, es] of EN_ES) {
      const key = en.split(' ').filter((w) => !STOP_WORDS.has(w));
      if (key.length === 0) continue;
      this.enEs.set(key.join(' '), this.stemsOf(es));
      this.enEsStarts.add(key[0]);
      this.enEsMax = Math.max(this.enEsMax, key.length);
    }
    for (const [acr, e] of ACRONYMS) this.acronyms.set(acr, { stems: this.stemsOf(e.expansion), anyCase: e.anyCase });
    for (const [acr, expansion] of options.acronyms ?? []) {
      if (!this.acronyms.has(acr)) this.acronyms.set(acr, { stems: this.stemsOf(expansion), anyCase: false });
    }
  }

  /** Makes each phrase (matched on adjacent stems) emit `term`. */
  private addPhrases(term: string, phrases: string[]): void {
    for (const phrase of phrases) {
      const stems = this.stemsOf(phrase);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      const target = stems.length === 1 ? this.unigramConcepts : this.phraseConcepts;
      if (stems.length > 1) this.phraseStarts.add(stems[0]);
      const list = target.get(key) ?? [];
      if (!list.includes(term)) list.push(term);
      target.set(key, list);
      this.maxPhrase = Math.max(this.maxPhrase, stems.length);
    }
  }

  /** Stems of the content words of a short Spanish text (lexicon entries, translations). */
  private stemsOf(text: string): string[] {
    return this.words(text, Infinity).map((w) => this.stem(w));
  }

  /** Content words of a text (lower case, accents kept, stop words dropped), at most `limit`. */
  words(text: string, limit = this.maxTokens): string[] {
    return this.contentWords(text, limit).map((w) => w.lower);
  }

  /** Per distinct token: its lower-case and folded forms, whether it is a stop word, a language marker. */
  private readonly tokenCache = new Map<string, TokenInfo>();

  private info(w: string): TokenInfo {
    let t = this.tokenCache.get(w);
    if (t === undefined) {
      const lower = w.toLowerCase();
      const folded = foldAccents(lower);
      const skip = (w.length < 2 && !/\d/.test(w)) || STOP_WORDS.has(folded) || (/^\d+$/.test(folded) && folded.length < 3);
      // Reasons quote words in lower case, acronyms as written.
      const surface = w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w) ? w : lower;
      t = { lower, folded, skip, surface, marker: EN_MARKERS.has(folded) ? 1 : ES_MARKERS.has(folded) ? -1 : 0 };
      if (this.tokenCache.size < 200_000) this.tokenCache.set(w, t);
    }
    return t;
  }

  private contentWords(text: string, limit: number): Word[] {
    const out: Word[] = [];
    if (!text) return out;
    // Words average well under 20 characters; reading further than this cannot yield more tokens
    // than the cap allows in any realistic text, and keeps a pasted 100 MB blob cheap.
    const src = Number.isFinite(limit) && text.length > limit * 40 ? text.slice(0, limit * 40) : text;
    const clauses = src.split(CLAUSE_BREAK);
    // The text's majority language decides clauses that carry no function word.
    let textLean = 0;
    const perClause: Array<{ tokens: TokenInfo[]; lean: number }> = [];
    for (const clause of clauses) {
      // "No reembolsable" is one idea; dropping "no" as a stop word would turn a grant into a loan.
      const words = (
        clause.includes('eembolsable') || clause.includes('eimbursable') ? clause.replace(NON_REIMBURSABLE, 'noreembolsable') : clause
      ).match(TOKEN_RE);
      if (!words) continue;
      let lean = 0;
      const tokens: TokenInfo[] = new Array(words.length);
      for (let k = 0; k < words.length; k++) {
        const t = this.info(words[k]);
        lean += t.marker;
        tokens[k] = t;
      }
      textLean += lean;
      perClause.push({ tokens, lean });
    }
    for (const c of perClause) {
      const english = c.lean > 0 || (c.lean === 0 && textLean > 0);
      let clauseStart = true;
      for (const t of c.tokens) {
        if (out.length >= limit) return out;
        if (t.skip) continue;
        out.push({ surface: t.surface, lower: t.lower, folded: t.folded, english, clauseStart });
        clauseStart = false;
      }
    }
    return out;
  }

  /**
   * Folded Snowball stem of the singular. The stemmer is run on the accented word (its suffix rules are
   * written with accents) and the result folded; unaccented "-cion/-sion" endings, very
   * common in hurried forms, get their accent back first so both spellings meet.
   */
  stem(word: string): string {
    let s = this.stemCache.get(word);
    if (s === undefined) {
      // Stemming the folded word makes accented and unaccented spellings (hurried forms) meet;
      // "-cion/-sion" get their accent back because Snowball's suffix rules expect it there.
      let w = singular(foldAccents(word));
      if (/^[a-z0-9]+$/.test(w)) w = w.replace(/cion$/, 'ción').replace(/sion$/, 'sión');
      s = foldAccents(this.stemmer.stem(w));
      if (this.stemCache.size < 200_000) this.stemCache.set(word, s);
    }
    return s;
  }

  /** Source words → units: acronyms expanded, English translated or mapped to cognates. */
  private units(words: Word[]): Unit[] {
    const units: Unit[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.folded.length <= 8) {
        const upper = w.folded === 'ecu' && words[i + 1]?.folded === '911' ? 'ECU911' : w.folded.toUpperCase();
        const acr = this.acronyms.get(upper);
        if (acr && (acr.anyCase || (w.surface.length > 1 && w.surface === w.surface.toUpperCase()))) {
          units.push({ surface: w.surface, stems: [w.folded, ...acr.stems], sourceStems: [w.folded] });
          continue;
        }
      }
      if (this.enEsStarts.has(w.folded)) {
        let matched = 0;
        let stems: string[] | undefined;
        let key = w.folded;
        for (let len = 1; len <= this.enEsMax && i + len <= words.length; len++) {
          if (len > 1) {
            if (words[i + len - 1].clauseStart) break;
            key += ` ${words[i + len - 1].folded}`;
          }
          const hit = this.enEs.get(key);
          if (hit) {
            matched = len;
            stems = hit;
          }
        }
        if (stems) {
          const span = words.slice(i, i + matched);
          units.push({ surface: span.map((x) => x.surface).join(' '), stems, sourceStems: span.map((x) => this.stem(x.lower)) });
          i += matched - 1;
          continue;
        }
      }
      const stem = this.stem(w.english ? cognateToSpanish(w.lower) : w.lower);
      units.push({ surface: w.surface, stems: [stem], sourceStems: w.english ? [this.stem(w.lower)] : [stem] });
    }
    return units;
  }

  /** Lexicon concepts found in a stem sequence, attributed to the unit where each phrase starts. */
  private findConcepts(stems: string[], unitOf: number[], into: Array<string[] | undefined>): void {
    for (let i = 0; i < stems.length; i++) {
      const s = stems[i];
      const uni = this.unigramConcepts.get(s);
      if (uni) into[unitOf[i]] = union(into[unitOf[i]], uni);
      if (this.phraseStarts.has(s)) {
        let key = s;
        for (let len = 2; len <= this.maxPhrase && i + len <= stems.length; len++) {
          key += ` ${stems[i + len - 1]}`;
          const hit = this.phraseConcepts.get(key);
          if (hit) into[unitOf[i]] = union(into[unitOf[i]], hit);
        }
      }
    }
  }

  /**
   * Adds the terms of `text` to `bag` with the given weight per occurrence.
   * If `trace` is given, receives each surface word (or phrase) with the terms it produced.
   */
  analyze(text: string, weight: number, bag: Map<string, number>, trace?: TracedToken[]): void {
    const units = this.units(this.contentWords(text, this.maxTokens));
    const concepts: Array<string[] | undefined> = new Array(units.length);
    const stems: string[] = [];
    const unitOf: number[] = [];
    // Lexicon phrases are also looked up in the source words when translation changed them
    // (an event's own lexicon may list English phrases).
    let translatedAny = false;
    for (let ui = 0; ui < units.length; ui++) {
      const u = units[ui];
      for (const stem of u.stems) {
        stems.push(stem);
        unitOf.push(ui);
      }
      if (u.sourceStems.length !== 1 || u.sourceStems[0] !== u.stems[0] || u.stems.length !== 1) translatedAny = true;
    }
    this.findConcepts(stems, unitOf, concepts);
    if (translatedAny) {
      const src: string[] = [];
      const srcUnit: number[] = [];
      units.forEach((u, ui) => {
        for (const stem of u.sourceStems) {
          src.push(stem);
          srcUnit.push(ui);
        }
      });
      this.findConcepts(src, srcUnit, concepts);
    }
    for (let ui = 0; ui < units.length; ui++) {
      const u = units[ui];
      const c = concepts[ui];
      const terms = c === undefined && u.stems.length === 1 ? u.stems : [...new Set(c ? [...u.stems, ...c] : u.stems)];
      for (const t of terms) bag.set(t, (bag.get(t) ?? 0) + weight);
      if (trace) trace.push({ surface: u.surface, terms });
    }
  }
}

/** a ∪ b without duplicates (a may be undefined); lists are tiny. */
function union(a: string[] | undefined, b: string[]): string[] {
  if (!a) return [...b];
  for (const t of b) if (!a.includes(t)) a.push(t);
  return a;
}
