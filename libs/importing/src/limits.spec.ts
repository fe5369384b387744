import { sharedStringsBomb } from '../../../test/support/xlsx-bomb';
import { parseTable, validateImport, XLSX_LIMITS, xlsxLimitBreach, type ImportIssue } from '@rueda/importing';
import { TEXT_LIMITS } from '@rueda/domain';

const codes = (issues: ImportIssue[]) => issues.map((i) => i.code);
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('spreadsheet limits (zip bombs)', () => {
  it('refuses a half-megabyte workbook of 8 million shared strings from its directory alone', async () => {
    const bomb = sharedStringsBomb(8_000_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(xlsxLimitBreach(bomb, XLSX_LIMITS, { inflate: false })).toEqual({
      limit: 'uncompressedBytes',
      max: XLSX_LIMITS.uncompressedBytes,
    });
    const table = await parseTable(bomb, { filename: 'bomba.xlsx' });
    expect(codes(table.issues)).toEqual(['too_large']);
    expect(table.issues[0].message.es).toMatch(/supera un límite.*50 MB/);
    expect(table.rows).toEqual([]);
  });

  it('catches a directory that lies about sizes by inflating with a cap', () => {
    const liar = sharedStringsBomb(4_000_000, true); // 68 MB behind a directory that says 1 kB
    expect(xlsxLimitBreach(liar, XLSX_LIMITS, { inflate: false })).toBeNull();
    expect(xlsxLimitBreach(liar)).toEqual({ limit: 'uncompressedBytes', max: XLSX_LIMITS.uncompressedBytes });
  });

  it('counts shared strings and cells against their own limits', () => {
    const small = sharedStringsBomb(1000, true);
    expect(xlsxLimitBreach(small)).toBeNull();
    expect(xlsxLimitBreach(small, { ...XLSX_LIMITS, sharedStrings: 999 })).toEqual({ limit: 'sharedStrings', max: 999 });
    expect(xlsxLimitBreach(small, { ...XLSX_LIMITS, cells: 0 })).toEqual({ limit: 'cells', max: 0 });
  });
});

describe('texts a database column cannot hold are caught by the dry run', () => {
  it('reports NUL characters and lone surrogates on their row and column', async () => {
    // Files decoded by Rueda replace broken sequences, but an XLSX can spell any code unit as an XML
    // character reference (&#55296;): the guard sits on the parsed cells, whatever the file was.
    const csvTable = await parseTable(
      csv(['id;nombre;tipo_participante', 'JICA;Agencia\u0000Japonesa;cooperante', 'CAF;Banco;cooperante', 'GIZ;GIZ;cooperante']),
    );
    const table = { ...csvTable, rows: csvTable.rows.map((r, i) => (i === 1 ? { ...r, nombre: 'Banco \ud800' } : r)) };
    const r = validateImport('participants', table);
    const bad = r.issues.filter((i) => i.code === 'invalid_text');
    expect(bad.map((i) => [i.row, i.column])).toEqual([
      [2, 'nombre'],
      [3, 'nombre'],
    ]);
    expect(bad[0].message.es).toMatch(/carácter nulo/);
    expect(bad[1].message.en).toMatch(/lone surrogate/);
    expect(r.records.map((x) => x.externalId)).toEqual(['GIZ']);
  });

  it('reports texts longer than their column, with the limit, in every kind', async () => {
    const longId = 'X'.repeat(TEXT_LIMITS.participants.externalId + 1);
    const longMail = `${'a'.repeat(TEXT_LIMITS.participants.email)}@example.org`;
    const table = await parseTable(
      csv(['id;nombre;tipo_participante;email', `${longId};Larga;cooperante;`, `CAF;Banco;cooperante;${longMail}`]),
    );
    const r = validateImport('participants', table);
    const long = r.issues.filter((i) => i.code === 'too_long');
    expect(long.map((i) => [i.row, i.column])).toEqual([
      [2, 'id'],
      [3, 'email'],
    ]);
    expect(long[0].message.es).toContain(`${TEXT_LIMITS.participants.externalId} caracteres`);
    expect(r.records).toEqual([]);

    const demands = await parseTable(csv(['id;participante;titulo;descripcion', `${'D'.repeat(81)};JICA;Agua;Agua potable`]));
    expect(codes(validateImport('demands', demands, { participants: [{ externalId: 'JICA', kind: 'gadm' }] }).issues)).toContain(
      'too_long',
    );
  });
});
