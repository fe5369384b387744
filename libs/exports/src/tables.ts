import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ColumnType, ReportColumn, ReportTable } from '@rueda/reporting';

export type HeaderLanguage = 'es' | 'en' | 'es-en';

export interface CsvOptions {
  /** Spanish headers by default; "es-en" writes "Realizadas / Held". */
  headers?: HeaderLanguage;
}

const header = (c: ReportColumn, lang: HeaderLanguage) =>
  lang === 'es' ? c.es : lang === 'en' ? c.en : c.es === c.en ? c.es : `${c.es} / ${c.en}`;

/** Excel would run a cell starting like a formula (CSV injection); the apostrophe is Excel's own "literal text" mark. */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** Decimal comma, no thousands separator: what a Spanish-locale Excel reads back as a number. */
function csvNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6).replace('.', ',');
}

/**
 * A report as CSV that opens cleanly in Excel set to Spanish: ";" separator, decimal comma,
 * CRLF and a UTF-8 BOM (without it Excel reads the accents as Windows-1252).
 */
export function reportToCsv(table: ReportTable, opts: CsvOptions = {}): Buffer {
  const lang = opts.headers ?? 'es';
  const text = stringify(
    table.rows.map((row) =>
      table.columns.map((c) => {
        const v = row[c.key];
        if (v === undefined || v === null) return '';
        return typeof v === 'number' ? csvNumber(v) : defuse(String(v));
      }),
    ),
    { delimiter: ';', bom: true, record_delimiter: 'windows', header: true, columns: table.columns.map((c) => header(c, lang)) },
  );
  return Buffer.from(text, 'utf8');
}

const NUM_FMT: Partial<Record<ColumnType, string>> = {
  int: '#,##0',
  number: '#,##0.##',
  percent: '0.0',
  usd: '#,##0',
};

/** Excel's sheet-name rules: ≤31 characters, none of []:*?/\ and unique (case-insensitively). */
export function sheetName(name: string, taken: Set<string>): string {
  const base = (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Hoja'
  )
    .slice(0, 31)
    .trim();
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

export interface XlsxOptions {
  headers?: HeaderLanguage;
  /** When the workbook was made (its document properties): the caller's Clock, never the wall clock. */
  created: Date;
}

/**
 * One sheet per report: bold frozen header with autofilter, real number cells with formats
 * by column type, widths fitted to the content. The English header is kept as a cell note.
 */
export async function reportsToXlsx(tables: { name: string; table: ReportTable }[], opts: XlsxOptions): Promise<Buffer> {
  const lang = opts.headers ?? 'es';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rueda';
  wb.created = opts.created;
  const taken = new Set<string>();
  for (const { name, table } of tables) {
    const ws = wb.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    const cols = table.columns;
    ws.columns = cols.map((c) => ({ key: c.key, header: header(c, lang), width: 10 }));
    const widths = cols.map((c) => Math.min(header(c, lang).length, 30));
    for (const row of table.rows) {
      // Empty text stays an empty cell, so Excel's blanks filter and COUNTA see it as empty.
      ws.addRow(cols.map((c) => (row[c.key] === '' ? null : (row[c.key] ?? null))));
    }
    // Sample the first rows only: fitting widths over 5,000 rows buys nothing visible.
    const sample = Math.min(table.rows.length, 500);
    for (let r = 0; r < sample; r++) {
      cols.forEach((c, i) => {
        const v = table.rows[r][c.key];
        const len = v === undefined ? 0 : typeof v === 'number' ? String(Math.round(v)).length + 4 : String(v).length;
        if (len > widths[i]) widths[i] = len;
      });
    }
    cols.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(8, Math.min(60, widths[i] + 2));
      const fmt = c.type ? NUM_FMT[c.type] : undefined;
      if (fmt) col.numFmt = fmt;
      if (c.type && c.type !== 'text') col.alignment = { horizontal: 'right' };
    });
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    if (lang === 'es')
      cols.forEach((c, i) => {
        if (c.en && c.en !== c.es) head.getCell(i + 1).note = c.en;
      });
    if (cols.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
