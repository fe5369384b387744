import { formatTimeRange } from '@rueda/i18n';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { allReports, bySector, summary, syntheticReportData, type ReportTable } from '@rueda/reporting';
import {
  agendaIcs,
  agendaPdf,
  buildAgendas,
  eventReportPdf,
  reportsToXlsx,
  reportToCsv,
  sheetName,
  winAnsi,
  type ParticipantAgenda,
} from './index';

const dir = mkdtempSync(join(tmpdir(), 'rueda-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text of a PDF through poppler's pdftotext (Debian package poppler-utils). */
function pdfText(pdf: Buffer, name: string, mode: 'layout' | 'raw' = 'layout'): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    throw new Error(`pdftotext failed (is poppler-utils installed? apt-get install -y poppler-utils): ${(e as Error).message}`, {
      cause: e,
    });
  }
}
const pageCount = (pdf: Buffer, name: string): number => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
};

interface IcsEvent {
  [prop: string]: string;
}
/** Just enough RFC 5545 to check what we write: unfold, split components, unescape text. */
function parseIcs(text: string): { calendar: Record<string, string>; events: IcsEvent[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean);
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  let current: IcsEvent | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else {
      const i = line.indexOf(':');
      const name = line.slice(0, i).split(';')[0];
      const value = line
        .slice(i + 1)
        .replace(/\\n/gi, '\n')
        .replace(/\\([,;\\])/g, '$1');
      (current ?? calendar)[name] = value;
    }
  }
  return { calendar, events };
}
const icsUtc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const agenda: ParticipantAgenda = {
  participant: { name: 'GAD Municipal de Cañar', kind: 'gadm', externalId: '0303' },
  event: { name: 'Jornada de Cooperación Internacional', venue: 'Centro de Convenciones, Quito', timeZone: 'America/Guayaquil' },
  meetings: [
    {
      id: 'mtg-2',
      startsAt: '2026-03-12T14:25:00.000Z',
      endsAt: '2026-03-12T14:45:00.000Z',
      tableNumber: 17,
      counterpart: 'Agencia Española de Cooperación (AECID)',
      counterpartKind: 'cooperant',
      topic: 'Gestión de residuos sólidos',
      status: 'scheduled',
    },
    {
      id: 'mtg-1',
      startsAt: '2026-03-12T14:00:00.000Z',
      endsAt: '2026-03-12T14:20:00.000Z',
      tableNumber: 3,
      counterpart: 'Fundación Ñandú',
      counterpartKind: 'cooperant',
      topic: 'Agua potable en la parroquia Ducur',
      status: 'held',
    },
    {
      id: 'mtg-3',
      startsAt: '2026-03-13T15:00:00.000Z',
      endsAt: '2026-03-13T15:20:00.000Z',
      tableNumber: 42,
      counterpart: 'Łódź Miasto',
      counterpartKind: 'cooperant',
      status: 'cancelled',
    },
  ],
};

