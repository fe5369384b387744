import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  exportTable,
  exportWorkbook,
  importFile,
  parseDate,
  parseNumber,
  parseTable,
  toMatchInput,
  validateImport,
  type DelegateRecord,
  type DemandRecord,
  type ImportIssue,
  type ImportKind,
  type OfferRecord,
  type ParticipantRecord,
} from '@rueda/importing';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csv = (lines: string[], eol = '\r\n') => Buffer.from(lines.join(eol), 'utf8');
const codes = (issues: ImportIssue[]) => issues.map((i) => i.code);

const KNOWN = [
  { externalId: '0104', kind: 'gadm' as const },
  { externalId: '0301', kind: 'gadm' as const },
  { externalId: 'JICA', kind: 'cooperant' as const },
  { externalId: 'CAF', kind: 'cooperant' as const },
];

async function xlsx(rows: ExcelJS.CellValue[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hoja1');
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('cell parsers', () => {
  it.each([
    ['250000', 250000],
    ['250.000', 250000],
    ['250.000,50', 250000.5],
    ['$ 1.200', 1200],
    ['USD 1.500.000', 1500000],
    ['1,200,000', 1200000],
    ['1,234.56', 1234.56],
    ['2,5', 2.5],
    ['250000.5', 250000.5],
    ['0.500', 0.5],
    ['-300', -300],
    ['1 200 000', 1200000],
  ])('reads the number %s', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  it.each(['doscientos', '12abc', '1.2.3,4,5', '--5'])('rejects the number %s', (raw) => {
    expect(parseNumber(raw)).toBeUndefined();
  });

  it.each([
    ['25/11/2026', '2026-11-25'],
    ['5/1/2026', '2026-01-05'],
    ['05-01-26', '2026-01-05'],
    ['2026-11-25', '2026-11-25'],
    ['2026-11-25T00:00:00.000Z', '2026-11-25'],
    ['46351', '2026-11-25'],
  ])('reads the date %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each(['31/02/2026', '25/13/2026', 'mañana', '2026/25/11', '12345'])('rejects the date %s', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });
});

describe('parseTable', () => {
  it('reads a BOM-prefixed ";" CSV with accents as Excel (es-EC) saves it', async () => {
    const buf = Buffer.concat([BOM, csv(['Código;Nombre;Región', '0104;GAD Municipal de Nabón;Sierra', ';;', '0301;Azogues;Sierra'])]);
    const t = await parseTable(buf, { filename: 'participantes.csv', contentType: 'text/csv' });
    expect(t).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headers: ['Código', 'Nombre', 'Región'] });
    expect(t.rows[0]).toEqual({ Código: '0104', Nombre: 'GAD Municipal de Nabón', Región: 'Sierra' });
    // The blank row is skipped but still counts as a spreadsheet row.
    expect(t.rowNumbers).toEqual([2, 4]);
    expect(t.issues).toEqual([]);
  });

  it('decodes Windows-1252 when the bytes are not valid UTF-8', async () => {
    const text =
      'id;participante;título;descripción\r\nD-1;0301;Mejoramiento vial de Cañar;Señalización y puentes en la parroquia rural Ingapirca\r\n';
    const buf = iconv.encode(text, 'win1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf)).toThrow();
    const t = await parseTable(buf, { filename: 'demandas.csv' });
    expect(t.encoding).toBe('windows-1252');
    expect(t.headers).toEqual(['id', 'participante', 'título', 'descripción']);
    expect(t.rows[0]['título']).toBe('Mejoramiento vial de Cañar');
  });

  it('reads UTF-16LE tab-separated text (Excel "Unicode text")', async () => {
    const text = 'id\tnombre\r\nJICA\tAgencia de Cooperación Internacional del Japón\r\n';
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const t = await parseTable(buf, {});
    expect(t).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(t.rows[0].nombre).toBe('Agencia de Cooperación Internacional del Japón');
  });

  it('detects "," and keeps quoted separators inside cells', async () => {
    const t = await parseTable(csv(['id,titulo,sectores', 'D-1,"Agua, saneamiento","AGUA;RESIDUOS"']), {});
    expect(t.delimiter).toBe(',');
    expect(t.rows[0]).toEqual({ id: 'D-1', titulo: 'Agua, saneamiento', sectores: 'AGUA;RESIDUOS' });
  });

  it('skips a title line above the header, in CSV too', async () => {
    const t = await parseTable(
      csv(['Participantes Jornada 2026', '', 'id,nombre,origen', 'JICA,"Agencia de Cooperación Internacional del Japón",Japón']),
      {},
    );
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['id', 'nombre', 'origen']);
    expect(t.rowNumbers).toEqual([4]);
    expect(t.headerRow).toBe(3);
  });

  it('names the row the headers are on when a column is unknown (after a title row)', async () => {
    const t = await parseTable(csv(['Participantes Jornada 2026', 'id;nombre;color favorito', 'JICA;Japón;azul']), {});
    const unknown = validateImport('participants', t).issues.find((i) => i.code === 'unknown_column');
    expect(unknown).toMatchObject({ row: 2, column: 'color favorito', severity: 'warning' });
  });

  it('reports an unclosed quote with its line and keeps the rows before it', async () => {
    const t = await parseTable(csv(['id;nombre', 'JICA;Japón', 'CAF;"CAF - Banco', 'BID;Banco Interamericano'], '\n'), {});
    expect(t.rows).toEqual([{ id: 'JICA', nombre: 'Japón' }]);
    expect(t.issues).toEqual([expect.objectContaining({ code: 'malformed_csv', row: 3, column: null, severity: 'error' })]);
    expect(t.issues[0].message.es).toContain('línea 3');
    expect(t.issues[0].message.en).toContain('line 3');
  });

  it('reports empty files', async () => {
    expect(codes((await parseTable(Buffer.alloc(0), {})).issues)).toEqual(['empty_file']);
    expect(codes((await parseTable(Buffer.concat([BOM, Buffer.from('\r\n ;; \r\n')]), {})).issues)).toEqual(['empty_file']);
    const emptyBook = await xlsx([]);
    expect(codes((await parseTable(emptyBook, { filename: 'x.xlsx' })).issues)).toEqual(['empty_file']);
  });

  it('reports an .xlsx that is not one, and old .xls files', async () => {
    const fake = await parseTable(Buffer.from('id;nombre\n1;x'), { filename: 'participantes.xlsx' });
    expect(fake.format).toBe('xlsx');
    expect(codes(fake.issues)).toEqual(['invalid_xlsx']);
    const zipGarbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    expect(codes((await parseTable(zipGarbage, {})).issues)).toEqual(['invalid_xlsx']);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(64)]);
    expect(codes((await parseTable(ole, { filename: 'viejo.xls' })).issues)).toEqual(['unsupported_xls']);
  });

  it('reads a real XLSX: numbers, dates, rich text, hyperlinks, formulas, header not on row 1', async () => {
    const buf = await xlsx([
      ['Demandas de la Jornada 2026'],
      [],
      ['ID', 'Participante', 'Título', 'Descripción', 'Monto (USD)', 'Fecha límite', 'Correo'],
      [
        'D-1',
        104,
        { richText: [{ text: 'Planta de ' }, { font: { bold: true }, text: 'agua potable' }] },
        'Estudios de la planta del centro cantonal',
        250000.5,
        new Date(Date.UTC(2026, 10, 25)),
        { text: 'obras@nabon.gob.ec', hyperlink: 'mailto:obras@nabon.gob.ec' },
      ],
      ['D-2', '0104', 'Relleno sanitario', 'Cierre técnico', { formula: '1000*2', result: 2000 }, '30/11/2026', ''],
    ]);
    const t = await parseTable(buf, { filename: 'demandas.xlsx' });
    expect(t).toMatchObject({ format: 'xlsx', encoding: null, sheet: 'Hoja1' });
    expect(t.rowNumbers).toEqual([4, 5]);
    expect(t.rows[0]).toEqual({
      ID: 'D-1',
      Participante: '104',
      Título: 'Planta de agua potable',
      Descripción: 'Estudios de la planta del centro cantonal',
      'Monto (USD)': '250000,5',
      'Fecha límite': '2026-11-25',
      Correo: 'obras@nabon.gob.ec',
    });
    expect(t.rows[1]['Monto (USD)']).toBe('2000');
  });

  it('warns about data in columns without a header', async () => {
    const t = await parseTable(csv(['id;nombre', 'JICA;Japón;sobra']), {});
    expect(t.issues).toEqual([expect.objectContaining({ code: 'extra_cells', row: 2, severity: 'warning' })]);
  });
});

