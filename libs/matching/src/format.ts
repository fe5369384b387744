/**
 * Amounts in reasons: Ecuadorian Spanish format (1.550.000 USD) for the Spanish text and the
 * English one for the English text. Kept in this one place so that the project's shared es-EC
 * formatting toolkit can replace it.
 */
const ES = new Intl.NumberFormat('es-EC', { maximumFractionDigits: 0 });
const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function usd(n: number, lang: 'es' | 'en' = 'es'): string {
  return `${(lang === 'es' ? ES : EN).format(Math.round(n))} USD`;
}

/** "50.000 – 2.000.000 USD", "desde 5.000.000 USD", "hasta 100.000 USD". */
export function usdRange(min: number, max: number, lang: 'es' | 'en' = 'es'): string {
  const f = lang === 'es' ? ES : EN;
  if (Number.isFinite(min) && Number.isFinite(max)) return `${f.format(min)} – ${f.format(max)} USD`;
  if (Number.isFinite(min)) return `${lang === 'es' ? 'desde' : 'from'} ${usd(min, lang)}`;
  if (Number.isFinite(max)) return `${lang === 'es' ? 'hasta' : 'up to'} ${usd(max, lang)}`;
  return lang === 'es' ? 'sin límites' : 'no limits';
}
