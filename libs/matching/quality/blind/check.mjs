// Validates the evaluation set and prints the proportions actually achieved.
// Usage: node check.mjs   (exit code 1 on any error). Independent of src/build.mjs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// The reference data of the repository (data/reference), identical to what the set was written from.
const DATA = join(here, '../../../../data/reference');
const errors = [];
const err = (m) => errors.push(m);
const load = (f) => JSON.parse(readFileSync(join(here, f), 'utf8'));

function parseCsv(text) {
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

// ---------- reference data ----------
const tax = JSON.parse(readFileSync(join(DATA, 'taxonomy.json'), 'utf8'));
const SECT = new Set(tax.sectores.map((x) => x.code));
const COMP = new Set(tax.competencias.map((x) => x.code));
const ODS = new Set(tax.ods.map((x) => x.code));
const MOD = new Set(tax.modalidades.map((x) => x.code));
const TIPO = new Set(tax.tipos_cooperacion.map((x) => x.code));
const gadmCsv = parseCsv(readFileSync(join(DATA, 'gadm_ecuador.csv'), 'utf8'));
const coopCsv = parseCsv(readFileSync(join(DATA, 'cooperantes.csv'), 'utf8'));
const REGIONS = new Set(gadmCsv.map((g) => g.region));
const PROVS = new Set(gadmCsv.map((g) => g.province_code));

// ---------- eligibility (rueda.match-input/1) ----------
function eligible(demand, offer, P) {
  const g = P.get(demand.participant);
  if (offer.regions?.length && !offer.regions.includes(g.region)) return false;
  if (offer.provinces?.length && !offer.provinces.includes(g.province)) return false;
  if (demand.amountUsd != null) {
    if (offer.minAmountUsd != null && demand.amountUsd < offer.minAmountUsd) return false;
    if (offer.maxAmountUsd != null && demand.amountUsd > offer.maxAmountUsd) return false;
  }
  return true;
}

const codes = (where, arr, set, what) => {
  if (arr === undefined) return;
  if (!Array.isArray(arr)) return err(`${where}: ${what} is not an array`);
  if (new Set(arr).size !== arr.length) err(`${where}: duplicate ${what}`);
  for (const c of arr) if (!set.has(c)) err(`${where}: unknown ${what} code ${JSON.stringify(c)}`);
};
const amount = (where, v, k) => { if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) err(`${where}: bad ${k}`); };
const str = (where, v, k) => { if (typeof v !== 'string' || !v.trim()) err(`${where}: missing ${k}`); };

function checkParticipants(doc, name) {
  const P = new Map();
  for (const p of doc.participants) {
    if (P.has(p.id)) err(`${name}: duplicate participant ${p.id}`);
    P.set(p.id, p);
    if (p.kind === 'gadm') {
      const g = gadmCsv.find((x) => x.inec_code === p.id);
      if (!g) err(`${name}: GADM ${p.id} not in gadm_ecuador.csv`);
      else if (g.canton !== p.name || g.province_code !== p.province || g.region !== p.region) err(`${name}: GADM ${p.id} differs from CSV`);
    } else if (p.kind === 'cooperant') {
      str(`${name}/${p.id}`, p.name, 'name');
      if (!TIPO.has(p.tipo)) err(`${name}: cooperant ${p.id} has unknown tipo ${p.tipo}`);
    } else err(`${name}: participant ${p.id} has unknown kind ${p.kind}`);
  }
  for (const g of gadmCsv) if (!P.has(g.inec_code)) err(`${name}: GADM ${g.inec_code} missing`);
  for (const c of coopCsv) if (!P.has(c.acronym)) err(`${name}: cooperant ${c.acronym} of cooperantes.csv missing`);
  return P;
}

function checkOffers(offers, P, name) {
  const seen = new Set();
  for (const o of offers) {
    const w = `${name}/${o.id}`;
    if (seen.has(o.id)) err(`${w}: duplicate offer id`); seen.add(o.id);
    const p = P.get(o.participant);
    if (!p) err(`${w}: unknown participant ${o.participant}`); else if (p.kind !== 'cooperant') err(`${w}: offer by non-cooperant`);
    str(w, o.title, 'title'); str(w, o.description, 'description');
    codes(w, o.sectors, SECT, 'sector'); codes(w, o.ods, ODS, 'ods'); codes(w, o.modalidades, MOD, 'modalidad');
    codes(w, o.regions, REGIONS, 'region'); codes(w, o.provinces, PROVS, 'province');
    amount(w, o.minAmountUsd, 'minAmountUsd'); amount(w, o.maxAmountUsd, 'maxAmountUsd');
    if (o.minAmountUsd != null && o.maxAmountUsd != null && o.minAmountUsd > o.maxAmountUsd) err(`${w}: min > max`);
    for (const k of Object.keys(o)) if (!['id', 'participant', 'title', 'description', 'sectors', 'ods', 'modalidades', 'regions', 'provinces', 'minAmountUsd', 'maxAmountUsd'].includes(k)) err(`${w}: unexpected field ${k}`);
  }
}

