import type { MatchReason, MatchRow } from '@rueda/formats';

/** An organiser's decision on a demand–offer pair: always show it first, or never show it. */
export interface PairOverride {
  demand: string;
  offer: string;
  mode: 'pin' | 'block';
}

export const PIN_REASON: MatchReason = { kind: 'pin', detail: 'fijado por la organización', detailEn: 'pinned by the organisers' };

/** The most blocks the scorer makes room for: it is asked for this many more offers per demand than are kept. */
const MAX_EXTRA = 50;

/** How many offers per demand to ask the scorer for, so blocked pairs can be dropped without leaving gaps. */
export function scoredPerDemand(top: number, overrides: readonly PairOverride[]): number {
  return top + Math.min(overrides.filter((o) => o.mode === 'block').length, MAX_EXTRA);
}

/**
 * The stored offers of each demand after the organisers' overrides: blocked pairs are dropped
 * and the next best fill in (up to `top` a demand), then every pinned pair goes first with the
 * pin as its first reason: a scored one keeps its score, one the scorer did not keep comes in
 * with score 1. A pin is on top of the `top` scored offers, never in place of one. Pinned
 * first, then by score; ranks from 1.
 */
export function applyOverrides(matches: readonly MatchRow[], overrides: readonly PairOverride[], top: number): MatchRow[] {
  const key = (demand: string, offer: string) => `${demand}|${offer}`;
  const blocked = new Set(overrides.filter((o) => o.mode === 'block').map((o) => key(o.demand, o.offer)));
  const perDemand = new Map<string, { offer: string; score: number; reasons: MatchReason[] }[]>();
  for (const m of matches) {
    if (blocked.has(key(m.demand, m.offer))) continue;
    const list = perDemand.get(m.demand) ?? [];
    if (list.length < top) list.push({ offer: m.offer, score: m.score, reasons: m.reasons });
    perDemand.set(m.demand, list);
  }
  for (const pin of overrides) {
    if (pin.mode !== 'pin') continue;
    const list = perDemand.get(pin.demand) ?? [];
    const found = list.find((x) => x.offer === pin.offer);
    if (found) found.reasons = [PIN_REASON, ...found.reasons];
    else list.unshift({ offer: pin.offer, score: 1, reasons: [PIN_REASON] });
    perDemand.set(pin.demand, list);
  }
  const rows: MatchRow[] = [];
  const pinned = (x: { reasons: MatchReason[] }) => Number(x.reasons[0]?.kind === 'pin');
  for (const [demand, list] of perDemand) {
    list.sort((a, b) => pinned(b) - pinned(a) || b.score - a.score);
    list.forEach((x, i) => rows.push({ demand, offer: x.offer, rank: i + 1, score: x.score, reasons: x.reasons }));
  }
  return rows;
}