describe('validateImport: participants', () => {
  it('fills GADM geography from the reference and reads cooperants', async () => {
    const buf = Buffer.concat([
      BOM,
      csv([
        'Código;Tipo participante;Nombre;Tipo;Origen;Correo electrónico;Teléfono',
        '0104;GADM;GAD Municipal de Nabón;;;alcaldia@nabon.gob.ec;07 2227 001',
        '301;gad;;;;;',
        'jica;Cooperante;Agencia de Cooperación Internacional del Japón;Bilateral;Japón;;',
        'ONU_HABITAT;cooperant;ONU-Hábitat;multilateral;Global;;',
      ]),
    ]);
    const { records, issues } = validateImport('participants', await parseTable(buf, {}));
    expect(issues).toEqual([]);
    expect(records).toEqual<ParticipantRecord[]>([
      {
        externalId: '0104',
        kind: 'gadm',
        name: 'GAD Municipal de Nabón',
        inecCode: '0104',
        canton: 'Nabón',
        province: 'Azuay',
        provinceCode: '01',
        region: 'Sierra',
        email: 'alcaldia@nabon.gob.ec',
        phone: '07 2227 001',
      },
      {
        externalId: '0301',
        kind: 'gadm',
        name: 'Azogues',
        inecCode: '0301',
        canton: 'Azogues',
        province: 'Cañar',
        provinceCode: '03',
        region: 'Sierra',
      },
      {
        externalId: 'JICA',
        kind: 'cooperant',
        name: 'Agencia de Cooperación Internacional del Japón',
        acronym: 'JICA',
        tipo: 'BILATERAL',
        origin: 'Japón',
      },
      { externalId: 'ONU_HABITAT', kind: 'cooperant', name: 'ONU-Hábitat', acronym: 'ONU_HABITAT', tipo: 'MULTILATERAL', origin: 'Global' },
    ]);
  });

  it('infers the kind from the id when there is no kind column, and accepts kind in a lone "Tipo" column', async () => {
    const a = validateImport('participants', await parseTable(csv(['id;nombre', '0104;Nabón', 'CAF;CAF']), {}));
    expect(a.records.map((r) => r.kind)).toEqual(['gadm', 'cooperant']);
    const b = validateImport('participants', await parseTable(csv(['id;nombre;tipo', 'X1;Fundación X;cooperante']), {}));
    expect(b.records[0]).toMatchObject({ kind: 'cooperant' });
    expect(b.records[0].tipo).toBeUndefined();
  });

  it('reports unknown INEC codes, kinds, tipos, bad e-mails and duplicates, all at once', async () => {
    const buf = csv([
      'id;tipo_participante;nombre;tipo;email;columna_rara',
      '9999;gadm;Cantón inventado;;;',
      'JICA;cooperante;JICA;BILATERAL;jica@;',
      'KOICA;alcaldía;KOICA;;;',
      'GIZ;cooperante;GIZ;BANCO;;',
      'jica ;cooperante;JICA otra vez;;;',
      'BID;cooperante;;;;',
    ]);
    const { records, issues } = validateImport('participants', await parseTable(buf, {}));
    expect(records).toEqual([]);
    const summary = issues.map((i) => [i.row, i.column, i.code, i.value]);
    expect(summary).toEqual([
      [1, 'columna_rara', 'unknown_column', undefined],
      [2, 'id', 'unknown_inec', '9999'],
      [3, 'email', 'invalid_email', 'jica@'],
      [3, 'id', 'duplicate_id', 'JICA'],
      [4, 'tipo_participante', 'unknown_kind', 'alcaldía'],
      [5, 'tipo', 'unknown_code', 'BANCO'],
      [6, 'id', 'duplicate_id', 'JICA'],
      [7, 'nombre', 'required', undefined],
    ]);
    const dup = issues.find((i) => i.code === 'duplicate_id')!;
    expect(dup.message.es).toContain('filas 3, 6');
    expect(dup.message.en).toContain('rows 3, 6');
    for (const i of issues) {
      expect(i.message.es).not.toBe('');
      expect(i.message.en).not.toBe(i.message.es);
    }
  });

  it('reports missing required columns once, with row 0', async () => {
    const { records, issues } = validateImport('participants', await parseTable(csv(['correo', 'x@y.ec']), {}));
    expect(records).toEqual([]);
    expect(issues.filter((i) => i.code === 'missing_column')).toEqual([
      expect.objectContaining({ row: 0, column: 'id' }),
      expect.objectContaining({ row: 0, column: 'nombre' }),
    ]);
    expect(codes(issues)).not.toContain('required');
  });

  it('passes file-level issues through without piling column errors on top', async () => {
    const r = await importFile('participants', Buffer.alloc(0), { filename: 'vacio.csv' });
    expect(codes(r.issues)).toEqual(['empty_file']);
  });
});