function checkDemands(demands, P, name) {
  const seen = new Set();
  for (const d of demands) {
    const w = `${name}/${d.id}`;
    if (seen.has(d.id)) err(`${w}: duplicate demand id`); seen.add(d.id);
    const p = P.get(d.participant);
    if (!p) err(`${w}: unknown participant ${d.participant}`); else if (p.kind !== 'gadm') err(`${w}: demand by non-GADM`);
    str(w, d.title, 'title'); str(w, d.description, 'description');
    codes(w, d.sectors, SECT, 'sector'); codes(w, d.competencias, COMP, 'competencia'); codes(w, d.ods, ODS, 'ods'); codes(w, d.modalidades, MOD, 'modalidad');
    amount(w, d.amountUsd, 'amountUsd');
    for (const k of Object.keys(d)) if (!['id', 'participant', 'title', 'description', 'sectors', 'competencias', 'ods', 'modalidades', 'amountUsd'].includes(k)) err(`${w}: unexpected field ${k}`);
  }
}

function tagLevel(x) {
  const has = (k) => Array.isArray(x[k]) ? x[k].length > 0 : x[k] != null;
  if (!['sectors', 'competencias', 'ods', 'modalidades', 'amountUsd'].some(has)) return 'none';
  return ['sectors', 'competencias', 'ods', 'modalidades'].every(has) ? 'full' : 'partial';
}

// ---------- catalogue ----------
const cat = load('catalogue.json');
if (cat.format !== 'rueda.match-input/1') err('catalogue: bad format');
const P = checkParticipants(cat, 'catalogue');
checkOffers(cat.offers, P, 'catalogue');
if (cat.demands?.length) err('catalogue: should hold no demands');
const OFF = new Map(cat.offers.map((o) => [o.id, o]));

const slices = load('slices.json');
const splits = {};
const allDemandIds = new Set();
for (const split of ['dev', 'test']) {
  const doc = load(`${split}.json`);
  if (doc.format !== 'rueda.match-input/1') err(`${split}: bad format`);
  if (JSON.stringify(doc.participants) !== JSON.stringify(cat.participants)) err(`${split}: participants differ from catalogue`);
  if (JSON.stringify(doc.offers) !== JSON.stringify(cat.offers)) err(`${split}: offers differ from catalogue`);
  checkDemands(doc.demands, P, split);
  for (const d of doc.demands) { if (allDemandIds.has(d.id)) err(`${d.id}: appears in both splits`); allDemandIds.add(d.id); if (OFF.has(d.id)) err(`${d.id}: id clashes with an offer`); }
  const D = new Map(doc.demands.map((d) => [d.id, d]));
  const labels = load(`labels-${split}.json`);
  const inel = load(`ineligible-${split}.json`);
  for (const id of D.keys()) if (!labels[id]) err(`labels-${split}: demand ${id} has no entry`);
  for (const [did, row] of Object.entries(labels)) {
    const d = D.get(did);
    if (!d) { err(`labels-${split}: unknown demand ${did}`); continue; }
    if (!Object.keys(row).length) err(`labels-${split}: ${did} has no relevant offer`);
    for (const [oid, v] of Object.entries(row)) {
      const o = OFF.get(oid);
      if (!o) { err(`labels-${split}: ${did} -> unknown offer ${oid}`); continue; }
      if (v !== 1 && v !== 2) err(`labels-${split}: ${did} -> ${oid} grade ${v} not 1|2`);
      if (!eligible(d, o, P)) err(`labels-${split}: ${did} -> ${oid} labelled ${v} but INELIGIBLE`);
    }
  }
  const seenPairs = new Set();
  for (const x of inel) {
    const d = D.get(x.demand), o = OFF.get(x.offer);
    if (!d || !o) { err(`ineligible-${split}: unknown ids ${x.demand}/${x.offer}`); continue; }
    if (eligible(d, o, P)) err(`ineligible-${split}: ${x.demand}/${x.offer} is eligible`);
    if (labels[x.demand]?.[x.offer]) err(`ineligible-${split}: ${x.demand}/${x.offer} is labelled`);
    str(`ineligible-${split}`, x.why, 'why');
    const k = x.demand + '|' + x.offer; if (seenPairs.has(k)) err(`ineligible-${split}: duplicate ${k}`); seenPairs.add(k);
  }
  if (inel.length < 15) err(`ineligible-${split}: only ${inel.length} traps (< 15)`);
  for (const d of doc.demands) {
    const s = slices[d.id];
    if (!s) { err(`slices: missing ${d.id}`); continue; }
    if (s.split !== split) err(`slices: ${d.id} split ${s.split} != ${split}`);
    if (!['es', 'en', 'mixed'].includes(s.lang)) err(`slices: ${d.id} bad lang`);
    if (!['none', 'partial', 'full'].includes(s.tags)) err(`slices: ${d.id} bad tags`);
    if (s.tags !== tagLevel(d)) err(`slices: ${d.id} tags ${s.tags} but demand is ${tagLevel(d)}`);
    if (typeof s.typos !== 'boolean' || typeof s.acronyms !== 'boolean') err(`slices: ${d.id} typos/acronyms not boolean`);
    if (!['competence', 'programme', 'problem'].includes(s.grounding)) err(`slices: ${d.id} bad grounding`);
  }
  splits[split] = { doc, labels, inel };
}
for (const id of Object.keys(slices)) if (!allDemandIds.has(id)) err(`slices: unknown demand ${id}`);
const gOverlap = [...new Set(splits.dev.doc.demands.map((d) => d.participant))].filter((g) => splits.test.doc.demands.some((d) => d.participant === g));

