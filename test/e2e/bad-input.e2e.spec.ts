import { TEXT_LIMITS } from '@rueda/domain';
import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { sharedStringsBomb } from '../support/xlsx-bomb';

/** Input the database cannot hold gets a 400 that names the field; never a 500 and never half written. */
describe('bad input is refused with a 4xx naming the field', () => {
  let api: TestApi;
  let ev: string;
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    api = await startTestApi();
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
  }, 120_000);
  afterAll(async () => api?.close());

  it('NUL characters and lone surrogates, anywhere in the body or the query string', async () => {
    const nul = await api.http
      .post('/events')
      .set(admin())
      .send({ ...SAMPLE_EVENT, name: 'Jornada\u0000' })
      .expect(400);
    expect(nul.body.fields).toEqual([
      expect.objectContaining({ path: 'name', es: expect.stringMatching(/nulo/), en: expect.stringMatching(/null/) }),
    ]);
    // A lone surrogate cannot even be encoded as UTF-8 by a client library: send the JSON escape itself.
    const lone = await api.http
      .post('/events')
      .set(admin())
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({ ...SAMPLE_EVENT, sessions: [{ ...SAMPLE_EVENT.sessions[0], label: 'x' }] }).replace(
          '"label":"x"',
          '"label":"\\ud800"',
        ),
      )
      .expect(400);
    expect(lone.body.fields[0]).toMatchObject({ path: 'sessions.0.label', en: expect.stringMatching(/lone surrogate/) });
    const query = await api.http.get(`/events/${ev}/participants?q=a%00b`).set(admin()).expect(400);
    expect(query.body.fields[0].path).toBe('q');
    expect((await api.query(`SELECT count(*)::int AS n FROM events`))[0].n).toBe(1);
  });

  it('texts longer than their column: the API says which field, before the database could', async () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    const res = await api.http
      .post(`/events/${ev}/participants`)
      .set(admin())
      .send({ externalId: long(TEXT_LIMITS.participants.externalId), kind: 'cooperant', name: 'Larga' })
      .expect(400);
    expect(res.body.fields.map((i: { path: string }) => i.path)).toEqual(['externalId']);
    const mail = await api.http
      .post(`/events/${ev}/participants`)
      .set(admin())
      .send({ externalId: 'JICA', kind: 'cooperant', name: 'JICA', email: `${'a'.repeat(TEXT_LIMITS.participants.email)}@jica.go.jp` })
      .expect(400);
    expect(mail.body.fields.map((i: { path: string }) => i.path)).toEqual(['email']);
  });

  it('the import dry run and the commit agree on what does not fit (no 500 on commit)', async () => {
    const file = Buffer.from(
      `id;nombre;tipo_participante\r\n${'C'.repeat(TEXT_LIMITS.participants.externalId + 1)};Cooperante largo;cooperante\r\n`,
    );
    const dry = await api.http
      .post(`/events/${ev}/imports/participants?mode=dry-run`)
      .set(admin())
      .attach('file', file, { filename: 'p.csv', contentType: 'text/csv' })
      .expect(200);
    expect(dry.body.issues).toEqual([expect.objectContaining({ code: 'too_long', row: 2, column: 'id' })]);
    const commit = await api.http
      .post(`/events/${ev}/imports/participants?mode=commit`)
      .set(admin())
      .attach('file', file, { filename: 'p.csv', contentType: 'text/csv' })
      .expect(422);
    expect(commit.body.report.issues).toEqual(dry.body.issues);
  });

  it('refuses the 0.5 MB workbook of 8 million shared strings with a 413, and one whose zip lies about its sizes', async () => {
    for (const bomb of [sharedStringsBomb(8_000_000), sharedStringsBomb(4_000_000, true)]) {
      const res = await api.http
        .post(`/events/${ev}/imports/participants?mode=dry-run`)
        .set(admin())
        .attach('file', bomb, { filename: 'bomba.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
        .expect(413);
      expect(res.body).toMatchObject({ error: 'spreadsheet_too_large', messages: { es: expect.stringMatching(/supera un límite/) } });
      expect(res.body.issues[0]).toMatchObject({ code: 'too_large' });
    }
    await api.http.get('/health').expect(200);
  });

  it('offers name only real provinces; match weights only the components the matcher knows', async () => {
    const caf = (
      await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId: 'CAF', kind: 'cooperant', name: 'CAF' }).expect(201)
    ).body.id;
    const offer = { participantId: caf, externalId: 'O-1', title: 'Agua', provinces: ['01', '99'] };
    const bad = await api.http.post(`/events/${ev}/offers`).set(admin()).send(offer).expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ path: 'provinces.1', es: expect.stringContaining('99') })]);
    await api.http
      .post(`/events/${ev}/offers`)
      .set(admin())
      .send({ ...offer, provinces: ['01', '17'] })
      .expect(201);

    const event = (await api.http.get(`/events/${ev}`).set(admin()).expect(200)).body;
    const weights = await api.http
      .patch(`/events/${ev}`)
      .set(admin())
      .send({ version: event.version, settings: { matchWeights: { sector: 0.5, colour: 3 } } })
      .expect(400);
    expect(weights.body.fields.map((i: { path: string }) => i.path)).toEqual(['settings.matchWeights.colour']);
    await api.http
      .patch(`/events/${ev}`)
      .set(admin())
      .send({ version: event.version, settings: { matchWeights: { sector: 0.5, text: 0.2 } } })
      .expect(200);
  });

  it('tables are edited with the version read, like every record: a stale edit is a 409', async () => {
    const table = (await api.http.post(`/events/${ev}/tables`).set(admin()).send({ number: 77, label: 'Mesa 77' }).expect(201)).body;
    expect(table.version).toBe(1);
    await api.http.patch(`/events/${ev}/tables/${table.id}`).set(admin()).send({ label: 'Sin versión' }).expect(400);
    const first = await api.http.patch(`/events/${ev}/tables/${table.id}`).set(admin()).send({ version: 1, label: 'Mesa VIP' }).expect(200);
    expect(first.body.version).toBe(2);
    const stale = await api.http
      .patch(`/events/${ev}/tables/${table.id}`)
      .set(admin())
      .send({ version: 1, label: 'Mesa 77 bis' })
      .expect(409);
    expect(stale.body).toMatchObject({ error: 'version_conflict', current: { label: 'Mesa VIP', version: 2 } });
  });
});
