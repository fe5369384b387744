import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Bilingual, type Lang } from './locale';

export type MessageValues = Record<string, string | number | Date | undefined>;

const cache = new Map<string, IntlMessageFormat>();

/**
 * An ICU message ("Importar {n, plural, one {# fila} other {# filas}}") in `lang`: plurals by
 * Intl.PluralRules, `#` and `{n, number}` by Intl.NumberFormat of the locale (1.550 in es-EC).
 * Compiled patterns are kept: the web formats the same few hundred on every render.
 */
export function formatMessage(pattern: string, values: MessageValues = {}, lang: Lang = 'es'): string {
  const key = `${lang}\u0000${pattern}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new IntlMessageFormat(pattern, LOCALES[lang], undefined, { ignoreTag: true })));
  return String(f.format(values as Record<string, string | number | Date>));
}

/** A bilingual message filled in both languages. */
export function formatBilingual(m: Bilingual, values: MessageValues = {}): Bilingual {
  return { es: formatMessage(m.es, values, 'es'), en: formatMessage(m.en, values, 'en') };
}

/** Checks a pattern compiles in both locales (for dictionary tests): the error, or null. */
export function messageError(pattern: string, lang: Lang = 'es'): string | null {
  try {
    new IntlMessageFormat(pattern, LOCALES[lang], undefined, { ignoreTag: true });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
