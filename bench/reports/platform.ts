/**
 * Reports from the database, end to end: `source .rueda/env && npx tsx bench/reports/platform.ts [--write]`.
 * Writes the synthetic 5,000-meeting Rueda of bench/reports/run.ts into a throwaway PostgreSQL
 * database (through the real migrations), then times what an API request does: the SQL loader
 * (loadReportData), each report on the loaded data, the CSV/XLSX/PDF renderers, and the worker's
 * agenda book. With --write, the figures replace the "### From PostgreSQL" part of the
 * "## Reports" section of docs/benchmarks.md.
 */
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
import { agendaPdf, buildAgendas, eventReportPdf, reportsToXlsx, reportToCsv } from '../../libs/exports/src';
import { loadReportData } from '../../libs/persistence/src';
import { createTestDatabase } from '../../test/support/database';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

/** Inserts the synthetic event with database ids; returns the event id. */
async function seed(query: (sql: string, params?: unknown[]) => Promise<any[]>, data: ReportData): Promise<string> {
  const id = new Map<string, string>();
  const uuid = (k: string | undefined) => (k === undefined ? null : (id.get(k) ?? id.set(k, randomUUID()).get(k)!));
  const bulk = async (table: string, rows: Record<string, unknown>[], cols: string) => {
    // jsonb_populate_recordset: one round trip per 2,000 rows, typed by the table itself.
    for (let i = 0; i < rows.length; i += 2000) {
      await query(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [
        JSON.stringify(rows.slice(i, i + 2000)),
      ]);
    }
  };
  const [ev] = await query(`INSERT INTO events (name, venue, version) VALUES ($1, 'Quito', 1) RETURNING id`, [data.event.name]);
  const slots = new Map<string, { id: string; starts_at: string; ends_at: string }>();
  const tables = new Map<string, { id: string; number: number }>();
  for (const m of data.meetings) {
    if (m.slotId && !slots.has(m.slotId)) slots.set(m.slotId, { id: uuid(m.slotId)!, starts_at: m.startsAt!, ends_at: m.endsAt! });
    if (m.tableId && !tables.has(m.tableId)) tables.set(m.tableId, { id: uuid(m.tableId)!, number: m.tableNumber! });
  }
  const slotRows = [...slots.values()]
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
    .map((s, i) => ({ ...s, event_id: ev.id, code: `S${i + 1}`, ordinal: i + 1 }));
  await bulk('slots', slotRows, 'id, event_id, code, ordinal, starts_at, ends_at');
  await bulk(
    'tables',
    [...tables.values()].map((t) => ({ ...t, event_id: ev.id, label: '' })),
    'id, event_id, number, label',
  );
  await bulk(
    'participants',
    data.participants.map((p) => ({
      id: uuid(p.id),
      event_id: ev.id,
      external_id: p.externalId,
      kind: p.kind,
      name: p.name,
      province: p.province ?? null,
      province_code: p.provinceCode ?? null,
      region: p.region ?? null,
      tipo: p.tipo ?? null,
      version: 1,
    })),
    'id, event_id, external_id, kind, name, province, province_code, region, tipo, version',
  );
  await bulk(
    'demands',
    data.demands.map((d) => ({
      id: uuid(d.id),
      event_id: ev.id,
      participant_id: uuid(d.participantId),
      external_id: d.id,
      title: d.title ?? '',
      description: '',
      sectors: d.sectors,
      competencias: d.competencias,
      ods: d.ods,
      modalidades: d.modalidades,
      version: 1,
    })),
    'id, event_id, participant_id, external_id, title, description, sectors, competencias, ods, modalidades, version',
  );
  await bulk(
    'offers',
    data.offers.map((o) => ({
      id: uuid(o.id),
      event_id: ev.id,
      participant_id: uuid(o.participantId),
      external_id: o.id,
      title: o.title ?? '',
      description: '',
      sectors: o.sectors,
      ods: o.ods,
      modalidades: o.modalidades,
      regions: [],
      provinces: [],
      version: 1,
    })),
    'id, event_id, participant_id, external_id, title, description, sectors, ods, modalidades, regions, provinces, version',
  );
  await bulk(
    'meetings',
    data.meetings.map((m) => ({
      id: uuid(m.id),
      event_id: ev.id,
      participant_a_id: uuid(m.participantAId),
      participant_b_id: uuid(m.participantBId),
      demand_id: uuid(m.demandId),
      offer_id: uuid(m.offerId),
      origin: m.origin,
      status: m.status,
      weight: 1,
      mandatory: false,
      note: '',
      slot_id: uuid(m.slotId),
      table_id: uuid(m.tableId),
      version: 1,
    })),
    'id, event_id, participant_a_id, participant_b_id, demand_id, offer_id, origin, status, weight, mandatory, note, slot_id, table_id, version',
  );
  const sideOf = new Map(data.meetings.map((m) => [m.id, m]));
  await bulk(
    'meeting_outcomes',
    data.outcomes.map((o) => {
      const m = sideOf.get(o.meetingId)!;
      return {
        id: randomUUID(),
        event_id: ev.id,
        meeting_id: uuid(o.meetingId),
        side: o.side,
        participant_id: uuid(o.side === 'a' ? m.participantAId : m.participantBId),
        interest: o.interest,
        next_steps: o.nextSteps,
        amount_usd: o.amountUsd ?? null,
        contacts: [],
        notes: '',
        filled_by: 'participant',
        version: 1,
      };
    }),
    'id, event_id, meeting_id, side, participant_id, interest, next_steps, amount_usd, contacts, notes, filled_by, version',
  );
  await bulk(
    'commitments',
    data.commitments.map((c) => ({
      id: uuid(c.id),
      event_id: ev.id,
      meeting_id: uuid(c.meetingId),
      title: 'Compromiso',
      description: '',
      stage: c.stage,
      stage_date: '2026-06-01',
      amount_usd: c.amountUsd ?? null,
      base_date: '2026-03-13',
      reviews: [],
      history: [],
      version: 1,
    })),
    'id, event_id, meeting_id, title, description, stage, stage_date, amount_usd, base_date, reviews, history, version',
  );
  await query('ANALYZE');
  return ev.id;
}