describe('validateImport: demands', () => {
  const header = 'ID;Participante;Título;Descripción;Sectores;Competencias;ODS;Modalidades;Monto USD;Fecha límite';

  it('reads codes in every accepted spelling', async () => {
    const buf = Buffer.concat([
      BOM,
      csv([
        header,
        'd-0104-1;104;Planta de agua potable;Estudios de la planta de agua potable del centro cantonal de Nabón;agua, Residuos;c4|C04;ODS 6, 11;Asistencia técnica;250.000,50;25/11/2026',
        'D-0104-2;0104;Relleno sanitario;Cierre técnico del botadero;Gestión de residuos sólidos, reciclaje y economía circular;;sdg 12;fin_nr | CREDITO;$ 1.200;2026-12-01',
        'D-0301-1;0301;Plan de movilidad;Texto sin etiquetas;;;;;;',
      ]),
    ]);
    const { records, issues, recordRows } = validateImport('demands', await parseTable(buf, {}), { participants: KNOWN });
    expect(issues).toEqual([]);
    expect(recordRows).toEqual([2, 3, 4]);
    expect(records).toEqual<DemandRecord[]>([
      {
        externalId: 'D-0104-1',
        participant: '0104',
        title: 'Planta de agua potable',
        description: 'Estudios de la planta de agua potable del centro cantonal de Nabón',
        sectors: ['AGUA', 'RESIDUOS'],
        competencias: ['C04'],
        ods: [6, 11],
        modalidades: ['ASIST_TEC'],
        amountUsd: 250000.5,
        deadline: '2026-11-25',
      },
      {
        externalId: 'D-0104-2',
        participant: '0104',
        title: 'Relleno sanitario',
        description: 'Cierre técnico del botadero',
        sectors: ['RESIDUOS'],
        competencias: [],
        ods: [12],
        modalidades: ['FIN_NR', 'CREDITO'],
        amountUsd: 1200,
        deadline: '2026-12-01',
      },
      {
        externalId: 'D-0301-1',
        participant: '0301',
        title: 'Plan de movilidad',
        description: 'Texto sin etiquetas',
        sectors: [],
        competencias: [],
        ods: [],
        modalidades: [],
      },
    ]);
  });

  it('reports every bad cell of every row, naming the code and the column as written', async () => {
    const buf = csv([
      header,
      'D-1;0104;Agua;Desc;AGUAS;C99;ODS 18;ASIST_TEC;doscientos mil;31/02/2026',
      'D-2;0104;;;AGUA;;;;-5;',
      'D-3;CAF;Oferta mal puesta;Desc;;;;;;',
      'D-4;0999;Agua;Desc;;;;;;',
      'D-5;;Agua;Desc;;;;;;',
    ]);
    const { records, issues } = validateImport('demands', await parseTable(buf, {}), { participants: KNOWN });
    expect(records).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [2, 'Sectores', 'unknown_code', 'AGUAS'],
      [2, 'Competencias', 'unknown_code', 'C99'],
      [2, 'ODS', 'unknown_code', 'ODS 18'],
      [2, 'Monto USD', 'bad_number', 'doscientos mil'],
      [2, 'Fecha límite', 'bad_date', '31/02/2026'],
      [3, 'Título', 'required', undefined],
      [3, 'Descripción', 'required', undefined],
      [3, 'Monto USD', 'negative_amount', '-5'],
      [4, 'Participante', 'wrong_participant_kind', 'CAF'],
      [5, 'Participante', 'unknown_participant', '0999'],
      [6, 'Participante', 'required', undefined],
    ]);
    expect(issues[0].message.es).toContain('«AGUAS»');
    expect(issues[0].message.en).toContain('AGUAS');
  });

  it('without a participant context still rejects references that are not INEC codes of a GADM', async () => {
    const buf = csv([header, 'D-1;9999;Agua;Desc;;;;;;', 'D-2;0104;Agua;Desc;;;;;;']);
    const r = validateImport('demands', await parseTable(buf, {}));
    expect(codes(r.issues)).toEqual(['unknown_participant']);
    expect(r.records.map((d) => d.externalId)).toEqual(['D-2']);
  });

  it('lists missing required columns by their Spanish header', async () => {
    const r = validateImport('demands', await parseTable(csv(['id;participante', 'D-1;0104']), {}), { participants: KNOWN });
    expect(r.issues.filter((i) => i.code === 'missing_column').map((i) => [i.row, i.column])).toEqual([
      [0, 'titulo'],
      [0, 'descripcion'],
    ]);
    expect(r.records).toEqual([]);
  });

  it('accepts English headers', async () => {
    const buf = csv([
      'Code,Participant,Title,Description,Sectors,SDG,Amount USD,Deadline',
      'D-1,0104,Water plant,Studies,AGUA;CLIMA,6;13,"250,000.00",2026-11-25',
    ]);
    const r = validateImport('demands', await parseTable(buf, {}), { participants: KNOWN });
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({ sectors: ['AGUA', 'CLIMA'], ods: [6, 13], amountUsd: 250000, deadline: '2026-11-25' });
  });

  it('reads demands from a real XLSX with Excel date and number cells', async () => {
    const buf = await xlsx([
      ['id', 'participante', 'título', 'descripción', 'sectores', 'ods', 'monto_usd', 'fecha_limite'],
      ['D-1', 104, 'Agua', 'Planta de agua', 'AGUA', 6, 1500000, new Date(Date.UTC(2026, 11, 31))],
    ]);
    const r = await importFile('demands', buf, { filename: 'demandas.xlsx' }, { participants: KNOWN });
    expect(r.format).toBe('xlsx');
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({ participant: '0104', ods: [6], amountUsd: 1500000, deadline: '2026-12-31' });
  });
});

