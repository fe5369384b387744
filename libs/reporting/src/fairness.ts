import { pct, round } from './context';

/**
 * Gini coefficient of non-negative values: 0 when every GADM got the same number of
 * meetings, towards 1 when a few got them all. 0 for an empty or all-zero list.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total <= 0) return 0;
  return round((2 * weighted) / (n * total) - (n + 1) / n, 4);
}

export interface Distribution {
  /** How many units (GADMs) are counted, including those with 0. */
  n: number;
  total: number;
  mean: number;
  median: number;
  max: number;
  withAtLeastOne: number;
  /** withAtLeastOne / n, in percent. */
  shareWithAtLeastOne: number;
  gini: number;
}

export function distribution(values: readonly number[]): Distribution {
  const n = values.length;
  if (n === 0) return { n: 0, total: 0, mean: 0, median: 0, max: 0, withAtLeastOne: 0, shareWithAtLeastOne: 0, gini: 0 };
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let withAtLeastOne = 0;
  for (const v of sorted) {
    total += v;
    if (v >= 1) withAtLeastOne++;
  }
  const mid = n >> 1;
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    n,
    total,
    mean: round(total / n, 2),
    median,
    max: sorted[n - 1],
    withAtLeastOne,
    shareWithAtLeastOne: pct(withAtLeastOne, n),
    gini: gini(values),
  };
}

export interface HistogramBin {
  from: number;
  /** Inclusive; equal to `from` for single-value bins. */
  to: number;
  label: string;
  count: number;
}

/**
 * One bin per value while the range is small (a GADM has at most one meeting per slot, so
 * ~24); wider equal bins above 30 so the chart stays readable. 0 always has its own bin:
 * "no meeting at all" is the figure the fairness question is about.
 */
export function histogram(values: readonly number[]): HistogramBin[] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const width = max <= 30 ? 1 : Math.ceil(max / 20);
  const bins: HistogramBin[] = [{ from: 0, to: 0, label: '0', count: 0 }];
  for (let from = 1; from <= max; from += width) {
    const to = Math.min(max, from + width - 1);
    bins.push({ from, to, label: from === to ? String(from) : `${from}–${to}`, count: 0 });
  }
  for (const v of values) {
    const i = v <= 0 ? 0 : 1 + Math.floor((Math.floor(v) - 1) / width);
    bins[Math.min(i, bins.length - 1)].count++;
  }
  return bins;
}
