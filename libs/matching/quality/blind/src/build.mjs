// Builds the deliverables of ../ from the hand-written sources in this folder.
// Usage: node src/build.mjs   (from this directory). Deterministic: no randomness.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { offers as rawOffers } from './offers.mjs';
import { demands as devRaw } from './demands-dev.mjs';
import { demands as testRaw } from './demands-test.mjs';
import { extraCooperants } from './cooperants.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
const DATA = join(here, '../../../../../data/reference');

export function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = []; let cur = ''; let q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
      else if (c === '"') q = true; else if (c === ',') { cells.push(cur); cur = ''; } else cur += c;
    }
    cells.push(cur); rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const gadms = parseCsv(readFileSync(join(DATA, 'gadm_ecuador.csv'), 'utf8'));
const coops = parseCsv(readFileSync(join(DATA, 'cooperantes.csv'), 'utf8'));

const participants = [
  ...gadms.map((g) => ({ id: g.inec_code, kind: 'gadm', name: g.canton, province: g.province_code, region: g.region })),
  ...coops.map((c) => ({ id: c.acronym, kind: 'cooperant', name: c.name, tipo: c.tipo })),
  ...extraCooperants.map((c) => ({ id: c.id, kind: 'cooperant', name: c.name, tipo: c.tipo })),
];
const byId = new Map(participants.map((p) => [p.id, p]));

const OFFER_KEYS = ['id', 'participant', 'title', 'description', 'sectors', 'ods', 'modalidades', 'regions', 'provinces', 'minAmountUsd', 'maxAmountUsd'];
const DEMAND_KEYS = ['id', 'participant', 'title', 'description', 'sectors', 'competencias', 'ods', 'modalidades', 'amountUsd'];
const pick = (o, keys) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

const offers = rawOffers.map((o) => pick(o, OFFER_KEYS));
const offerById = new Map(offers.map((o) => [o.id, o]));

// Hard eligibility rules of rueda.match-input/1. Returns null when eligible, else a reason.
export function ineligibility(demand, offer, participantsById) {
  const g = participantsById.get(demand.participant);
  const why = [];
  if (offer.regions?.length && !offer.regions.includes(g.region))
    why.push(`${g.name} (${g.id}) is in region ${g.region}; offer limited to regions ${offer.regions.join(', ')}`);
  if (offer.provinces?.length && !offer.provinces.includes(g.province))
    why.push(`${g.name} (${g.id}) is in province ${g.province}; offer limited to provinces ${offer.provinces.join(', ')}`);
  if (demand.amountUsd != null) {
    if (offer.minAmountUsd != null && demand.amountUsd < offer.minAmountUsd)
      why.push(`demand amount USD ${demand.amountUsd} is below the offer minimum USD ${offer.minAmountUsd}`);
    if (offer.maxAmountUsd != null && demand.amountUsd > offer.maxAmountUsd)
      why.push(`demand amount USD ${demand.amountUsd} is above the offer maximum USD ${offer.maxAmountUsd}`);
  }
  return why.length ? why.join('; ') : null;
}

const ACRONYMS = /\b(PTAR|PDOT|PUGS|GIRS|GADM?|BdE|AME|ODS|SIG|COE|SAT|SNGR|ANC|UBS|DCI|CDI|JAAP|LOOTUGS|COOTAD|MAATE|EPAM|EMAPAR|ECU 911|SRI|ARCA)\b/;
export function tagLevel(x) {
  const has = (k) => Array.isArray(x[k]) ? x[k].length > 0 : x[k] != null;
  const any = ['sectors', 'competencias', 'ods', 'modalidades', 'amountUsd'].some(has);
  if (!any) return 'none';
  return ['sectors', 'competencias', 'ods', 'modalidades'].every(has) ? 'full' : 'partial';
}

const slices = {};
function buildSplit(name, raw) {
  const demands = raw.map((d) => pick(d, DEMAND_KEYS));
  const labels = {}; const inel = [];
  for (const r of raw) {
    labels[r.id] = {};
    for (const [oid, v] of Object.entries(r.rel)) labels[r.id][oid] = v;
    const dem = demands.find((x) => x.id === r.id);
    for (const oid of r.traps) {
      const off = offerById.get(oid);
      if (!off) throw new Error(`${r.id}: unknown trap offer ${oid}`);
      const why = ineligibility(dem, off, byId);
      if (!why) throw new Error(`${r.id}: trap ${oid} is actually eligible`);
      inel.push({ demand: r.id, offer: oid, why });
    }
    slices[r.id] = {
      split: name, lang: r._lang, tags: tagLevel(r), typos: r._typos,
      acronyms: ACRONYMS.test(r.title + ' ' + r.description), grounding: r._grounding,
    };
  }
  const doc = { format: 'rueda.match-input/1', participants, demands, offers };
  writeFileSync(join(out, `${name}.json`), JSON.stringify(doc, null, 2) + '\n');
  writeFileSync(join(out, `labels-${name}.json`), JSON.stringify(labels, null, 2) + '\n');
  writeFileSync(join(out, `ineligible-${name}.json`), JSON.stringify(inel, null, 2) + '\n');
}

writeFileSync(join(out, 'catalogue.json'), JSON.stringify({ format: 'rueda.match-input/1', participants, demands: [], offers }, null, 2) + '\n');
buildSplit('dev', devRaw);
buildSplit('test', testRaw);
writeFileSync(join(out, 'slices.json'), JSON.stringify(slices, null, 2) + '\n');
console.log(`built: ${participants.length} participants, ${offers.length} offers, ${devRaw.length} dev + ${testRaw.length} test demands`);
