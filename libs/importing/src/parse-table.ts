import { parse as parseCsv } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIssue } from './issues';
import { cleanCell, formatNumber, isoFromDate, normalizeKey } from './normalize';
import type { ImportIssue, ParsedTable, TableFormat, TextEncoding } from './types';
import { XLSX_LIMITS, xlsxLimitBreach, type XlsxLimitBreach, type XlsxLimits } from './xlsx-limits';

export interface ParseTableOptions {
  filename?: string;
  contentType?: string;
  /**
   * XLSX only. A name or 0-based index must exist; a list of names is a
   * preference (first match, case- and accent-insensitive), falling back to the
   * first sheet with data, which is also the default.
   */
  sheet?: string | number | string[];
  /** Guard against runaway files; default 50 000 data rows. */
  maxRows?: number;
  /** What an XLSX may hold before it is even opened (zip bombs); default XLSX_LIMITS. */
  xlsxLimits?: XlsxLimits;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (buf: Uint8Array, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** Declared as XLSX though not a zip: parsed anyway so the organiser gets "not a valid .xlsx" rather than CSV noise. */
function looksLikeXlsx(opts: ParseTableOptions): boolean {
  return /\.xls[xm]$/i.test(opts.filename ?? '') || (opts.contentType ?? '').toLowerCase().startsWith(XLSX_MIME);
}

function emptyTable(format: TableFormat, issues: ImportIssue[]): ParsedTable {
  return { format, encoding: null, delimiter: null, sheet: null, headers: [], headerRow: 0, rows: [], rowNumbers: [], issues };
}

/**
 * Reads an organiser's spreadsheet (CSV in any of the encodings and separators
 * Excel produces, or XLSX) into header-keyed rows of trimmed text. Never
 * throws on bad input: problems with the file come back as issues.
 */
export async function parseTable(buf: Buffer, opts: ParseTableOptions = {}): Promise<ParsedTable> {
  if (buf.length === 0) return emptyTable('csv', [makeIssue('empty_file', 0, null)]);
  if (startsWith(buf, ZIP_MAGIC)) return parseXlsx(buf, opts);
  if (startsWith(buf, OLE_MAGIC) || /\.xls$/i.test(opts.filename ?? '')) {
    return emptyTable('xlsx', [makeIssue('unsupported_xls', 0, null)]);
  }
  if (looksLikeXlsx(opts)) return parseXlsx(buf, opts);
  return parseCsvTable(buf, opts);
}

// ---------------------------------------------------------------- CSV

export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  // Excel's "Unicode text" export.
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Excel "CSV (delimitado por comas)" on Spanish Windows writes Windows-1252.
    return { text: iconv.decode(buf, 'win1252'), encoding: 'windows-1252' };
  }
}

type Delimiter = ';' | ',' | '\t';

function countDelimiters(line: string): Record<Delimiter, number> {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch as Delimiter]++;
  }
  return counts;
}

/**
 * Excel in a Spanish locale writes ";", elsewhere ",", and "Unicode text" uses
 * tabs. The header row decides (the first line holding any separator, so a
 * bare title line above it is skipped): headers never contain separators,
 * whereas a data row may well hold "250.000,50" or a comma-separated list.
 * Ties go to ";", the organisers' locale.
 */
export function detectDelimiter(text: string): Delimiter {
  for (const line of text.split(/\r\n|\n|\r/, 50)) {
    const counts = countDelimiters(line);
    const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ';');
    if (counts[best] > 0) return best;
  }
  return ';';
}

type CsvRow = { record: string[]; info: { records: number; lines: number } };

function parseCsvTable(buf: Buffer, opts: ParseTableOptions): ParsedTable {
  const { text, encoding } = decodeText(buf);
  if (text.trim() === '') return { ...emptyTable('csv', [makeIssue('empty_file', 0, null)]), encoding };
  const delimiter = detectDelimiter(text);
  const issues: ImportIssue[] = [];
  let lastLine = 0;
  const records = parseCsv(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    // Hand-edited files have bare quotes inside unquoted cells (Proyecto "Agua Viva").
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return undefined;
      issues.push(
        makeIssue('malformed_csv', lastLine + 1, null, {
          line: lastLine + 1,
          detail: { es: csvErrorEs(err), en: err.message },
        }),
      );
      return undefined;
    },
    // With `info`, csv-parse hands on_record the {record, info} wrapper despite its typings.
    on_record: (wrapped: unknown) => {
      lastLine = (wrapped as CsvRow).info.lines;
      return wrapped as string[];
    },
  }) as unknown as CsvRow[];

  // Spreadsheet row = record ordinal, which is what Excel shows when it opens the CSV.
  const grid = records.map((r) => ({ row: r.info.records, cells: r.record.map(cleanCell) }));
  return { ...buildTable('csv', grid, issues, opts), encoding, delimiter };
}