// ---------- report ----------
const pct = (n, t) => `${n} (${Math.round((100 * n) / t)}%)`;
const count = (arr, f) => arr.reduce((m, x) => { const k = f(x); m[k] = (m[k] || 0) + 1; return m; }, {});
const fmt = (m, t) => Object.entries(m).sort().map(([k, v]) => `${k} ${pct(v, t)}`).join(', ');
console.log(`offers: ${cat.offers.length} from ${new Set(cat.offers.map((o) => o.participant)).size} cooperants; participants: ${cat.participants.length}`);
const offerLang = (o) => (/[áéíóúñ¿]|\b(de|para|y|en|los|las|con)\b/i.test(o.title + ' ' + o.description) ? 'es-ish' : 'en');
const ot = count(cat.offers, (o) => {
  const has = (k) => Array.isArray(o[k]) ? o[k].length > 0 : o[k] != null;
  if (!['sectors', 'ods', 'modalidades', 'regions', 'provinces', 'minAmountUsd', 'maxAmountUsd'].some(has)) return 'none';
  return ['sectors', 'ods', 'modalidades'].every(has) ? 'full' : 'partial';
});
console.log(`offer tags: ${fmt(ot, cat.offers.length)}`);
console.log(`offers with region/province restriction: ${cat.offers.filter((o) => o.regions?.length || o.provinces?.length).length}; with amount range: ${cat.offers.filter((o) => o.minAmountUsd != null || o.maxAmountUsd != null).length}`);
for (const [split, { doc, labels, inel }] of Object.entries(splits)) {
  const ds = doc.demands; const n = ds.length; const S = ds.map((d) => slices[d.id]);
  const rel = ds.map((d) => Object.keys(labels[d.id] || {}).length);
  const strong = ds.map((d) => Object.values(labels[d.id] || {}).filter((v) => v === 2).length);
  const regions = count(ds, (d) => P.get(d.participant).region);
  console.log(`\n[${split}] demands ${n}, GADMs ${new Set(ds.map((d) => d.participant)).size}`);
  console.log(`  lang: ${fmt(count(S, (s) => s.lang), n)}`);
  console.log(`  tags: ${fmt(count(S, (s) => s.tags), n)}`);
  console.log(`  typos: ${pct(S.filter((s) => s.typos).length, n)}; acronyms: ${pct(S.filter((s) => s.acronyms).length, n)}`);
  console.log(`  grounding: ${fmt(count(S, (s) => s.grounding), n)}`);
  console.log(`  with amountUsd: ${pct(ds.filter((d) => d.amountUsd != null).length, n)}`);
  console.log(`  regions: ${fmt(regions, n)}`);
  console.log(`  relevant per demand: avg ${(rel.reduce((a, b) => a + b, 0) / n).toFixed(2)} (grade 2: ${(strong.reduce((a, b) => a + b, 0) / n).toFixed(2)}, grade 1: ${((rel.reduce((a, b) => a + b, 0) - strong.reduce((a, b) => a + b, 0)) / n).toFixed(2)}); min ${Math.min(...rel)}, max ${Math.max(...rel)}; demands with 1 relevant: ${rel.filter((r) => r === 1).length}; with 8+: ${rel.filter((r) => r >= 8).length}; with no grade-2: ${strong.filter((r) => r === 0).length}`);
  console.log(`  ineligible traps listed: ${inel.length} (over ${new Set(inel.map((x) => x.demand)).size} demands)`);
  let totalInel = 0; for (const d of ds) for (const o of cat.offers) if (!eligible(d, o, P)) totalInel++;
  console.log(`  all ineligible pairs (any topic): ${totalInel}`);
}

console.log(`\nGADMs shared by dev and test: ${gOverlap.length}; distinct GADMs overall: ${new Set([...splits.dev.doc.demands, ...splits.test.doc.demands].map((d) => d.participant)).size}`);
if (errors.length) { console.error(`\n${errors.length} ERROR(S):\n` + errors.map((e) => ' - ' + e).join('\n')); process.exit(1); }
console.log('\nOK: all checks passed');
