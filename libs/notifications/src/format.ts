/**
 * Ecuadorian formats for everything a participant reads: 1.550.000, dd/mm/aaaa, 24 h, in the
 * event's time zone (always named next to printed times), and plurals through Intl.PluralRules.
 */

export type Lang = 'es' | 'en';

const LOCALE: Record<Lang, string> = { es: 'es-EC', en: 'en-GB' };

export function formatNumber(n: number, lang: Lang = 'es', digits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(n);
}

export function formatUsd(n: number, lang: Lang = 'es'): string {
  return `USD ${formatNumber(n, lang, 2)}`;
}

/** dd/mm/aaaa in the time zone. */
export function formatDate(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('es-EC', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

/** HH:mm, 24 h, in the time zone. */
export function formatTime(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('es-EC', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** dd/mm/aaaa HH:mm in the time zone. */
export function formatDateTime(iso: string | Date, timeZone: string): string {
  return `${formatDate(iso, timeZone)} ${formatTime(iso, timeZone)}`;
}

const plurals: Record<Lang, Intl.PluralRules> = { es: new Intl.PluralRules('es'), en: new Intl.PluralRules('en') };

/** "1 reunión", "3 reuniones", "1.200 reuniones": the count formatted, the word chosen by the plural rules. */
export function plural(n: number, lang: Lang, forms: { one: string; other: string }): string {
  const form = plurals[lang].select(n) === 'one' ? forms.one : forms.other;
  return `${formatNumber(n, lang)} ${form}`;
}
