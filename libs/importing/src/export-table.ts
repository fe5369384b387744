import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { COLUMNS } from './columns';
import { formatDateEs, formatNumber } from './normalize';
import { IMPORT_KINDS, type ImportKind, type RecordByKind, type TableFormat } from './types';

type Cell = string | number | { date: string } | undefined;

const list = (xs: ReadonlyArray<string | number>) => (xs.length ? xs.join(', ') : undefined);
const date = (iso: string | undefined) => (iso ? { date: iso } : undefined);

/** Cells of one record by field, in the vocabulary the importer reads back. */
const CELLS: { [K in ImportKind]: (r: RecordByKind[K]) => Record<string, Cell> } = {
  participants: (r) => ({
    id: r.externalId,
    kind: r.kind === 'gadm' ? 'gadm' : 'cooperante',
    name: r.name,
    canton: r.canton,
    province: r.province,
    region: r.region,
    tipo: r.tipo,
    origin: r.origin,
    email: r.email,
    phone: r.phone,
  }),
  delegates: (r) => ({ id: r.externalId, participant: r.participant, fullName: r.fullName, role: r.role, email: r.email, phone: r.phone }),
  demands: (r) => ({
    id: r.externalId,
    participant: r.participant,
    title: r.title,
    description: r.description,
    sectors: list(r.sectors),
    competencias: list(r.competencias),
    ods: list(r.ods),
    modalidades: list(r.modalidades),
    amountUsd: r.amountUsd,
    deadline: date(r.deadline),
  }),
  offers: (r) => ({
    id: r.externalId,
    participant: r.participant,
    title: r.title,
    description: r.description,
    sectors: list(r.sectors),
    ods: list(r.ods),
    modalidades: list(r.modalidades),
    regions: list(r.regions),
    provinces: list(r.provinces),
    minAmountUsd: r.minAmountUsd,
    maxAmountUsd: r.maxAmountUsd,
    validUntil: date(r.validUntil),
  }),
};

export const SHEET_NAMES: Record<ImportKind, string> = {
  participants: 'participantes',
  delegates: 'delegados',
  demands: 'demandas',
  offers: 'ofertas',
};

const exportedColumns = (kind: ImportKind) => COLUMNS[kind].filter((c) => !c.importOnly);

function toRows<K extends ImportKind>(kind: K, records: ReadonlyArray<RecordByKind[K]>): Cell[][] {
  const columns = exportedColumns(kind);
  const toCells = CELLS[kind] as (r: RecordByKind[K]) => Record<string, Cell>;
  return records.map((r) => {
    const cells = toCells(r);
    return columns.map((c) => cells[c.field]);
  });
}

/**
 * A text that starts like a formula would run as one when the CSV is opened in
 * Excel (CSV injection); the leading apostrophe is what Excel itself uses to
 * mark literal text, and cleanCell removes it again on import.
 */
const defuse = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);

/**
 * The same sheet organisers import, ready to edit and re-import: CSV with ";",
 * CRLF and a UTF-8 BOM so a Spanish-locale Excel opens it with accents intact,
 * or XLSX with real number and date cells.
 */
export async function exportTable<K extends ImportKind>(
  kind: K,
  records: ReadonlyArray<RecordByKind[K]>,
  format: TableFormat,
): Promise<Buffer> {
  if (format === 'csv') {
    const columns = exportedColumns(kind);
    const rows = toRows(kind, records);
    const text = stringify(
      rows.map((row) =>
        row.map((v) =>
          v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : typeof v === 'object' ? formatDateEs(v.date) : defuse(v),
        ),
      ),
      { delimiter: ';', bom: true, record_delimiter: 'windows', header: true, columns: columns.map((c) => c.header) },
    );
    return Buffer.from(text, 'utf8');
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rueda';
  addSheet(wb, kind, records);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One workbook with the four sheets (participantes, delegados, demandas, ofertas); importFile finds each by name. */
export async function exportWorkbook(data: { [K in ImportKind]?: ReadonlyArray<RecordByKind[K]> }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rueda';
  for (const kind of IMPORT_KINDS) {
    const records = data[kind];
    if (records) addSheet(wb, kind, records);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet<K extends ImportKind>(wb: ExcelJS.Workbook, kind: K, records: ReadonlyArray<RecordByKind[K]>): void {
  const columns = exportedColumns(kind);
  const rows = toRows(kind, records);
  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.field === 'description' ? 60 : c.field === 'title' || c.field === 'name' || c.field === 'fullName' ? 40 : 16,
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = ws.addRow(row.map((v) => (v === undefined ? null : typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v)));
    row.forEach((v, i) => {
      const cell = added.getCell(i + 1);
      if (typeof v === 'object') cell.numFmt = 'dd/mm/yyyy';
      else if (typeof v === 'number') cell.numFmt = '#,##0.##';
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}