describe('validateImport: offers and delegates', () => {
  it('reads regions, provinces by name or code, and amount ranges', async () => {
    const buf = csv([
      'id;participante;titulo;descripcion;sectores;ods;modalidades;regiones;provincias;monto_min_usd;monto_max_usd;vigencia_hasta',
      'O-CAF-1;caf;Preinversión en agua;Asistencia técnica para estudios;AGUA;6;ASIST_TEC, CREDITO;Sierra, costa;;50.000;2.000.000;31/12/2027',
      'O-JICA-1;JICA;Voluntarios;Voluntariado;RURAL;;VOLUNTARIADO;;Azuay, 17, galapagos;;;',
      'O-JICA-2;JICA;Todo el país;Texto;;;;Nacional;;;;',
    ]);
    const r = validateImport('offers', await parseTable(buf, {}), { participants: KNOWN });
    expect(r.issues).toEqual([]);
    expect(r.records).toEqual<OfferRecord[]>([
      {
        externalId: 'O-CAF-1',
        participant: 'CAF',
        title: 'Preinversión en agua',
        description: 'Asistencia técnica para estudios',
        sectors: ['AGUA'],
        ods: [6],
        modalidades: ['ASIST_TEC', 'CREDITO'],
        regions: ['Sierra', 'Costa'],
        provinces: [],
        minAmountUsd: 50000,
        maxAmountUsd: 2000000,
        validUntil: '2027-12-31',
      },
      {
        externalId: 'O-JICA-1',
        participant: 'JICA',
        title: 'Voluntarios',
        description: 'Voluntariado',
        sectors: ['RURAL'],
        ods: [],
        modalidades: ['VOLUNTARIADO'],
        regions: [],
        provinces: ['01', '17', '20'],
      },
      {
        externalId: 'O-JICA-2',
        participant: 'JICA',
        title: 'Todo el país',
        description: 'Texto',
        sectors: [],
        ods: [],
        modalidades: [],
        regions: [],
        provinces: [],
      },
    ]);
  });

  it('reports min > max, unknown regions/provinces and offers of GADMs', async () => {
    const buf = csv([
      'id;participante;titulo;descripcion;regiones;provincias;monto_min_usd;monto_max_usd;vigencia_hasta',
      'O-1;CAF;T;D;Andina;Narnia;2.000.000;50.000;ayer',
      'O-2;0104;T;D;;;;;',
    ]);
    const r = validateImport('offers', await parseTable(buf, {}), { participants: KNOWN });
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'regiones', 'unknown_region'],
      [2, 'provincias', 'unknown_province'],
      [2, 'monto_min_usd', 'amount_range'],
      [2, 'vigencia_hasta', 'bad_date'],
      [3, 'participante', 'wrong_participant_kind'],
    ]);
    expect(r.records).toEqual([]);
  });

  it('reads delegates, joining separate surname columns', async () => {
    const buf = csv([
      'ID;Participante;Nombres;Apellidos;Cargo;Correo;Teléfono',
      'DEL-1;0104;Patricio;Maldonado;Alcalde;MAILTO:Alcalde@Nabon.gob.ec;0991234567',
      'DEL-2;JICA;Keiko;;Oficial de programas;;',
      'DEL-3;XYZ;Ana;Pérez;;;',
    ]);
    const r = validateImport('delegates', await parseTable(buf, {}), { participants: KNOWN.map((p) => p.externalId) });
    expect(r.records).toEqual<DelegateRecord[]>([
      {
        externalId: 'DEL-1',
        participant: '0104',
        fullName: 'Patricio Maldonado',
        role: 'Alcalde',
        email: 'alcalde@nabon.gob.ec',
        phone: '0991234567',
      },
      { externalId: 'DEL-2', participant: 'JICA', fullName: 'Keiko', role: 'Oficial de programas' },
    ]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[4, 'unknown_participant']]);
  });
});

