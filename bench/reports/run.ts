/**
 * Reports and exports bench: `npx tsx bench/reports/run.ts [--write]`.
 * 1. The agenda book of a synthetic Rueda (221 GADMs, 80 cooperants, 24 slots × 60 tables,
 *    ~1,400 meetings) as one PDF: target ≤ 30 s.
 * 2. Every report over 5,000 meetings: target ≤ 500 ms each.
 * With --write, the figures replace the "## Reports" section of docs/benchmarks.md.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  allReports,
  byCompetencia,
  byCooperant,
  byGadm,
  byModalidad,
  byOds,
  bySector,
  cooperantSectorMatrix,
  pipeline,
  summary,
  syntheticReportData,
  type ReportData,
} from '../../libs/reporting/src';
import { agendaIcs, agendaPdf, buildAgendas, eventReportPdf, reportsToXlsx, reportToCsv } from '../../libs/exports/src';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    /* not Linux */
  }
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    /* not Linux */
  }
  return { nproc, cpu, node: process.version, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' };
}

async function agendaBook() {
  const data = syntheticReportData({ phase: 'pre', participation: 1, cooperants: 80, slots: 24, tables: 60, placed: 1400, unplaced: 200 });
  const placed = data.meetings.filter((m) => m.slotId).length;
  const times: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  let agendas = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const list = buildAgendas(data, { venue: 'Centro de Convenciones Metropolitano, Quito' });
    let progress = 0;
    pdf = await agendaPdf(list, { generatedAt: '2026-03-11 18:00', onProgress: () => progress++ });
    times.push(performance.now() - t0);
    agendas = list.length;
    if (progress !== list.length) throw new Error('progress callback missed agendas');
  }
  // pdfkit writes each page as a plain (uncompressed) dictionary, so pages can be counted in the bytes.
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  const list = buildAgendas(data, { venue: 'Quito' });
  const t1 = performance.now();
  let icsBytes = 0;
  for (const a of list) icsBytes += agendaIcs(a).length;
  const icsMs = performance.now() - t1;
  return { participants: data.participants.length, placed, agendas, pages, bytes: pdf.length, times, icsMs, icsBytes };
}

async function reports() {
  const big = syntheticReportData({ slots: 48, tables: 72, placed: 3456, unplaced: 1544, cooperants: 100, participation: 1 });
  const fns: [string, (d: ReportData) => unknown][] = [
    ['summary', summary],
    ['byGadm', byGadm],
    ['byCooperant', byCooperant],
    ['bySector', bySector],
    ['byOds', byOds],
    ['byCompetencia', byCompetencia],
    ['byModalidad', byModalidad],
    ['pipeline', pipeline],
    ['cooperantSectorMatrix', cooperantSectorMatrix],
    ['allReports', (d) => allReports(d)],
  ];
  const rows: { name: string; cold: number; median: number }[] = [];
  for (const [name, fn] of fns) {
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      // A fresh top-level object: the per-data lookup cache is rebuilt and paid by each run.
      const data = { ...big };
      const t0 = performance.now();
      fn(data);
      times.push(performance.now() - t0);
    }
    rows.push({ name, cold: times[0], median: median(times) });
  }
  const all = allReports(big);
  let t0 = performance.now();
  let csvBytes = 0;
  for (const { table } of all) csvBytes += reportToCsv(table).length;
  const csvMs = performance.now() - t0;
  t0 = performance.now();
  const xlsx = await reportsToXlsx(all, { created: new Date() });
  const xlsxMs = performance.now() - t0;
  t0 = performance.now();
  const pdf = await eventReportPdf({ ...big }, { generatedAt: '2026-03-13 18:00' });
  const pdfMs = performance.now() - t0;
  return {
    meetings: big.meetings.length,
    placed: big.meetings.filter((m) => m.slotId).length,
    participants: big.participants.length,
    outcomes: big.outcomes.length,
    commitments: big.commitments.length,
    rows,
    csvMs,
    csvBytes,
    xlsxMs,
    xlsxBytes: xlsx.length,
    pdfMs,
    pdfBytes: pdf.length,
  };
}

async function main() {
  const m = machine();
  const book = await agendaBook();
  const rep = await reports();
  const bookOk = Math.max(...book.times) <= 30_000;
  const repOk = rep.rows.filter((r) => r.name !== 'allReports').every((r) => r.cold <= 500);
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  const md = `## Reports

\`npx tsx bench/reports/run.ts\` (\`--write\` refreshes this section). Synthetic, seeded events from
\`syntheticReportData\` (libs/reporting): real GADMs and cooperants of data/reference, a conflict-free grid.

Machine: ${m.nproc} CPU (${m.cpu}), Node ${m.node}, measured ${m.date}.

**Agenda book (one PDF, target ≤ 30 s)** — ${book.participants} participants (221 GADMs + 80 cooperants),
24 slots × 60 tables, ${book.placed} meetings placed: ${book.agendas} agendas, ${book.pages} A4 pages, ${(book.bytes / 1024 / 1024).toFixed(2)} MB.

| | runs | median | max | target |
|---|---|---|---|---|
| buildAgendas + agendaPdf | ${RUNS} | ${(median(book.times) / 1000).toFixed(2)} s | ${(Math.max(...book.times) / 1000).toFixed(2)} s | ≤ 30 s ${bookOk ? '✔' : '✘'} |
| agendaIcs, all ${book.agendas} agendas | 1 | ${ms(book.icsMs)} | | |

**Reports over ${rep.meetings.toLocaleString('en')} meetings (target ≤ 500 ms each)** — ${rep.placed} placed (48 slots × 72 tables), ${rep.participants} participants,
${rep.outcomes} outcome forms, ${rep.commitments} commitments. "cold" is the first run in the process (JIT not warm);
every run builds its lookups again.

| report | cold | median of 5 |
|---|---|---|
${rep.rows.map((r) => `| ${r.name} | ${ms(r.cold)} | ${ms(r.median)} |`).join('\n')}

All ${rep.rows.length - 1} reports within 500 ms: ${repOk ? 'yes ✔' : 'NO ✘'}.

| export of all 14 report tables | time | size |
|---|---|---|
| reportToCsv ×14 | ${ms(rep.csvMs)} | ${kb(rep.csvBytes)} |
| reportsToXlsx (14 sheets) | ${ms(rep.xlsxMs)} | ${kb(rep.xlsxBytes)} |
| eventReportPdf | ${ms(rep.pdfMs)} | ${kb(rep.pdfBytes)} |
`;
  console.log(md);
  if (process.argv.includes('--write')) {
    const file = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
    const text = readFileSync(file, 'utf8');
    const start = text.search(/^## Reports\s*$/m);
    let out: string;
    if (start < 0) out = `${text.trimEnd()}\n\n${md}`;
    else {
      // Only this section: stop at the next "## " heading if someone added one after it.
      const rest = text.slice(start + 3);
      const next = rest.search(/^## /m);
      out = text.slice(0, start) + md + (next < 0 ? '' : `\n${rest.slice(next)}`);
    }
    writeFileSync(file, out);
    console.log(`written to ${file}`);
  }
  if (!bookOk || !repOk) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