async function main() {
  const db = await createTestDatabase();
  try {
    const data = syntheticReportData({ slots: 48, tables: 72, placed: 3456, unplaced: 1544, cooperants: 100, participation: 1 });
    const [seedMs, eventId] = await time(() => seed((sql, p) => db.dataSource.query(sql, p), data));
    const m = db.dataSource.manager;

    const loads: number[] = [];
    let loaded = (await loadReportData(m, eventId))!;
    for (let r = 0; r < RUNS; r++) {
      const [t, v] = await time(() => loadReportData(m, eventId));
      loads.push(t);
      loaded = v!;
    }
    const d = loaded.data;
    if (d.meetings.length !== data.meetings.length || d.outcomes.length !== data.outcomes.length) throw new Error('loader lost rows');
    const [oneMs] = await time(async () => {
      const l = (await loadReportData(m, eventId, { participantId: d.participants[0].id }))!;
      return buildAgendas(l.data, { venue: l.event.venue });
    });

    // What GET /events/:id/reports/:name does: load, then compute (fresh lookups each request).
    const reports: [string, (x: ReportData) => unknown][] = [
      ['summary', summary],
      ['gadms', (x) => byGadm(x)],
      ['cooperants', byCooperant],
      ['sectors', bySector],
      ['ods', byOds],
      ['competencias', byCompetencia],
      ['modalidades', byModalidad],
      ['pipeline', pipeline],
      ['matrix', cooperantSectorMatrix],
    ];
    const rows: string[] = [];
    for (const [name, fn] of reports) {
      const totals: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const [t] = await time(async () => fn((await loadReportData(m, eventId))!.data));
        totals.push(t);
      }
      rows.push(`| ${name} | ${ms(median(totals))} | ${ms(Math.max(...totals))} |`);
    }
    const [csvMs] = await time(async () => reportToCsv(byGadm((await loadReportData(m, eventId))!.data)));
    const [xlsxMs, xlsx] = await time(async () =>
      reportsToXlsx(allReports((await loadReportData(m, eventId))!.data), { created: new Date() }),
    );
    const [pdfMs, pdf] = await time(async () => eventReportPdf((await loadReportData(m, eventId))!.data));
    const [bookMs, book] = await time(async () => {
      const l = (await loadReportData(m, eventId))!;
      return agendaPdf(buildAgendas(l.data, { venue: l.event.venue }));
    });

    const placed = d.meetings.filter((x) => x.slotId).length;
    let nproc = '?';
    try {
      nproc = execSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      /* not Linux */
    }
    const pg = (await db.dataSource.query('SHOW server_version'))[0].server_version;
    const md = `### From PostgreSQL (loader + report, end to end)

\`source .rueda/env && npx tsx bench/reports/platform.ts\` (\`--write\` refreshes this part). The 5,000-meeting
event above written into a migrated PostgreSQL ${pg} database (${d.meetings.length} meetings, ${placed} placed,
${d.participants.length} participants, ${d.outcomes.length} outcome forms, ${d.commitments.length} commitments; seeding ${ms(seedMs)}),
then what the API does per request: \`loadReportData\` (plain SQL, no entity hydration) and the report.
Machine: ${nproc} CPU, Node ${process.version}, measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
(load average ${loadavg()[0].toFixed(1)} at the end: other processes shared the CPUs, so figures are upper bounds).

| step | median of ${RUNS} | max |
|---|---|---|
| loadReportData, whole event | ${ms(median(loads))} | ${ms(Math.max(...loads))} |
| loadReportData, one participant + buildAgendas | ${ms(oneMs)} | |

| GET /reports/:name (load + compute) | median of ${RUNS} | max |
|---|---|---|
${rows.join('\n')}

| file (load + render) | time | size |
|---|---|---|
| gadms.csv | ${ms(csvMs)} | |
| all.xlsx (14 sheets) | ${ms(xlsxMs)} | ${Math.round(xlsx.length / 1024)} KB |
| event.pdf | ${ms(pdfMs)} | ${Math.round(pdf.length / 1024)} KB |
| agenda book job body (${d.participants.length} agendas) | ${(bookMs / 1000).toFixed(2)} s | ${(book.length / 1e6).toFixed(2)} MB |
`;
    console.log(md);
    if (process.argv.includes('--write')) {
      const file = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
      const text = readFileSync(file, 'utf8');
      const reports = text.search(/^## Reports\s*$/m);
      if (reports < 0) throw new Error('docs/benchmarks.md has no "## Reports" section');
      const afterReports = text.slice(reports + 1);
      const nextSection = afterReports.search(/^## /m);
      const end = nextSection < 0 ? text.length : reports + 1 + nextSection;
      const mine = text.slice(reports, end).search(/^### From PostgreSQL/m);
      // Replace only this part; the rest of "## Reports" belongs to bench/reports/run.ts.
      const start = mine < 0 ? end : reports + mine;
      // The part ends at the next heading after its own heading line.
      const body = text.indexOf('\n', start) + 1;
      const tail = text.slice(body, end).search(/^##+ /m);
      const stop = mine < 0 ? end : tail < 0 ? end : body + tail;
      const before = text.slice(0, start).replace(/\n*$/, '\n\n');
      const after = text.slice(stop);
      writeFileSync(file, before + md + (after ? `\n${after.replace(/^\n+/, '')}` : ''));
      console.log(`wrote ${file}`);
    }
  } finally {
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
