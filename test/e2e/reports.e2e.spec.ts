import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { bearer, eventually, startTestApi, TestApi } from '../support/api';

// Every export is read back (CSV with csv-parse, XLSX with exceljs, PDF with pdftotext, iCalendar
// by hand) and compared with the JSON report and with the meetings the test itself created.

type Row = Record<string, string | number>;
interface Table {
  columns: { key: string; es: string; en: string; type?: string }[];
  rows: Row[];
}

const REPORTS = ['summary', 'gadms', 'cooperants', 'sectors', 'ods', 'competencias', 'modalidades', 'pipeline', 'matrix'];

// superagent hands the parser the raw response stream, whatever its typings say.
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

const tmp = mkdtempSync(join(tmpdir(), 'rueda-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdfText(pdf: Buffer): string {
  const file = join(tmp, `f${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext: ${out.stderr}`);
  // Table cells wrap long names over lines: compare on single-spaced text.
  return out.stdout.replace(/\s+/g, ' ');
}

/** RFC 5545: unfold continuation lines, then one property map per VEVENT. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') {
      events.push(cur!);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      const name = line.slice(0, i).split(';')[0];
      cur[name] = line
        .slice(i + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\,/g, ',')
        .replace(/\\;/g, ';');
    }
  }
  return events;
}

/** What reportToCsv writes for a value: decimal comma, no thousands separator. */
const csvCell = (v: string | number | undefined) =>
  v === undefined || v === null
    ? ''
    : typeof v === 'number'
      ? Number.isInteger(v)
        ? String(v)
        : String(Math.round(v * 1e6) / 1e6).replace('.', ',')
      : String(v).replace(/^([=+\-@])/, "'$1");

const icsUtc = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const FILE_NAMES: Record<string, string> = {
  summary: 'resumen',
  gadms: 'por-gadm',
  cooperants: 'por-cooperante',
  sectors: 'por-sector',
  ods: 'por-ods',
  competencias: 'por-competencia',
  modalidades: 'por-modalidad',
  pipeline: 'compromisos',
  matrix: 'cooperante-por-sector',
};

describe('reports, exports and agendas of an event, read back', () => {
  let api: TestApi;
  let ev: string;
  let emptyEv: string;
  const p: Record<string, { id: string; token: string; name: string }> = {};
  const meetings: Record<string, string> = {};
  const admin = () => bearer(api.tokens.admin);
  const staff = () => bearer(api.tokens.staff);
  const file = (url: string, auth = staff()) => api.http.get(url).set(auth).buffer(true).parse(binary);

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    // A past day: commitments and reviews are dated after it.
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({
          name: 'Jornada de Cooperación Internacional 2026',
          venue: 'Quito, Centro de Convenciones Metropolitano',
          sessions: [{ label: 'Mañana', day: '2026-03-12', startTime: '09:00', endTime: '11:00', slotMinutes: 20, gapMinutes: 0 }],
          tableCount: 3,
        })
        .expect(201)
    ).body.id;
    const people: [string, string, 'gadm' | 'cooperant', string][] = [
      ['cuenca', '0101', 'gadm', 'GAD Municipal de Cuenca'],
      ['nabon', '0104', 'gadm', 'GAD Municipal de Nabón'],
      ['manta', '1308', 'gadm', 'GAD Municipal de Manta'],
      ['jica', 'JICA', 'cooperant', 'Agencia de Cooperación Internacional del Japón'],
      ['giz', 'GIZ', 'cooperant', 'Cooperación Alemana (GIZ)'],
    ];
    for (const [key, externalId, kind, name] of people) {
      const id = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name }).expect(201)).body.id;
      const token = (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin()).expect(201)).body.token;
      p[key] = { id, token, name };
    }
    const sectors: Record<string, string[]> = { cuenca: ['AGUA'], nabon: ['RESIDUOS'], manta: ['AGUA', 'CLIMA'] };
    const demand: Record<string, string> = {};
    for (const g of ['cuenca', 'nabon', 'manta']) {
      demand[g] = (
        await api.http
          .post(`/events/${ev}/demands`)
          .set(admin())
          .send({
            participantId: p[g].id,
            externalId: `D-${g}`,
            title: `Proyecto de ${g}`,
            sectors: sectors[g],
            modalidades: ['ASIST_TEC'],
            ods: [6],
          })
          .expect(201)
      ).body.id;
    }
    for (const g of ['cuenca', 'nabon', 'manta'])
      for (const c of ['jica', 'giz']) {
        meetings[`${g}-${c}`] = (
          await api.http
            .post(`/events/${ev}/meetings`)
            .set(admin())
            .send({ participantAId: p[g].id, participantBId: p[c].id, demandId: demand[g] })
            .expect(201)
        ).body.id;
      }
    const draft = (await api.http.post(`/events/${ev}/schedules`).set(admin()).send({ timeLimitSeconds: 2 }).expect(201)).body;
    await eventually(async () =>
      (await api.http.get(`/events/${ev}/schedules/${draft.id}`).set(admin())).body.status === 'draft' ? true : undefined,
    );
    await api.http.post(`/events/${ev}/schedules/${draft.id}/publish`).set(admin()).expect(200);
    for (const k of ['cuenca-jica', 'cuenca-giz', 'nabon-jica', 'manta-giz']) {
      await api.http.post(`/events/${ev}/live/meetings/${meetings[k]}/status`).set(staff()).send({ status: 'held' }).expect(200);
    }
    // Straight in SQL: through the live endpoint these would start the replacement search.
    await api.query(`UPDATE meetings SET status = 'no_show' WHERE id = $1`, [meetings['nabon-giz']]);
    await api.query(`UPDATE meetings SET status = 'cancelled' WHERE id = $1`, [meetings['manta-jica']]);

    const outcome = (who: string, meeting: string, body: object) =>
      api.http.put(`/me/outcomes/${meetings[meeting]}`).set(bearer(p[who].token)).send(body).expect(200);
    await outcome('cuenca', 'cuenca-jica', { interest: 5, nextSteps: ['MOU', 'TECH_MISSION'], amountUsd: 250000 });
    await outcome('jica', 'cuenca-jica', { interest: 4, nextSteps: ['MOU'] });
    await api.http
      .put(`/events/${ev}/meetings/${meetings['nabon-jica']}/outcomes/${p.nabon.id}`)
      .set(staff())
      .send({ interest: 3, nextSteps: ['PROJECT_PROFILE'] })
      .expect(200);

    const commit = async (meeting: string, title: string, amountUsd?: number) =>
      (
        await api.http
          .post(`/events/${ev}/commitments`)
          .set(staff())
          .send({ meetingId: meetings[meeting], title, amountUsd, date: '2026-03-12' })
          .expect(201)
      ).body;
    let c1 = await commit('cuenca-jica', 'Memorando de entendimiento: agua potable', 250000);
    c1 = (
      await api.http
        .post(`/events/${ev}/commitments/${c1.id}/stage`)
        .set(staff())
        .send({ stage: 'negotiation', date: '2026-04-01', version: c1.version })
        .expect(200)
    ).body;
    await api.http
      .post(`/events/${ev}/commitments/${c1.id}/stage`)
      .set(staff())
      .send({ stage: 'signed', date: '2026-06-15', version: c1.version })
      .expect(200);
    const c2 = await commit('manta-giz', 'Perfil de proyecto de adaptación costera', 80000);
    await api.http
      .post(`/events/${ev}/commitments/${c2.id}/stage`)
      .set(staff())
      .send({ stage: 'dropped', date: '2026-05-01', version: c2.version })
      .expect(200);
    await commit('cuenca-giz', 'Misión técnica de residuos');

    emptyEv = (
      await api.http
        .post('/events')
        .set(admin())
        .send({
          name: 'Jornada sin reuniones',
          sessions: [{ day: '2026-03-13', startTime: '09:00', endTime: '10:00', slotMinutes: 20 }],
          tableCount: 2,
        })
        .expect(201)
    ).body.id;
    await api.http
      .post(`/events/${emptyEv}/participants`)
      .set(admin())
      .send({ externalId: '0101', kind: 'gadm', name: 'GAD Municipal de Cuenca' })
      .expect(201);
  }, 60_000);
  afterAll(async () => api?.close());

  it('the summary counts what happened: placed, held, no-shows, outcomes and commitments', async () => {
    const s = (await api.http.get(`/events/${ev}/reports/summary`).set(staff()).expect(200)).body;
    expect(s).toMatchObject({ report: 'summary', event: { id: ev, name: 'Jornada de Cooperación Internacional 2026' } });
    expect(s.figures).toMatchObject({
      requested: 6,
      scheduled: 6,
      held: 4,
      noShow: 1,
      cancelledAfterScheduling: 1,
      open: 0,
      participants: { gadms: 3, cooperants: 2, gadmsWithHeld: 3, cooperantsWithHeld: 2 },
      outcomes: {
        meetingsWithOutcome: 2,
        meanInterest: 4,
        nextSteps: { MOU: 1, TECH_MISSION: 1, PROJECT_PROFILE: 1, FUND_APPLICATION: 0 },
      },
      commitments: { count: 3, active: 2, activeAmountUsd: 250000, signedOrLaterAmountUsd: 250000 },
    });
    expect(s.figures.rates.held).toBe(66.7);
    const value = (key: string) => s.rows.find((r: Row) => r.key === key).value;
    expect(value('held')).toBe(4);
    expect(value('heldRate')).toBe(66.7);
  });

  it('per GADM, per cooperant, per sector, the pipeline and the matrix agree with the meetings', async () => {
    const g = (await api.http.get(`/events/${ev}/reports/gadms`).set(staff()).expect(200)).body;
    const gadm = (code: string) => g.rows.find((r: Row) => r.inecCode === code);
    expect(gadm('0101')).toMatchObject({
      name: 'GAD Municipal de Cuenca',
      participated: 'Sí',
      requested: 2,
      scheduled: 2,
      held: 2,
      noShow: 0,
      counterparts: 2,
    });
    expect(gadm('0104')).toMatchObject({ held: 1, noShow: 1 });
    expect(gadm('1308')).toMatchObject({ held: 1, cancelled: 1 });
    expect(g.rows).toHaveLength(221);
    expect(g.fairness.overall.withAtLeastOne).toBe(3);

    const c = (await api.http.get(`/events/${ev}/reports/cooperants`).set(staff()).expect(200)).body;
    const jica = c.cooperants.find((r: { participant: { externalId: string } }) => r.participant.externalId === 'JICA');
    expect(jica.counts).toMatchObject({ requested: 3, held: 2, cancelled: 1 });
    expect(jica.gadmsMet).toBe(2);

    const sectors = (await api.http.get(`/events/${ev}/reports/sectors`).set(staff()).expect(200)).body;
    const agua = sectors.entries.find((e: { code: string }) => e.code === 'AGUA');
    // Cuenca (2 held) and Manta (1 held) asked for water.
    expect(agua.counts.held).toBe(3);

    const pipe = (await api.http.get(`/events/${ev}/reports/pipeline`).set(staff()).expect(200)).body;
    const stage = (s: string) => pipe.stages.find((x: { stage: string }) => x.stage === s);
    expect(stage('identified')).toMatchObject({ count: 1, amountUsd: 0 });
    expect(stage('signed')).toMatchObject({ count: 1, amountUsd: 250000 });
    expect(stage('dropped')).toMatchObject({ count: 1, amountUsd: 80000 });
    expect(pipe.active).toEqual({ count: 2, amountUsd: 250000 });
    expect(pipe.conversion).toBe(50);

    const matrix = (await api.http.get(`/events/${ev}/reports/matrix`).set(staff()).expect(200)).body;
    const i = matrix.cooperants.findIndex((x: { externalId: string }) => x.externalId === 'GIZ');
    const j = matrix.sectors.findIndex((x: { code: string }) => x.code === 'AGUA');
    // GIZ held Cuenca (AGUA) and Manta (AGUA, CLIMA).
    expect(matrix.cells[i][j]).toBe(2);

    for (const name of ['ods', 'competencias', 'modalidades']) {
      const r = (await api.http.get(`/events/${ev}/reports/${name}`).set(staff()).expect(200)).body;
      expect(r.columns.length).toBeGreaterThan(0);
      expect(Array.isArray(r.rows)).toBe(true);
    }
    await api.http.get(`/events/${ev}/reports/nope`).set(staff()).expect(404);
    await api.http.get(`/events/${ev}/reports/summary.docx`).set(staff()).expect(404);
  });

  it('every report reads back identically from its CSV and its XLSX', async () => {
    for (const name of REPORTS) {
      const json: Table = (await api.http.get(`/events/${ev}/reports/${name}`).set(staff()).expect(200)).body;

      const csvRes = await file(`/events/${ev}/reports/${name}.csv`).expect(200);
      expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
      // File names in Spanish like the sheets (reporte-resumen.csv), never half English.
      expect(csvRes.headers['content-disposition']).toContain(`reporte-${FILE_NAMES[name]}.csv`);
      const records: string[][] = parseCsv(csvRes.body as Buffer, { delimiter: ';', bom: true, relax_column_count: false });
      expect(records[0]).toEqual(json.columns.map((c) => c.es));
      expect(records).toHaveLength(json.rows.length + 1);
      json.rows.forEach((row, r) => expect(records[r + 1]).toEqual(json.columns.map((c) => csvCell(row[c.key]))));

      const xlsx = (await file(`/events/${ev}/reports/${name}.xlsx`).expect(200)).body as Buffer;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      expect(wb.worksheets).toHaveLength(1);
      const ws = wb.worksheets[0];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(json.columns.map((c) => c.es));
      expect(ws.actualRowCount).toBe(json.rows.length + 1);
      json.rows.forEach((row, r) => {
        const cells = json.columns.map((_, i) => ws.getRow(r + 2).getCell(i + 1).value ?? '');
        expect(cells).toEqual(json.columns.map((c) => row[c.key] ?? ''));
      });
    }
  });

  it('all.xlsx holds every report in one workbook, its summary sheet equal to the JSON', async () => {
    const res = await file(`/events/${ev}/reports/all.xlsx`).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Resumen',
      'Equidad GADM',
      'Distribución GADM',
      'Por región',
      'Por provincia',
      'Por tamaño',
      'Por GADM',
      'Por cooperante',
      'Por sector',
      'Por ODS',
      'Por competencia',
      'Por modalidad',
      'Compromisos',
      'Cooperante x sector',
    ]);
    const summary: Table = (await api.http.get(`/events/${ev}/reports/summary`).set(staff())).body;
    const sheet = wb.getWorksheet('Resumen')!;
    summary.rows.forEach((row, r) => {
      expect(sheet.getRow(r + 2).getCell(1).value).toBe(row.indicator);
      expect(sheet.getRow(r + 2).getCell(3).value).toBe(row.value);
    });
    const pipeline = wb.getWorksheet('Compromisos')!;
    const signed = (pipeline.getSheetValues() as unknown[][]).find((r) => r?.[1] === 'Firmado')!;
    expect(signed.slice(3)).toEqual([1, 33.3, 250000, 1]);
  });

  it('the post-event PDF carries the key figures', async () => {
    const res = await file(`/events/${ev}/reports/event.pdf`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Jornada de Cooperación Internacional 2026');
    expect(text).toContain('Informe de resultados / Event report');
    expect(text).toContain('Compromisos por etapa');
    expect(text).toMatch(/Realizadas \/ Held/);
    expect(text).toContain('Agencia de Cooperación Internacional del Japón');
    expect(text).toContain('Reuniones realizadas 4 Inasistencias 1 Canceladas después de agendar 1');
    expect(text).toContain('Tasa de realización (%) 66,7');
    expect(text).toContain('Firmado / Signed 1 USD 250.000');
  });

  it('builds every agenda in one PDF as a BullMQ job with progress, stored for any node to serve', async () => {
    const job = (await api.http.post(`/events/${ev}/exports/agendas`).set(staff()).send({}).expect(202)).body;
    expect(job).toMatchObject({ status: 'queued', kind: 'agendas', fileUrl: null });
    const done = await eventually(async () => {
      const s = (await api.http.get(`/events/${ev}/exports/jobs/${job.jobId}`).set(staff()).expect(200)).body;
      return s.status === 'done' ? s : undefined;
    });
    expect(done.progress).toEqual({ phase: 'done', percent: 100, done: 5, total: 5 });
    expect(done.fileUrl).toBe(`/events/${ev}/exports/jobs/${job.jobId}/file`);
    const pdf = await file(done.fileUrl).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(done.size).toBe((pdf.body as Buffer).length);
    const text = pdfText(pdf.body as Buffer);
    expect(text.match(/Agenda de reuniones \/ Meeting schedule (?!\(cont)/g)).toHaveLength(5);
    for (const x of Object.values(p)) expect(text).toContain(x.name);
    // The cancelled meeting is left out of the printed agendas; the other five appear on both sides.
    const rows = await api.query(
      `SELECT m.id, s.starts_at, t.number FROM meetings m JOIN slots s ON s.id = m.slot_id JOIN tables t ON t.id = m.table_id WHERE m.event_id = $1 AND m.status <> 'cancelled'`,
      [ev],
    );
    expect(rows).toHaveLength(5);
    const hhmm = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Guayaquil', hour: '2-digit', minute: '2-digit' }).format(d);
    for (const r of rows) expect(text).toContain(hhmm(r.starts_at));
    // Stored in PostgreSQL: another API node (no worker, no local file) serves the same bytes.
    const other = await api.startNode();
    const again = await (await fetch(`${other}${done.fileUrl}`, { headers: staff() })).arrayBuffer();
    expect(Buffer.from(again).equals(pdf.body as Buffer)).toBe(true);

    await api.http.get(`/events/${ev}/exports/jobs/00000000-0000-4000-8000-000000000000`).set(staff()).expect(404);
    await api.http.post(`/events/${ev}/exports/agendas`).set(bearer(p.cuenca.token)).send({}).expect(403);
  });

  it("one participant's agenda as PDF and iCalendar, for organisers and through its own link", async () => {
    const pdf = await file(`/events/${ev}/participants/${p.cuenca.id}/agenda.pdf`).expect(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('GAD Municipal de Cuenca');
    expect(text).toContain('Agencia de Cooperación Internacional del Japón');
    expect(text).toContain('Cooperación Alemana (GIZ)');
    expect(text).not.toContain('GAD Municipal de Nabón');

    const mine = await file('/me/agenda.ics', bearer(p.cuenca.token)).expect(200);
    expect(mine.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parseIcs((mine.body as Buffer).toString('utf8'));
    const expected = await api.query(
      `SELECT m.id, s.starts_at, s.ends_at, t.number, cp.name FROM meetings m JOIN slots s ON s.id = m.slot_id JOIN tables t ON t.id = m.table_id
         JOIN participants cp ON cp.id = CASE WHEN m.participant_a_id = $1 THEN m.participant_b_id ELSE m.participant_a_id END
        WHERE $1 IN (m.participant_a_id, m.participant_b_id) AND m.status <> 'cancelled' ORDER BY s.starts_at`,
      [p.cuenca.id],
    );
    expect(events).toHaveLength(expected.length);
    expect(events.map((e) => e.UID).sort()).toEqual(expected.map((m: { id: string }) => `${m.id}@rueda`).sort());
    for (const m of expected) {
      const e = events.find((x) => x.UID === `${m.id}@rueda`)!;
      expect(e.DTSTART).toBe(icsUtc(m.starts_at));
      expect(e.DTEND).toBe(icsUtc(m.ends_at));
      expect(e.SUMMARY).toBe(`Reunión con ${m.name} — Mesa ${m.number}`);
      expect(e.LOCATION).toBe(`Quito, Centro de Convenciones Metropolitano — Mesa ${m.number}`);
    }
    // Manta's cancelled meeting is not in its calendar.
    const manta = parseIcs((await file('/me/agenda.ics', bearer(p.manta.token)).expect(200)).body.toString('utf8'));
    expect(manta.map((e) => e.UID)).toEqual([`${meetings['manta-giz']}@rueda`]);

    const staffIcs = parseIcs((await file(`/events/${ev}/participants/${p.jica.id}/agenda.ics`).expect(200)).body.toString('utf8'));
    expect(staffIcs).toHaveLength(2);
    expect(pdfText((await file('/me/agenda.pdf', bearer(p.jica.token)).expect(200)).body)).toContain('GAD Municipal de Nabón');
    // A participant link opens only its own agenda.
    await api.http.get(`/events/${ev}/participants/${p.nabon.id}/agenda.pdf`).set(bearer(p.cuenca.token)).expect(403);
    await api.http.get(`/events/${ev}/reports/summary`).set(bearer(p.cuenca.token)).expect(403);
  });

  it('documents the new routes in OpenAPI', async () => {
    const doc = (await api.http.get('/docs/openapi.json').expect(200)).body;
    for (const path of [
      '/events/{eventId}/reports/{file}',
      '/events/{eventId}/exports/agendas',
      '/events/{eventId}/exports/jobs/{jobId}/file',
      '/events/{eventId}/participants/{participantId}/agenda.ics',
      '/me/agenda.pdf',
      '/me/outcomes/pending',
      '/me/outcomes/{meetingId}',
      '/events/{eventId}/outcomes/missing',
      '/events/{eventId}/meetings/{meetingId}/outcomes/{participantId}',
      '/events/{eventId}/commitments/{commitmentId}/stage',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it('an event without meetings gives empty reports and files, not errors', async () => {
    const s = (await api.http.get(`/events/${emptyEv}/reports/summary`).set(staff()).expect(200)).body;
    expect(s.rows.length).toBeGreaterThan(0);
    // One GADM registered, no demand, no meeting: the GADM figures say exactly that; all else is 0.
    const gadmFigures: Record<string, number> = { gadms_reference: 221, gadms: 1, gadms_withoutDemands: 1, gadms_withoutMeetings: 1 };
    for (const r of s.rows as Row[]) expect([r.key, r.value]).toEqual([r.key, gadmFigures[String(r.key)] ?? 0]);
    const g = (await api.http.get(`/events/${emptyEv}/reports/gadms`).set(staff()).expect(200)).body;
    expect(g.rows.every((r: Row) => r.requested === 0 && r.held === 0)).toBe(true);
    const pipe = (await api.http.get(`/events/${emptyEv}/reports/pipeline`).set(staff()).expect(200)).body;
    expect(pipe.stages.every((x: { count: number }) => x.count === 0)).toBe(true);
    const c = (await api.http.get(`/events/${emptyEv}/reports/cooperants`).set(staff()).expect(200)).body;
    expect(c.rows).toEqual([]);
    const csv = parseCsv((await file(`/events/${emptyEv}/reports/cooperants.csv`).expect(200)).body, { delimiter: ';', bom: true });
    expect(csv).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file(`/events/${emptyEv}/reports/all.xlsx`).expect(200)).body);
    expect(wb.worksheets).toHaveLength(14);
    expect(pdfText((await file(`/events/${emptyEv}/reports/event.pdf`).expect(200)).body)).toContain('Jornada sin reuniones');
    const missing = (await api.http.get(`/events/${emptyEv}/outcomes/missing`).set(staff()).expect(200)).body;
    expect(missing).toEqual({ participants: 0, meetings: 0, items: [] });
    await api.http.get(`/events/00000000-0000-4000-8000-000000000000/reports/summary`).set(staff()).expect(404);
  });
});