function csvErrorEs(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'hay unas comillas que nunca se cierran';
    case 'CSV_MAX_RECORD_SIZE':
      return 'una fila es demasiado larga';
    default:
      return `error de lectura (${err.code})`;
  }
}

// ---------------------------------------------------------------- XLSX

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    // The cached result Excel saved; exceljs does not evaluate formulas.
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : cellText(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  if ('error' in value) return String(value.error);
  return '';
}

/** The issue of a workbook over one of XLSX_LIMITS. */
export function tooLargeIssue(breach: XlsxLimitBreach): ImportIssue {
  const what = {
    uncompressedBytes: {
      es: `más de ${breach.max / 1024 / 1024} MB descomprimido`,
      en: `over ${breach.max / 1024 / 1024} MB uncompressed`,
    },
    entries: { es: `más de ${breach.max} partes`, en: `over ${breach.max} parts` },
    sharedStrings: { es: `más de ${breach.max} textos distintos`, en: `over ${breach.max} distinct strings` },
    cells: { es: `más de ${breach.max} celdas`, en: `over ${breach.max} cells` },
  }[breach.limit];
  return makeIssue('too_large', 0, null, { max: breach.max, detail: what });
}

async function parseXlsx(buf: Buffer, opts: ParseTableOptions): Promise<ParsedTable> {
  const breach = xlsxLimitBreach(buf, opts.xlsxLimits ?? XLSX_LIMITS);
  if (breach) return emptyTable('xlsx', [tooLargeIssue(breach)]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 120) : String(e);
    return emptyTable('xlsx', [makeIssue('invalid_xlsx', 0, null, { detail })]);
  }
  const sheets = wb.worksheets;
  const named = (name: string) => sheets.find((s) => normalizeKey(s.name) === normalizeKey(name));
  let ws: ExcelJS.Worksheet | undefined;
  if (typeof opts.sheet === 'number') ws = sheets[opts.sheet];
  else if (typeof opts.sheet === 'string') ws = named(opts.sheet);
  else ws = (opts.sheet ?? []).map(named).find(Boolean) ?? sheets.find((s) => s.actualRowCount > 0) ?? sheets[0];
  if (!ws) {
    const detail =
      typeof opts.sheet === 'string' || typeof opts.sheet === 'number'
        ? { es: `no existe la hoja «${opts.sheet}»`, en: `there is no sheet "${opts.sheet}"` }
        : { es: 'no tiene hojas', en: 'it has no sheets' };
    return emptyTable('xlsx', [makeIssue('invalid_xlsx', 0, null, { detail })]);
  }
  const grid: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cleanCell(cellText(cell.value));
    });
    grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  const table = buildTable('xlsx', grid, [], opts);
  if (table.headers.length === 0 && table.issues.length === 0) table.issues.push(makeIssue('empty_file', 0, null));
  return { ...table, sheet: ws.name };
}

// ---------------------------------------------------------------- common

/**
 * Organisers often put a title ("Demandas Jornada 2026") above the headers: the
 * header is the first row with two or more filled cells among the first ten
 * non-blank rows, or else the first non-blank row.
 */
function findHeaderRow(grid: { cells: string[] }[]): number {
  const filled = (i: number) => grid[i].cells.filter((c) => c !== '').length;
  const nonBlank = grid.map((_, i) => i).filter((i) => filled(i) > 0);
  return nonBlank.slice(0, 10).find((i) => filled(i) >= 2) ?? nonBlank[0] ?? -1;
}

function buildTable(
  format: TableFormat,
  grid: { row: number; cells: string[] }[],
  issues: ImportIssue[],
  opts: ParseTableOptions,
): ParsedTable {
  const table = emptyTable(format, issues);
  const headerIdx = findHeaderRow(grid);
  if (headerIdx < 0) {
    if (!issues.length) issues.push(makeIssue('empty_file', 0, null));
    return table;
  }
  const headerRow = grid[headerIdx];
  const columns: { index: number; header: string }[] = [];
  const seen = new Set<string>();
  headerRow.cells.forEach((h, index) => {
    if (h === '') return;
    if (seen.has(h)) {
      issues.push(makeIssue('duplicate_column', headerRow.row, h));
      return;
    }
    seen.add(h);
    columns.push({ index, header: h });
  });
  table.headers = columns.map((c) => c.header);
  table.headerRow = headerRow.row;
  const used = new Set(columns.map((c) => c.index));
  const maxRows = opts.maxRows ?? 50_000;
  for (const { row, cells } of grid.slice(headerIdx + 1)) {
    if (cells.every((c) => c === '')) continue;
    if (table.rows.length >= maxRows) {
      issues.push(makeIssue('too_many_rows', 0, null, { max: maxRows }));
      break;
    }
    const record: Record<string, string> = {};
    for (const c of columns) record[c.header] = cells[c.index] ?? '';
    if (cells.some((c, i) => c !== '' && !used.has(i))) issues.push(makeIssue('extra_cells', row, null));
    table.rows.push(record);
    table.rowNumbers.push(row);
  }
  return table;
}
