import { LOCALES, type Lang } from './locale';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], opts)));
  return f;
}

/** 1.550.000 / 1,550,000; up to `digits` decimals (none by default). '' for NaN or ±∞. */
export function formatNumber(n: number, lang: Lang = 'es', digits = 0): string {
  if (!Number.isFinite(n)) return '';
  return formatter(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** A percentage held as 0..100 (the reports round them to one decimal): 12,5 %. */
export function formatPercent(value: number, lang: Lang = 'es', digits = 1): string {
  if (!Number.isFinite(value)) return '';
  return formatter(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value / 100);
}

/** US dollars, Ecuador's currency, with the ISO code so no reader takes "$" for another peso: USD 1.550.000. */
export function formatUsd(value: number, lang: Lang = 'es', digits = 0): string {
  if (!Number.isFinite(value)) return '';
  return formatter(lang, {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'code',
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** "USD 57,2 M" / "USD 57.2M" where the whole figure does not fit (key-figure tiles). */
export function formatUsdCompact(value: number, lang: Lang = 'es'): string {
  if (!Number.isFinite(value)) return '';
  if (Math.abs(value) < 10_000) return formatUsd(value, lang);
  return formatter(lang, {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'code',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}
