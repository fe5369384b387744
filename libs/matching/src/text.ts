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

// Folded forms. Spanish function words plus the English ones, since some offers are in English.
const STOP_WORDS = new Set(
  (
    'a al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aqui asi aun bajo bien cada casi como con contra cual cuales cualquier cuando cuanto de del desde donde dos durante e el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta estan estar estas este esto estos fue fueron ha han hasta hay la las le les lo los mas me mediante mi mientras muy nada ni no nos nuestra nuestras nuestro nuestros o otra otras otro otros para pero poco por porque que quien quienes se sea sean segun ser si sido sin sobre son su sus tal tambien tan tanto te tiene tienen todo todos toda todas tras tu un una unas uno unos usted y ya yo cual etc via traves ' +
    'the of and to in for on with by from at as an or be is are was were this that these those it its into our their we which who will would can could should may must not no all any each other such than then there also about over under between through per via'
  )
    .split(/\s+/)
    .filter(Boolean),
);

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** One surface word of a text and the terms it produced (for explanations). */
export interface TracedToken {
  surface: string;
  terms: string[];
}

export interface TextAnalyzerOptions {
  /** Tokens kept per text; a 100 KB description is cut here so it cannot dominate time or memory. */
  maxTokens?: number;
  lexicon?: Record<string, string[][]>;
}

/** A concept group of the lexicon, as emitted into documents. */
export interface Concept {
  term: string;
  sector: string;
  label: string;
}

/**
 * Turns Spanish (or English) text into index terms: folded Snowball stems, plus one concept
 * term per lexicon group that the text mentions. Deterministic and stateless apart from caches.
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

  constructor(options: TextAnalyzerOptions = {}) {
    this.maxTokens = options.maxTokens ?? 2000;
    const lexicon = options.lexicon ?? SECTOR_LEXICON;
    for (const [sector, groups] of Object.entries(lexicon)) {
      groups.forEach((group, gi) => {
        const term = `~${sector}.${gi}`;
        this.concepts.set(term, { term, sector, label: group[0] });
        for (const phrase of group) {
          const stems = this.words(phrase, Infinity).map((w) => this.stem(w));
          if (stems.length === 0) continue;
          const key = stems.join(' ');
          const target = stems.length === 1 ? this.unigramConcepts : this.phraseConcepts;
          if (stems.length > 1) this.phraseStarts.add(stems[0]);
          const list = target.get(key) ?? [];
          if (!list.includes(term)) list.push(term);
          target.set(key, list);
          this.maxPhrase = Math.max(this.maxPhrase, stems.length);
        }
      });
    }
  }

  /** Content words of a text (lower case, accents kept, stop words dropped), at most `limit`. */
  words(text: string, limit = this.maxTokens): string[] {
    const out: string[] = [];
    if (!text) return out;
    // Words average well under 20 characters; reading further than this cannot yield more tokens
    // than the cap allows in any realistic text, and keeps a pasted 100 MB blob cheap.
    const lower = (Number.isFinite(limit) && text.length > limit * 40 ? text.slice(0, limit * 40) : text).toLowerCase();
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(lower); m !== null && out.length < limit; m = TOKEN_RE.exec(lower)) {
      const w = m[0];
      if (w.length < 2) continue;
      const folded = foldAccents(w);
      if (STOP_WORDS.has(folded) || (/^\d+$/.test(folded) && folded.length < 3)) continue;
      out.push(w);
    }
    return out;
  }

  /**
   * Folded Snowball stem. The stemmer is run on the accented word (its suffix rules are
   * written with accents) and the result folded; unaccented "-cion/-sion" endings, very
   * common in hurried forms, get their accent back first so both spellings meet.
   */
  stem(word: string): string {
    let s = this.stemCache.get(word);
    if (s === undefined) {
      let w = word;
      if (/^[a-z0-9]+$/.test(w)) w = w.replace(/cion$/, 'ción').replace(/sion$/, 'sión');
      s = foldAccents(this.stemmer.stem(w));
      if (this.stemCache.size < 200_000) this.stemCache.set(word, s);
    }
    return s;
  }

  /**
   * Adds the terms of `text` to `bag` with the given weight per occurrence.
   * If `trace` is given, receives each surface word with the terms it produced.
   */
  analyze(text: string, weight: number, bag: Map<string, number>, trace?: TracedToken[]): void {
    const words = this.words(text);
    const stems = words.map((w) => this.stem(w));
    for (let i = 0; i < stems.length; i++) {
      const terms: string[] = [stems[i]];
      const concepts = this.unigramConcepts.get(stems[i]);
      if (concepts) terms.push(...concepts);
      if (this.phraseStarts.has(stems[i])) {
        let key = stems[i];
        for (let len = 2; len <= this.maxPhrase && i + len <= stems.length; len++) {
          key += ` ${stems[i + len - 1]}`;
          const pc = this.phraseConcepts.get(key);
          if (pc) for (const c of pc) if (!terms.includes(c)) terms.push(c);
        }
      }
      for (const t of terms) bag.set(t, (bag.get(t) ?? 0) + weight);
      if (trace) trace.push({ surface: words[i], terms });
    }
  }
}
