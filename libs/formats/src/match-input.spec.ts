import { FormatError, zodIssuesToFormatIssues } from './format-error';
import { MATCH_INPUT_FORMAT, parseMatchInput } from './match-input';
import { parseMatchOutput, writeMatchOutput } from './match-output';

// The example of the shared formats README (rueda.match-input/1), verbatim.
const example = () => ({
  format: 'rueda.match-input/1',
  participants: [
    { id: '0104', kind: 'gadm', name: 'NABÓN', province: '01', region: 'Sierra' },
    { id: 'CAF', kind: 'cooperant', name: 'CAF - Banco de Desarrollo de América Latina', tipo: 'MULTILATERAL' },
  ],
  demands: [
    {
      id: 'D-0104-1',
      participant: '0104',
      title: 'Estudios para planta de agua potable',
      description: 'free text, Spanish (sometimes English)',
      sectors: ['AGUA'],
      competencias: ['C04'],
      ods: [6],
      modalidades: ['ASIST_TEC'],
      amountUsd: 250000,
    },
  ],
  offers: [
    {
      id: 'O-CAF-1',
      participant: 'CAF',
      title: 'Asistencia técnica para preinversión en agua y saneamiento',
      description: 'free text',
      sectors: ['AGUA'],
      ods: [6],
      modalidades: ['ASIST_TEC', 'CREDITO'],
      regions: ['Sierra', 'Costa'],
      provinces: [],
      minAmountUsd: 50000,
      maxAmountUsd: 2000000,
    },
  ],
});

function issuesOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return (err as FormatError).issues;
  }
  throw new Error('expected a FormatError');
}

