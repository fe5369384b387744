import { SHEET_NAMES } from './export-table';
import { parseTable, type ParseTableOptions } from './parse-table';
import type { ImportKind, ImportResult, ParsedTable, RecordByKind } from './types';
import { validateImport, type ImportContext } from './validate';

/** parseTable + validateImport, for the upload endpoint and the CLI. */
export async function importFile<K extends ImportKind>(
  kind: K,
  buf: Buffer,
  opts: ParseTableOptions,
  context: ImportContext = {},
): Promise<ImportResult<RecordByKind[K]> & Pick<ParsedTable, 'format' | 'encoding' | 'delimiter' | 'sheet'>> {
  // A workbook holding all four sheets (as exportWorkbook writes it) is read at the sheet of this kind.
  const table = await parseTable(buf, { ...opts, sheet: opts.sheet ?? [SHEET_NAMES[kind], kind] });
  const result = validateImport(kind, table, context);
  return { ...result, format: table.format, encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet };
}
