/** The two languages of every text Rueda shows or prints: Spanish first, English second. */
export type Lang = 'es' | 'en';

export const LANGS: readonly Lang[] = ['es', 'en'];

/** Ecuadorian Spanish (1.550.000, dd/mm/aaaa, 24 h); British English keeps day-month order and 24 h. */
export const LOCALES: Readonly<Record<Lang, string>> = { es: 'es-EC', en: 'en-GB' };

export const isLang = (x: unknown): x is Lang => x === 'es' || x === 'en';

/** A text in both languages, as the API, the PDFs and the exports carry it. */
export interface Bilingual {
  es: string;
  en: string;
}

/** A reason that stands alone as a message starts with a capital, in both languages. */
export const asSentence = (b: Bilingual): Bilingual => ({
  es: b.es.charAt(0).toLocaleUpperCase('es') + b.es.slice(1),
  en: b.en.charAt(0).toLocaleUpperCase('en') + b.en.slice(1),
});

/** "Realizadas / Held": one line for a reader of either language (identical halves once). */
export const bilingual = (b: Bilingual, sep = ' / '): string => (b.es === b.en ? b.es : `${b.es}${sep}${b.en}`);