describe('parseMatchInput', () => {
  it('accepts the documented example unchanged', () => {
    const input = parseMatchInput(example());
    expect(input.format).toBe(MATCH_INPUT_FORMAT);
    expect(input.demands[0].amountUsd).toBe(250000);
    expect(input.offers[0].regions).toEqual(['Sierra', 'Costa']);
  });

  it('accepts demands and offers with only id, participant, title and description', () => {
    const doc = example();
    doc.demands = [{ id: 'D1', participant: '0104', title: 't', description: '' }] as never;
    doc.offers = [{ id: 'O1', participant: 'CAF', title: 't', description: 'd' }] as never;
    const input = parseMatchInput(doc);
    expect(input.demands[0].sectors).toBeUndefined();
  });

  it('rejects an unknown or missing format with a clear message', () => {
    const wrong = issuesOf(() => parseMatchInput({ ...example(), format: 'rueda.match-input/2' }));
    expect(wrong).toEqual([{ path: 'format', message: expect.stringContaining('formato desconocido "rueda.match-input/2"') }]);
    const missing = issuesOf(() => parseMatchInput({ participants: [] }));
    expect(missing[0].message).toContain('falta el campo "format"');
    expect(issuesOf(() => parseMatchInput([]))[0].message).toContain('expected a JSON object');
  });

  it('names the JSON path, field and code of an unknown taxonomy code', () => {
    const doc = example();
    const base = doc.demands[0];
    doc.demands = [0, 1, 2, 3].map((i) => ({ ...base, id: `D${i}` }));
    doc.demands[3].sectors = ['AGUAS'];
    doc.demands[1].competencias = ['C99'];
    doc.demands[2].ods = [18];
    doc.offers[0].modalidades = ['ASIST_TEC', 'REGALO'];
    (doc.participants[1] as { tipo: string }).tipo = 'GALACTICA';
    const issues = issuesOf(() => parseMatchInput(doc));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'demands[3].sectors[0]', message: 'código de sector desconocido / unknown sector code "AGUAS" (id "D3")' },
        { path: 'demands[1].competencias[0]', message: expect.stringContaining('"C99"') },
        { path: 'demands[2].ods[0]', message: expect.stringContaining('18') },
        { path: 'offers[0].modalidades[1]', message: expect.stringContaining('"REGALO"') },
        { path: 'participants[1].tipo', message: expect.stringContaining('"GALACTICA"') },
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it('reports missing required fields and wrong types with their paths', () => {
    const doc = example() as Record<string, unknown> & ReturnType<typeof example>;
    delete (doc.demands[0] as Partial<(typeof doc.demands)[0]>).title;
    (doc.offers[0] as { minAmountUsd: unknown }).minAmountUsd = 'mucho';
    const issues = issuesOf(() => parseMatchInput(doc));
    expect(issues).toContainEqual({
      path: 'demands[0].title',
      message: 'campo obligatorio ausente / required field missing (id "D-0104-1")',
    });
    expect(issues).toContainEqual({ path: 'offers[0].minAmountUsd', message: expect.stringContaining('se esperaba número') });
  });

  it('rejects duplicate ids, unknown participants and the wrong participant kind', () => {
    const doc = example();
    doc.demands.push({ ...doc.demands[0] });
    doc.demands.push({ ...doc.demands[0], id: 'D-X', participant: 'NOBODY' });
    doc.offers.push({ ...doc.offers[0], id: 'O-2', participant: '0104' });
    doc.participants.push({ ...doc.participants[1] });
    const issues = issuesOf(() => parseMatchInput(doc));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'demands[1].id', message: 'id duplicado / duplicate id "D-0104-1"' },
        { path: 'participants[2].id', message: 'id duplicado / duplicate id "CAF"' },
        { path: 'demands[2].participant', message: 'participante desconocido / unknown participant "NOBODY" (id "D-X")' },
        { path: 'offers[1].participant', message: expect.stringContaining('una oferta debe pertenecer a un cooperante') },
      ]),
    );
  });

  it('fills a GADM location from the reference list and normalises region spelling', () => {
    const doc = example();
    doc.participants[0] = { id: '1501', kind: 'gadm', name: 'TENA' } as never;
    doc.demands[0].participant = '1501';
    doc.offers[0].regions = ['amazonia', 'COSTA'];
    const input = parseMatchInput(doc);
    expect(input.participants[0]).toMatchObject({ province: '15', region: 'Amazonía' });
    expect(input.offers[0].regions).toEqual(['Amazonía', 'Costa']);
  });

  it('rejects an unknown GADM without location, an unknown region or province, and min > max', () => {
    const doc = example();
    doc.participants.push({ id: '9999', kind: 'gadm', name: 'X' } as never);
    doc.offers[0].regions = ['Luna'];
    doc.offers[0].provinces = ['99'] as never;
    const issues = issuesOf(() => parseMatchInput(doc));
    expect(issues).toContainEqual({ path: 'offers[0].regions[0]', message: expect.stringContaining('"Luna"') });
    expect(issues).toContainEqual({ path: 'offers[0].provinces[0]', message: expect.stringContaining('"99"') });
    const doc2 = example();
    doc2.participants.push({ id: '9999', kind: 'gadm', name: 'X' } as never);
    doc2.offers[0].minAmountUsd = 5;
    doc2.offers[0].maxAmountUsd = 1;
    const issues2 = issuesOf(() => parseMatchInput(doc2));
    expect(issues2).toContainEqual({ path: 'participants[2].id', message: expect.stringContaining('"9999"') });
    expect(issues2).toContainEqual({ path: 'offers[0].minAmountUsd', message: expect.stringContaining('mayor que maxAmountUsd') });
  });

  it('FormatError lists every issue in its message', () => {
    const err = new FormatError([
      { path: 'a[0]', message: 'uno / one' },
      { path: 'b', message: 'dos / two' },
    ]);
    expect(err.message).toContain('2 problemas');
    expect(err.message).toContain('a[0]: uno / one');
    expect(err.message).toContain('b: dos / two');
    expect(zodIssuesToFormatIssues({ issues: [{ path: ['demands', 3, 'sectors', 0], message: 'm' }] })).toEqual([
      { path: 'demands[3].sectors[0]', message: 'm' },
    ]);
  });
});

describe('match output', () => {
  it('writes a deterministic document that reads back, with scores clamped and rounded', () => {
    const text = writeMatchOutput({
      format: 'rueda.match-output/1',
      matches: [{ demand: 'D', offer: 'O', rank: 1, score: 0.123456789, reasons: [{ kind: 'sector', detail: 'AGUA' }] }],
    });
    const back = parseMatchOutput(JSON.parse(text));
    expect(back.matches[0].score).toBe(0.1235);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'matches']);
    expect(() => parseMatchOutput({ format: 'rueda.match-output/9', matches: [] })).toThrow(FormatError);
    expect(() =>
      parseMatchOutput({ format: 'rueda.match-output/1', matches: [{ demand: 'D', offer: 'O', rank: 0, score: 2, reasons: [] }] }),
    ).toThrow(/matches\[0\]\.rank/);
  });
});
