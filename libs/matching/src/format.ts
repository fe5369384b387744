import { formatNumber } from '@rueda/i18n';

/**
 * Amounts in reasons: the shared es-EC number format (1.550.000 USD) for the Spanish text and
 * the English one for the English text; the currency code follows the figure, as the issue's
 * reasons are worded.
 */
export function usd(n: number, lang: 'es' | 'en' = 'es'): string {
  return `${formatNumber(Math.round(n), lang)} USD`;
}

/** "50.000 – 2.000.000 USD", "desde 5.000.000 USD", "hasta 100.000 USD". */
export function usdRange(min: number, max: number, lang: 'es' | 'en' = 'es'): string {
  if (Number.isFinite(min) && Number.isFinite(max)) return `${formatNumber(min, lang)} – ${formatNumber(max, lang)} USD`;
  if (Number.isFinite(min)) return `${lang === 'es' ? 'desde' : 'from'} ${usd(min, lang)}`;
  if (Number.isFinite(max)) return `${lang === 'es' ? 'hasta' : 'up to'} ${usd(max, lang)}`;
  return lang === 'es' ? 'sin límites' : 'no limits';
}