describe('exportTable', () => {
  const participants: ParticipantRecord[] = [
    {
      externalId: '0104',
      kind: 'gadm',
      name: 'NABÓN',
      inecCode: '0104',
      canton: 'Nabón',
      province: 'Azuay',
      provinceCode: '01',
      region: 'Sierra',
      email: 'a@nabon.gob.ec',
    },
    {
      externalId: 'JICA',
      kind: 'cooperant',
      name: 'Agencia de Cooperación Internacional del Japón',
      acronym: 'JICA',
      tipo: 'BILATERAL',
      origin: 'Japón',
      phone: '+81 3 5226 6660',
    },
  ];
  const delegates: DelegateRecord[] = [
    { externalId: 'DEL-1', participant: '0104', fullName: 'Patricio Maldonado', role: 'Alcalde' },
    { externalId: 'DEL-2', participant: 'JICA', fullName: 'Keiko Tanaka', email: 'tanaka@jica.go.jp' },
  ];
  const demands: DemandRecord[] = [
    {
      externalId: 'D-0104-1',
      participant: '0104',
      title: 'Planta de agua potable; fase 1',
      description: '=Estudios "definitivos"\nde la planta, con diseño; y fiscalización',
      sectors: ['AGUA', 'RESIDUOS'],
      competencias: ['C04'],
      ods: [6, 11],
      modalidades: ['ASIST_TEC'],
      amountUsd: 250000.5,
      deadline: '2026-11-25',
    },
    {
      externalId: 'D-0104-2',
      participant: '0104',
      title: 'Sin etiquetas',
      description: '- Texto libre',
      sectors: [],
      competencias: [],
      ods: [],
      modalidades: [],
    },
  ];
  const offers: OfferRecord[] = [
    {
      externalId: 'O-JICA-1',
      participant: 'JICA',
      title: 'Voluntariado',
      description: 'Voluntarios japoneses',
      sectors: ['RURAL'],
      ods: [2, 8],
      modalidades: ['VOLUNTARIADO'],
      regions: ['Sierra', 'Amazonía'],
      provinces: ['01', '17'],
      minAmountUsd: 0,
      maxAmountUsd: 1500000,
      validUntil: '2027-06-30',
    },
  ];
  const data: { [K in ImportKind]: unknown[] } = { participants, delegates, demands, offers };

  it('writes a ";" CSV with BOM, CRLF and Spanish headers', async () => {
    const buf = await exportTable('demands', demands, 'csv');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('id;participante;titulo;descripcion;sectores;competencias;ods;modalidades;monto_usd;fecha_limite');
    expect(text).toContain('250000,5;25/11/2026');
    // Formula-looking text is neutralised for Excel.
    expect(text).toContain(`"'=Estudios`);
  });

  it('writes one workbook with the four sheets, and importFile reads each kind from its sheet', async () => {
    const buf = await exportWorkbook({ participants, delegates, demands, offers });
    for (const kind of ['participants', 'delegates', 'demands', 'offers'] as const) {
      const r = await importFile(kind, buf, { filename: 'jornada.xlsx' }, { participants: KNOWN });
      expect(r.issues).toEqual([]);
      expect(r.records).toEqual(data[kind]);
    }
    const named = await parseTable(buf, { sheet: 'Ofertas' });
    expect(named.sheet).toBe('ofertas');
    const missing = await parseTable(buf, { sheet: 'Hoja9' });
    expect(codes(missing.issues)).toEqual(['invalid_xlsx']);
    expect(missing.issues[0].message.es).toContain('Hoja9');
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it.each(['participants', 'delegates', 'demands', 'offers'] as const)(`round-trips %s through ${format}`, async (kind) => {
      const buf = await exportTable(kind, data[kind] as never, format);
      const r = await importFile(kind, buf, { filename: `${kind}.${format}` }, { participants: KNOWN });
      expect(r.issues).toEqual([]);
      expect(r.records).toEqual(data[kind]);
    });
  }
});

describe('toMatchInput', () => {
  it('writes rueda.match-input/1 with external ids and province codes', () => {
    const mi = toMatchInput({
      participants: [
        {
          externalId: '0104',
          kind: 'gadm',
          name: 'NABÓN',
          inecCode: '0104',
          provinceCode: '01',
          region: 'Sierra',
          province: 'Azuay',
          canton: 'Nabón',
        },
        { externalId: 'CAF', kind: 'cooperant', name: 'CAF', tipo: 'MULTILATERAL', acronym: 'CAF' },
      ],
      demands: [
        {
          externalId: 'D-1',
          participant: '0104',
          title: 't',
          description: 'd',
          sectors: ['AGUA'],
          competencias: [],
          ods: [6],
          modalidades: [],
          amountUsd: 1,
        },
      ],
      offers: [
        {
          externalId: 'O-1',
          participant: 'CAF',
          title: 't',
          description: 'd',
          sectors: [],
          ods: [],
          modalidades: ['CREDITO'],
          regions: [],
          provinces: [],
        },
      ],
    });
    expect(mi).toEqual({
      format: 'rueda.match-input/1',
      participants: [
        { id: '0104', kind: 'gadm', name: 'NABÓN', province: '01', region: 'Sierra' },
        { id: 'CAF', kind: 'cooperant', name: 'CAF', tipo: 'MULTILATERAL' },
      ],
      demands: [{ id: 'D-1', participant: '0104', title: 't', description: 'd', sectors: ['AGUA'], ods: [6], amountUsd: 1 }],
      offers: [{ id: 'O-1', participant: 'CAF', title: 't', description: 'd', modalidades: ['CREDITO'], regions: [], provinces: [] }],
    });
  });
});
