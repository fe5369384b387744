// Authoring aid for the labelling review: for each demand, prints labelled offers and the eligible,
// unlabelled offers that share an internal theme with them (candidates to re-judge by hand).
import { offers } from './offers.mjs';
import { demands as dev } from './demands-dev.mjs';
import { demands as test } from './demands-test.mjs';
import { readFileSync } from 'node:fs';
const cat = JSON.parse(readFileSync(new URL('../catalogue.json', import.meta.url)));
const P = new Map(cat.participants.map(p => [p.id, p]));
const OFF = new Map(offers.map(o => [o.id, o]));
const elig = (d, o) => { const g = P.get(d.participant);
  if (o.regions?.length && !o.regions.includes(g.region)) return false;
  if (o.provinces?.length && !o.provinces.includes(g.province)) return false;
  if (d.amountUsd != null) { if (o.minAmountUsd != null && d.amountUsd < o.minAmountUsd) return false; if (o.maxAmountUsd != null && d.amountUsd > o.maxAmountUsd) return false; }
  return true; };
const which = process.argv[2] || 'dev';
for (const d of (which === 'dev' ? dev : test)) {
  const th = new Set(Object.keys(d.rel).flatMap(id => OFF.get(id)._th));
  const cand = offers.filter(o => !d.rel[o.id] && elig(d, o) && o._th.some(t => th.has(t))).map(o => o.id.replace('O-', ''));
  console.log(`${d.id} ${d.title.slice(0, 60)}\n   L: ${Object.entries(d.rel).map(([k, v]) => k.replace('O-', '') + ':' + v).join(' ')}\n   ?: ${cand.join(' ')}`);
}