describe('reportToCsv', () => {
  it('writes ; separated UTF-8 with BOM, Spanish headers and decimal commas that csv-parse reads back', () => {
    const table: ReportTable = {
      columns: [
        { key: 'name', es: 'Cantón', en: 'Canton', type: 'text' },
        { key: 'held', es: 'Realizadas', en: 'Held', type: 'int' },
        { key: 'rate', es: 'Tasa (%)', en: 'Rate (%)', type: 'percent' },
      ],
      rows: [
        { name: 'Girón; Azuay', held: 3, rate: 42.5 },
        { name: '=HYPERLINK("x")', held: 0, rate: 0 },
        { name: 'Año "nuevo"', held: 12, rate: 100 },
      ],
    };
    const buf = reportToCsv(table);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8');
    expect(text).toContain('\r\n');
    const rows = parse(buf, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['Cantón', 'Realizadas', 'Tasa (%)']);
    expect(rows[0]).toEqual({ Cantón: 'Girón; Azuay', Realizadas: '3', 'Tasa (%)': '42,5' });
    expect(rows[1].Cantón).toBe(`'=HYPERLINK("x")`);
    expect(rows[2].Cantón).toBe('Año "nuevo"');
    const both = parse(reportToCsv(table, { headers: 'es-en' }), { bom: true, delimiter: ';', to_line: 1 }) as string[][];
    expect(both[0][1]).toBe('Realizadas / Held');
  });

  it('round-trips a real report', () => {
    const data = syntheticReportData({ placed: 300, unplaced: 50 });
    const table = bySector(data);
    const rows = parse(reportToCsv(table), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(table.rows.length);
    table.rows.forEach((r, i) => {
      expect(rows[i]['Código']).toBe(r.code);
      expect(Number(rows[i]['Realizadas'])).toBe(r.held);
      expect(Number(rows[i]['Realizadas (% del total)'].replace(',', '.'))).toBe(r.heldShare);
    });
  });
});

describe('reportsToXlsx', () => {
  it('one sheet per report with a bold header, widths and the same values', async () => {
    const data = syntheticReportData({ placed: 400, unplaced: 100 });
    const reports = allReports(data);
    const created = new Date('2026-12-04T12:00:00Z');
    const buf = await reportsToXlsx(reports, { created });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    // Stamped with the caller's clock, not the machine's.
    expect(wb.created).toEqual(created);
    expect(wb.worksheets.map((w) => w.name)).toEqual(reports.map((r) => r.name));
    for (const { name, table } of reports) {
      const ws = wb.getWorksheet(name)!;
      const header = ws.getRow(1);
      expect(header.font?.bold).toBe(true);
      expect(table.columns.map((_, i) => header.getCell(i + 1).value)).toEqual(table.columns.map((c) => c.es));
      expect(ws.rowCount).toBe(table.rows.length + 1);
      // exceljs leaves out columns of its default width (9) and reads them back as undefined.
      table.columns.forEach((c, i) =>
        expect({ sheet: name, col: c.key, width: (ws.getColumn(i + 1).width ?? 9) >= 8 }).toEqual({ sheet: name, col: c.key, width: true }),
      );
      expect(Math.max(...table.columns.map((_, i) => ws.getColumn(i + 1).width ?? 9))).toBeGreaterThan(9);
      table.rows.forEach((r, i) => {
        const cells = table.columns.map((_, j) => ws.getRow(i + 2).getCell(j + 1).value);
        expect(cells).toEqual(table.columns.map((c) => (r[c.key] === '' ? null : r[c.key])));
      });
    }
    const s = summary(data);
    const held = wb
      .getWorksheet('Resumen')!
      .getRows(2, s.rows.length)!
      .find((r) => r.getCell(1).value === 'Reuniones realizadas')!;
    expect(held.getCell(3).value).toBe(s.figures.held);
  });

  it('keeps sheet names within Excel rules', () => {
    const taken = new Set<string>();
    expect(sheetName('Cooperante x sector [matriz]: todo/parte', taken)).toBe('Cooperante x sector matriz todo');
    expect(sheetName('Resumen', taken)).toBe('Resumen');
    expect(sheetName('resumen', taken)).toBe('resumen (2)');
  });
});

describe('agendaPdf', () => {
  it('prints one agenda with names, local times, tables, accents and page numbers', async () => {
    const text = pdfText(await agendaPdf([agenda]), 'one');
    expect(text).toContain('Agenda de reuniones / Meeting schedule');
    expect(text).toContain('GAD Municipal de Cañar');
    expect(text).toContain('Jornada de Cooperación Internacional');
    // 14:00Z is 09:00 in Guayaquil (UTC−5); sorted by time whatever the input order.
    expect(text).toMatch(/09:00–09:20\s+3\s+Fundación Ñandú/);
    expect(text).toMatch(/09:25–09:45\s+17\s+Agencia Española de Cooperación/);
    expect(text.indexOf('09:00–09:20')).toBeLessThan(text.indexOf('09:25–09:45'));
    expect(text).toContain('10:00–10:20');
    expect(text).toContain('Jueves, 12 de marzo de 2026');
    expect(text).toContain('Viernes, 13 de marzo de 2026');
    expect(text).toContain('Gestión de residuos sólidos');
    expect(text).toContain('Lódz Miasto'); // Ł and ź are outside WinAnsi: bare letters; ó is in it
    expect(text).toContain('Realizada');
    expect(text).toContain('Página 1 de 1 / Page 1 of 1');
  });

  it('prints every agenda of an event in one PDF and reports progress', async () => {
    const data = syntheticReportData({ phase: 'pre', gadms: 30, cooperants: 12, slots: 12, tables: 10, placed: 110, unplaced: 10 });
    const agendas = buildAgendas(data, { venue: 'Quito' });
    expect(agendas).toHaveLength(data.participants.length);
    const progress: [number, number][] = [];
    const pdf = await agendaPdf(agendas, { onProgress: (d, t) => progress.push([d, t]) });
    expect(progress).toHaveLength(agendas.length);
    expect(progress.at(-1)).toEqual([agendas.length, agendas.length]);
    const text = pdfText(pdf, 'all');
    expect(pageCount(pdf, 'all')).toBeGreaterThanOrEqual(agendas.length);
    for (const a of agendas) {
      expect(text).toContain(a.participant.name);
      for (const m of a.meetings) expect(text).toContain(formatTimeRange(m.startsAt, m.endsAt, 'America/Guayaquil'));
    }
    expect(text.split('Agenda de reuniones / Meeting schedule\n').length - 1).toBe(agendas.length);
  });

  it('a long agenda continues on a new page with the header repeated and numbered pages', async () => {
    const long: ParticipantAgenda = {
      ...agenda,
      meetings: Array.from({ length: 40 }, (_, i) => ({
        id: `m${i}`,
        startsAt: new Date(Date.UTC(2026, 2, 12, 13, 0) + i * 20 * 60_000).toISOString(),
        endsAt: new Date(Date.UTC(2026, 2, 12, 13, 20) + i * 20 * 60_000).toISOString(),
        tableNumber: i + 1,
        counterpart: `Cooperante número ${i + 1} con un nombre bastante largo para ocupar dos líneas`,
        counterpartKind: 'cooperant' as const,
        topic: 'Tema',
        status: 'scheduled' as const,
      })),
    };
    const pdf = await agendaPdf([long]);
    const pages = pageCount(pdf, 'long');
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf, 'long');
    expect(text).toContain(`Página ${pages} de ${pages} / Page ${pages} of ${pages}`);
    expect(text).toContain('(cont.)');
    expect(text.split('Hora / Time').length - 1).toBe(pages);
  });
});

