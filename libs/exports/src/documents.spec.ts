import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatTimeRange } from '@rueda/i18n';
import { byCooperant, byGadm, bySector, pipeline, summary, syntheticReportData, type ReportData } from '@rueda/reporting';
import { agendaPdf, buildAgendas, eventReportPdf, winAnsi } from './index';

/**
 * The PDFs read as a person reads them: each page rendered to an image (poppler's pdftoppm,
 * kept under test-artifacts/documents/ for a person to look at) and its text extracted
 * (pdftotext), checking what a reader would notice: a header word broken across two lines,
 * a section left empty without a sentence saying why, a figure cut short, a time not in the
 * event's zone.
 */
const OUT = resolve(__dirname, '../../../test-artifacts/documents');
const GENERATED = '2026-11-25T23:05:00Z'; // 18:05 in Guayaquil
// Rendering and rasterising whole reports is real work; a loaded CI machine needs the room.
jest.setTimeout(120_000);

function read(pdf: Buffer, name: string): { raw: string; pages: string[]; images: string[] } {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.startsWith(`${name}-`) || f === `${name}.pdf`) rmSync(join(OUT, f));
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  execFileSync('pdftoppm', ['-r', '50', '-png', file, join(OUT, name)]);
  const images = readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  return { raw, pages: raw.split('\f').filter((p) => p.trim()), images };
}

/** Every word of every header, as a token of the text: a header broken mid-word loses its word. */
function brokenHeaderWords(raw: string, headers: string[]): string[] {
  const tokens = new Set(raw.split(/[\s/()]+/).filter(Boolean));
  const words = new Set(
    headers.flatMap((h) =>
      winAnsi(h)
        .split(/[\s/()]+/)
        .filter((w) => w.length >= 4),
    ),
  );
  return [...words].filter((w) => !tokens.has(w));
}

/** The headers the report prints (the columns each of its tables shows). */
function headersOf(data: ReportData): string[] {
  const cols = (t: { columns: { key: string; es: string }[] }, keys?: string[]) =>
    t.columns.filter((c) => !keys || keys.includes(c.key)).map((c) => c.es);
  const gadm = byGadm(data);
  return [
    ...cols(summary(data), ['indicator', 'value']),
    ...cols(gadm.tables.byRegion),
    ...cols(gadm.tables.byProvince, ['province', 'gadms', 'participating', 'withMeeting', 'share', 'meetings', 'mean', 'gini']),
    ...cols(byCooperant(data), ['name', 'held', 'noShow', 'gadmsMet', 'provinces', 'commitments', 'amountUsd']),
    ...cols(pipeline(data), ['stage', 'count', 'share', 'amountUsd']),
    ...cols(bySector(data), ['label', 'requested', 'scheduled', 'held', 'noShow', 'heldShare', 'commitments']),
  ];
}

/** Section headings of the post-event report, in order: each must be followed by something. */
const SECTIONS = [
  'Reuniones realizadas por sector / Meetings held by sector',
  'GADM con al menos una reunión, por región',
  'Compromisos por etapa / Commitments by stage',
  'Resumen / Summary',
  'Compromisos / Commitments pipeline',
  'Por sector / By sector',
];

function sectionBodies(raw: string): Record<string, string> {
  const lines = raw.split('\n').map((l) => l.replace('\f', '').trim());
  const out: Record<string, string> = {};
  for (const s of SECTIONS) {
    const i = lines.findIndex((l) => l.startsWith(s));
    if (i < 0) throw new Error(`section missing: ${s}`);
    out[s] = lines[i + 1] ?? '';
  }
  return out;
}

describe('post-event PDF, read as a reader would', () => {
  it('after the day: headers whole, tiles whole, sections filled, times in the event zone', () => {
    return (async () => {
      const data = syntheticReportData({ placed: 400, unplaced: 100 });
      const doc = read(await eventReportPdf(data, { generatedAt: GENERATED }), 'report-after');
      expect(doc.images.length).toBe(doc.pages.length);
      expect(brokenHeaderWords(doc.raw, headersOf(data))).toEqual([]);
      // Key figures: no tile cut with an ellipsis, the GADM tile whole ("n de m").
      expect(doc.pages[0]).not.toContain('…');
      const p = summary(data).figures.gadmParticipation;
      expect(doc.pages[0]).toContain(`${p.withMeetings} de ${p.inJornada}`);
      for (const [heading, next] of Object.entries(sectionBodies(doc.raw))) {
        expect([heading, next]).not.toEqual([heading, '']);
        expect(SECTIONS.some((s) => next.startsWith(s))).toBe(false);
      }
      expect(doc.raw).toContain('Generado / Generated 25/11/2026 18:05, hora de Ecuador (GMT-5)');
      expect(doc.raw).not.toMatch(/UTC|America\//);
      // The GADM figures carry the words that say which they are, and they add up.
      expect(doc.raw).toContain('GADM inscritos en la Jornada / GADMs registered for the event');
      expect(p.withMeetings + p.withoutMeetings).toBe(p.inJornada);
      expect(p.withDemands + p.withoutDemands).toBe(p.inJornada);
    })();
  });

  it('before the day: every section without data says so in a sentence', async () => {
    const data = syntheticReportData({ phase: 'pre', placed: 200, unplaced: 50 });
    const doc = read(await eventReportPdf(data, { generatedAt: GENERATED }), 'report-before');
    const bodies = sectionBodies(doc.raw);
    expect(bodies['Reuniones realizadas por sector / Meetings held by sector']).toBe(
      'Todavía no hay reuniones realizadas. / No meetings held yet.',
    );
    expect(bodies['Compromisos por etapa / Commitments by stage']).toBe(
      'Todavía no hay compromisos registrados. / No commitments recorded yet.',
    );
    expect(brokenHeaderWords(doc.raw, headersOf(data))).toEqual([]);
  });
});

describe('agenda PDFs, read as a participant would', () => {
  it('times in the event zone, named as a person names it', async () => {
    const data = syntheticReportData({ phase: 'pre', gadms: 12, cooperants: 6, slots: 8, tables: 6, placed: 30, unplaced: 0 });
    const agendas = buildAgendas(data, { venue: 'Quito' })
      .filter((a) => a.meetings.length > 0)
      .slice(0, 3);
    const doc = read(await agendaPdf(agendas, { generatedAt: GENERATED }), 'agendas');
    expect(doc.images.length).toBe(doc.pages.length);
    expect(doc.raw).toContain('Horas en / Times in: hora de Ecuador (GMT-5)');
    expect(doc.raw).not.toMatch(/UTC|America\//);
    for (const a of agendas)
      for (const m of a.meetings) expect(doc.raw).toContain(formatTimeRange(m.startsAt, m.endsAt, 'America/Guayaquil'));
    expect(doc.raw).toContain('Generado / Generated 25/11/2026 18:05, hora de Ecuador (GMT-5)');
    expect(
      brokenHeaderWords(doc.raw, ['Hora / Time', 'Mesa / Table', 'Contraparte / Counterpart', 'Tema / Topic', 'Estado / Status']),
    ).toEqual([]);
  });
});
