// Authoring aid: prints the catalogue grouped by internal theme, with eligibility constraints.
import { offers } from './offers.mjs';
const by = {};
for (const o of offers) for (const t of o._th) (by[t] ||= []).push(o);
for (const t of Object.keys(by).sort()) {
  console.log(`== ${t}`);
  for (const o of by[t]) {
    const r = [o.regions?.length ? 'R:' + o.regions.join('/') : '', o.provinces?.length ? 'P:' + o.provinces.join('/') : '',
      o.minAmountUsd != null ? 'min' + o.minAmountUsd / 1000 + 'k' : '', o.maxAmountUsd != null ? 'max' + o.maxAmountUsd / 1000 + 'k' : '',
      (o.modalidades || []).join(',')].filter(Boolean).join(' ');
    console.log(`  ${o.id.padEnd(22)} ${o.title.slice(0, 85)}  [${r}]`);
  }
}
