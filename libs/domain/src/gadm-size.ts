import { formatNumber } from '@rueda/i18n';

/**
 * From this many inhabitants a GADM is large; below it, small. One threshold for every rule
 * that sizes a GADM: the room matching keeps for small GADMs in recommendations and the
 * fairness report that judges them (a 70,000-person canton is large for both).
 */
export const LARGE_GADM_MIN_POPULATION = 50_000;

export type GadmSize = 'small' | 'large';

/**
 * INEC codes of the 24 cantons that hold a provincial capital. They stand in for "large
 * municipality" when no population is known: the capitals concentrate population, budget
 * and technical staff, which is what makes a GADM "large" for cooperation.
 */
export const PROVINCIAL_CAPITALS: Readonly<Record<string, string>> = {
  '0101': 'Cuenca',
  '0201': 'Guaranda',
  '0301': 'Azogues',
  '0401': 'Tulcán',
  '0501': 'Latacunga',
  '0601': 'Riobamba',
  '0701': 'Machala',
  '0801': 'Esmeraldas',
  '0901': 'Guayaquil',
  '1001': 'Ibarra',
  '1101': 'Loja',
  '1201': 'Babahoyo',
  '1301': 'Portoviejo',
  '1401': 'Morona (Macas)',
  '1501': 'Tena',
  '1601': 'Pastaza (Puyo)',
  '1701': 'Quito',
  '1801': 'Ambato',
  '1901': 'Zamora',
  '2001': 'San Cristóbal',
  '2101': 'Lago Agrio',
  '2201': 'Orellana (El Coca)',
  '2301': 'Santo Domingo',
  '2401': 'Santa Elena',
};

/** Spreadsheets drop the leading zero of INEC codes ("101" for Cuenca). */
export function normalizeInec(code: string | null | undefined): string {
  const t = (code ?? '').trim();
  return /^\d{3}$/.test(t) ? `0${t}` : t;
}

/**
 * A GADM's size class: by its population when known, otherwise large exactly when it is a
 * provincial capital canton (by INEC code).
 */
export function gadmSizeClass(g: { inecCode?: string | null; population?: number | null }): GadmSize {
  if (typeof g.population === 'number' && Number.isFinite(g.population)) {
    return g.population >= LARGE_GADM_MIN_POPULATION ? 'large' : 'small';
  }
  return PROVINCIAL_CAPITALS[normalizeInec(g.inecCode)] ? 'large' : 'small';
}

const threshold = { es: formatNumber(LARGE_GADM_MIN_POPULATION, 'es'), en: formatNumber(LARGE_GADM_MIN_POPULATION, 'en') };

/** How people read each size class, with its threshold: Spanish first, English second. */
export const GADM_SIZE_LABELS: Readonly<Record<GadmSize, { es: string; en: string }>> = {
  small: { es: `pequeños (< ${threshold.es} hab.)`, en: `small (< ${threshold.en} inhabitants)` },
  large: { es: `grandes (≥ ${threshold.es} hab.)`, en: `large (≥ ${threshold.en} inhabitants)` },
};
