import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

const BOM = '\uFEFF';
const csv = (lines: string[]) => Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');

const PARTICIPANTS = [
  'id;tipo_participante;nombre;tipo;origen;email',
  '0104;gadm;GAD Municipal de Nabón;;;alcaldia@nabon.gob.ec',
  '0701;GADM;GAD Municipal de Machala;;;',
  'JICA;cooperante;Agencia de Cooperación Internacional del Japón;BILATERAL;Japón;',
  'CAF;cooperante;CAF - Banco de Desarrollo de América Latina;MULTILATERAL;Regional;',
];

async function xlsx(headers: string[], rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Demandas');
  ws.addRow(headers);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bulk import and export over HTTP', () => {
  let api: TestApi;
  let eventId: string;
  const upload = (kind: string, mode: 'dry-run' | 'commit', file: Buffer, name: string, type = 'text/csv') =>
    api.http
      .post(`/events/${eventId}/imports/${kind}?mode=${mode}`)
      .set(bearer(api.tokens.admin))
      .attach('file', file, { filename: name, contentType: type });
  const count = async (table: string) => (await api.query(`SELECT count(*)::int AS n FROM ${table} WHERE event_id = $1`, [eventId]))[0].n;

  beforeAll(async () => {
    api = await startTestApi({ UPLOAD_LIMIT_MB: '1' });
    eventId = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body.id;
  });
  afterAll(async () => api?.close());

  it('dry-runs then commits a Spanish-locale CSV (BOM, ;) and fills GADMs from the INEC reference', async () => {
    const dry = await upload('participants', 'dry-run', csv(PARTICIPANTS), 'participantes.csv').expect(200);
    expect(dry.body).toMatchObject({ mode: 'dry-run', rowsRead: 4, valid: 4, errors: 0, insert: 4, update: 0, committed: false });
    expect(dry.body.file).toMatchObject({ format: 'csv', delimiter: ';' });
    expect(await count('participants')).toBe(0);
    const done = await upload('participants', 'commit', csv(PARTICIPANTS), 'participantes.csv').expect(200);
    expect(done.body).toMatchObject({ committed: true, insert: 4, update: 0 });
    const [nabon] = await api.query(`SELECT canton, province, region FROM participants WHERE event_id=$1 AND external_id='0104'`, [
      eventId,
    ]);
    expect(nabon).toEqual({ canton: 'Nabón', province: 'Azuay', region: 'Sierra' });
  });

  it('re-importing the same file updates and never duplicates', async () => {
    const changed = PARTICIPANTS.map((l) => l.replace('alcaldia@nabon.gob.ec', 'info@nabon.gob.ec'));
    const res = await upload('participants', 'commit', csv(changed), 'participantes.csv').expect(200);
    expect(res.body).toMatchObject({ insert: 0, update: 4 });
    expect(await count('participants')).toBe(4);
    const [row] = await api.query(`SELECT email FROM participants WHERE event_id=$1 AND external_id='0104'`, [eventId]);
    expect(row.email).toBe('info@nabon.gob.ec');
  });

  it('reads a Windows-1252 CSV with accents and dd/mm/yyyy dates', async () => {
    const text = [
      'id;participante;título;descripción;sectores;ods;modalidades;monto_usd;fecha_limite',
      'D-0104-1;0104;Planta de agua potable para Nabón;Estudios y diseños de la planta de tratamiento;AGUA;6;ASIST_TEC;250.000,00;15/03/2027',
    ].join('\r\n');
    const res = await upload('demands', 'commit', iconv.encode(text, 'win1252'), 'demandas.csv', 'application/vnd.ms-excel').expect(200);
    expect(res.body.file.encoding).toBe('windows-1252');
    const [d] = await api.query(`SELECT title, amount_usd, deadline::text FROM demands WHERE event_id=$1`, [eventId]);
    expect(d).toEqual({ title: 'Planta de agua potable para Nabón', amount_usd: '250000.00', deadline: '2027-03-15' });
  });

  it('imports offers from XLSX', async () => {
    const file = await xlsx(
      ['id', 'participante', 'titulo', 'descripcion', 'sectores', 'modalidades', 'regiones', 'monto_min_usd', 'monto_max_usd'],
      [
        [
          'O-CAF-1',
          'CAF',
          'Preinversión en agua y saneamiento',
          'Asistencia técnica',
          'AGUA',
          'ASIST_TEC, CREDITO',
          'Sierra, Costa',
          50000,
          2000000,
        ],
      ],
    );
    const res = await upload(
      'offers',
      'commit',
      file,
      'ofertas.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ).expect(200);
    expect(res.body).toMatchObject({ committed: true, insert: 1 });
    const [o] = await api.query(`SELECT regions, modalidades FROM offers WHERE event_id=$1`, [eventId]);
    expect(o).toEqual({ regions: ['Sierra', 'Costa'], modalidades: ['ASIST_TEC', 'CREDITO'] });
  });

  it('rejects a file with any bad row, names row and column, and writes nothing', async () => {
    const before = await count('demands');
    const text = [
      'id;participante;titulo;descripcion;sectores;ods;modalidades;monto_usd',
      'D-1;0104;Relleno sanitario;Cierre técnico;RESIDUOS;12;FIN_NR;100000',
      'D-2;9999;Mercado;Nuevo mercado;AGUAS;6;ASIST_TEC;abc',
      'D-1;0701;Duplicado;Texto;AGUA;6;ASIST_TEC;',
    ];
    const dry = await upload('demands', 'dry-run', csv(text), 'demandas.csv').expect(200);
    const codes = dry.body.issues.map((i: { row: number; code: string }) => `${i.row}:${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['3:unknown_participant', '3:unknown_code', '3:bad_number', '4:duplicate_id']));
    const unknownCode = dry.body.issues.find((i: { code: string }) => i.code === 'unknown_code');
    expect(unknownCode.column).toBe('sectores');
    expect(unknownCode.message.es).toContain('AGUAS');
    expect(unknownCode.message.en).toContain('AGUAS');
    const commit = await upload('demands', 'commit', csv(text), 'demandas.csv').expect(422);
    expect(commit.body.report.errors).toBeGreaterThanOrEqual(4);
    expect(await count('demands')).toBe(before);
  });

  it('reports malformed CSV and unknown INEC codes', async () => {
    const malformed = await upload(
      'participants',
      'commit',
      csv(['id;tipo_participante;nombre', '0104;gadm;"Nabón sin cerrar', '0701;gadm;Machala']),
      'p.csv',
    ).expect(422);
    expect(malformed.body.report.issues.map((i: { code: string }) => i.code)).toContain('malformed_csv');
    const inec = await upload('participants', 'dry-run', csv(['id;tipo_participante;nombre', '9901;gadm;Inventado']), 'p.csv').expect(200);
    expect(inec.body.issues[0]).toMatchObject({ row: 2, code: 'unknown_inec' });
  });

  it('answers 413 for an upload over the limit and 415 for a wrong content type', async () => {
    const big = Buffer.alloc(1.5 * 1024 * 1024, 'a');
    await upload('participants', 'dry-run', big, 'big.csv').expect(413);
    const png = await upload('participants', 'dry-run', Buffer.from([0x89, 0x50]), 'foto.png', 'image/png').expect(415);
    expect(png.body.messages.es).toMatch(/CSV o XLSX/);
    await api.http.post(`/events/${eventId}/imports/participants`).set(bearer(api.tokens.admin)).send({ a: 1 }).expect(415);
    await upload('unicorns', 'dry-run', csv(PARTICIPANTS), 'p.csv').expect(404);
  });

  it('exports CSV and XLSX that import back unchanged', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await api.http
        .get(`/events/${eventId}/exports/participants.${format}`)
        .set(bearer(api.tokens.staff))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      if (format === 'csv') expect((res.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const again = await upload(
        'participants',
        'dry-run',
        res.body,
        `p.${format}`,
        format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ).expect(200);
      expect(again.body).toMatchObject({ errors: 0, insert: 0, update: 4 });
    }
  });
});