describe('agendaIcs', () => {
  it('one VEVENT per meeting in UTC with stable UIDs, in a published VCALENDAR', () => {
    const ics = agendaIcs(agenda);
    const { calendar, events } = parseIcs(ics);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(calendar.VERSION).toBe('2.0');
    expect(calendar.METHOD).toBe('PUBLISH');
    expect(calendar.PRODID).toBeTruthy();
    expect(events).toHaveLength(3);
    const byUid = new Map(events.map((e) => [e.UID, e]));
    for (const m of agenda.meetings) {
      const e = byUid.get(`${m.id}@rueda`)!;
      expect(e).toBeDefined();
      expect(e.DTSTART).toBe(icsUtc(m.startsAt));
      expect(e.DTEND).toBe(icsUtc(m.endsAt));
      expect(e.SUMMARY).toBe(`Reunión con ${m.counterpart} — Mesa ${m.tableNumber}`);
      expect(e.LOCATION).toBe(`Centro de Convenciones, Quito — Mesa ${m.tableNumber}`);
      expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    }
    expect(byUid.get('mtg-3@rueda')!.STATUS).toBe('CANCELLED');
    expect(byUid.get('mtg-1@rueda')!.DESCRIPTION).toContain('Tema / Topic: Agua potable en la parroquia Ducur');
    // Lines stay within 75 octets (folded), as RFC 5545 requires.
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('UIDs without meeting ids are stable between exports', () => {
    const noIds = { ...agenda, meetings: agenda.meetings.map(({ id: _id, ...m }) => m) };
    const a = parseIcs(agendaIcs(noIds)).events.map((e) => e.UID);
    const b = parseIcs(agendaIcs(noIds)).events.map((e) => e.UID);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
    for (const uid of a) expect(uid).toMatch(/^[0-9a-f]{20}@rueda$/);
  });

  it('an agenda without meetings is still a calendar', () => {
    const { calendar, events } = parseIcs(agendaIcs({ ...agenda, meetings: [] }));
    expect(calendar.METHOD).toBe('PUBLISH');
    expect(events).toHaveLength(0);
  });
});

describe('eventReportPdf', () => {
  it('prints key figures, charts and tables of the reporting lib', async () => {
    const data = syntheticReportData({ placed: 600, unplaced: 150 });
    const s = summary(data).figures;
    const text = pdfText(await eventReportPdf(data, { generatedAt: '2026-03-13T23:00:00Z' }), 'report', 'raw');
    expect(text).toContain('Informe de resultados / Event report');
    expect(text).toContain('Cifras clave / Key figures');
    expect(text).toContain('Reuniones realizadas por sector / Meetings held by sector');
    expect(text).toContain('Compromisos por etapa / Commitments by stage');
    expect(text).toContain('Por región / By region');
    expect(text).toContain(`${s.held.toLocaleString('es-EC')}\nRealizadas / Held`);
    expect(text).toContain(`${s.scheduled.toLocaleString('es-EC')}\nAgendadas / Scheduled`);
    expect(text).toContain('Sierra');
    expect(text).toContain('Amazonía');
    expect(text).toContain('En negociación / In negotiation');
    expect(text).toMatch(/Página 1 de \d+ \/ Page 1 of \d+/);
    // When it was made, in the event's zone (18:00 in Guayaquil), never UTC.
    expect(text).toContain('Generado / Generated 13/03/2026 18:00, hora de Ecuador (GMT-5)');
    expect(text).not.toContain('UTC');
  });

  it('an event with no meetings still gives a report', async () => {
    const data = {
      event: { name: 'Jornada vacía', timeZone: 'America/Guayaquil' },
      participants: [],
      demands: [],
      offers: [],
      meetings: [],
      outcomes: [],
      commitments: [],
    };
    const text = pdfText(await eventReportPdf(data), 'empty');
    expect(text).toContain('Jornada vacía');
    // Nobody registered: the tile says so instead of measuring against the official list.
    expect(text).toContain('0 de 0');
    expect(text).toContain('Todavía no hay reuniones realizadas. / No meetings held yet.');
  });
});

describe('winAnsi', () => {
  it('keeps Spanish, replaces what the standard fonts cannot draw', () => {
    expect(winAnsi('Añasco, Girón, Tsáchilas — ÜÑ ¿? €')).toBe('Añasco, Girón, Tsáchilas — ÜÑ ¿? €');
    expect(winAnsi('Łódź ≥ 3 北京')).toBe('Lódz >= 3 ??');
  });
});
