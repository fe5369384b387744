import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

describe('events, slots and records over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it('creates a Jornada whose slots come from its sessions, with numbered tables', async () => {
    const res = await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT).expect(201);
    expect(res.body.timeZone).toBe('America/Guayaquil');
    const slots = await api.http.get(`/events/${res.body.id}/slots`).set(bearer(api.tokens.staff)).expect(200);
    // 09:00–12:00 in 20-minute slots minus the 10:20–10:40 coffee break = 8 slots.
    expect(slots.body).toHaveLength(8);
    expect(slots.body[0].startsAt).toBe('2026-11-25T14:00:00.000Z');
    const tables = await api.http.get(`/events/${res.body.id}/tables?pageSize=100`).set(bearer(api.tokens.staff)).expect(200);
    expect(tables.body.total).toBe(10);
    expect(tables.body.items[0].label).toBe('Mesa 1');
  });

  it('fills a GADM from the INEC reference and filters by province and region', async () => {
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body;
    const p = await api.http
      .post(`/events/${ev.id}/participants`)
      .set(bearer(api.tokens.admin))
      .send({ externalId: '0104', kind: 'gadm', name: 'GAD Municipal de Nabón' })
      .expect(201);
    expect(p.body).toMatchObject({ inecCode: '0104', canton: 'Nabón', province: 'Azuay', region: 'Sierra' });
    await api.http
      .post(`/events/${ev.id}/participants`)
      .set(bearer(api.tokens.admin))
      .send({ externalId: 'JICA', kind: 'cooperant', name: 'JICA', tipo: 'BILATERAL' })
      .expect(201);
    const sierra = await api.http.get(`/events/${ev.id}/participants?region=Sierra`).set(bearer(api.tokens.staff)).expect(200);
    expect(sierra.body.items.map((x: { externalId: string }) => x.externalId)).toEqual(['0104']);
    const azuay = await api.http.get(`/events/${ev.id}/participants?province=AZUAY&kind=gadm`).set(bearer(api.tokens.staff)).expect(200);
    expect(azuay.body.total).toBe(1);
    const bad = await api.http
      .post(`/events/${ev.id}/participants`)
      .set(bearer(api.tokens.admin))
      .send({ externalId: '9999', kind: 'gadm', name: 'X' })
      .expect(400);
    expect(bad.body.fields[0]).toMatchObject({ path: 'inecCode' });
  });

  it('validates taxonomy codes on demands and names the field', async () => {
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body;
    const gadm = (
      await api.http
        .post(`/events/${ev.id}/participants`)
        .set(bearer(api.tokens.admin))
        .send({ externalId: '0101', kind: 'gadm', name: 'Cuenca' })
    ).body;
    const res = await api.http
      .post(`/events/${ev.id}/demands`)
      .set(bearer(api.tokens.admin))
      .send({ participantId: gadm.id, externalId: 'D1', title: 'Agua', sectors: ['AGUAS'], ods: [6, 18] })
      .expect(400);
    const paths = res.body.fields.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['sectors.0', 'ods.1']));
    expect(res.body.fields.find((i: { path: string }) => i.path === 'sectors.0').es).toContain('AGUAS');
    const ok = await api.http
      .post(`/events/${ev.id}/demands`)
      .set(bearer(api.tokens.admin))
      .send({ participantId: gadm.id, externalId: 'D1', title: 'Agua potable', sectors: ['AGUA'], ods: [6], amountUsd: 250000 })
      .expect(201);
    const bySector = await api.http.get(`/events/${ev.id}/demands?sector=AGUA&province=AZUAY`).set(bearer(api.tokens.staff)).expect(200);
    expect(bySector.body.items.map((d: { id: string }) => d.id)).toEqual([ok.body.id]);
    // A partial update leaves the fields it does not name alone.
    const renamed = await api.http
      .patch(`/events/${ev.id}/demands/${ok.body.id}`)
      .set(bearer(api.tokens.admin))
      .send({ version: ok.body.version, title: 'Planta de agua potable' })
      .expect(200);
    expect(renamed.body).toMatchObject({ title: 'Planta de agua potable', sectors: ['AGUA'], ods: [6], amountUsd: 250000 });
  });

  it('refuses a stale update with 409 and the current state', async () => {
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body;
    const p = (
      await api.http
        .post(`/events/${ev.id}/participants`)
        .set(bearer(api.tokens.admin))
        .send({ externalId: 'KOICA', kind: 'cooperant', name: 'KOICA' })
    ).body;
    await api.http
      .patch(`/events/${ev.id}/participants/${p.id}`)
      .set(bearer(api.tokens.admin))
      .send({ version: p.version, phone: '+593 2 000' })
      .expect(200);
    const stale = await api.http
      .patch(`/events/${ev.id}/participants/${p.id}`)
      .set(bearer(api.tokens.admin))
      .send({ version: p.version, phone: '+593 2 111' })
      .expect(409);
    expect(stale.body.current.phone).toBe('+593 2 000');
  });

  it('answers bad JSON, oversized bodies and duplicates with clear 4xx', async () => {
    const bad = await api.http
      .post('/events')
      .set(bearer(api.tokens.admin))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(bad.body.message).toMatch(/JSON/);
    const big = await api.http
      .post('/events')
      .set(bearer(api.tokens.admin))
      .send({ name: 'x', description: 'a'.repeat(2_000_000) })
      .expect(413);
    expect(big.body.messages.es).toMatch(/demasiado grande/);
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body;
    await api.http
      .post(`/events/${ev.id}/participants`)
      .set(bearer(api.tokens.admin))
      .send({ externalId: 'GIZ', kind: 'cooperant', name: 'GIZ' })
      .expect(201);
    const dup = await api.http
      .post(`/events/${ev.id}/participants`)
      .set(bearer(api.tokens.admin))
      .send({ externalId: 'GIZ', kind: 'cooperant', name: 'GIZ' })
      .expect(409);
    expect(dup.body.error).toBe('duplicate');
  });

  it('serves the OpenAPI document at /docs with every endpoint family', async () => {
    const doc = await api.http.get('/docs/openapi.json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/events',
      '/events/{eventId}/slots',
      '/events/{eventId}/participants',
      '/events/{eventId}/delegates',
      '/events/{eventId}/demands',
      '/events/{eventId}/offers',
      '/events/{eventId}/tables',
      '/events/{eventId}/imports/{kind}',
      '/me',
      '/auth/login',
      '/health',
    ]) {
      expect(paths).toContain(p);
    }
    await api.http.get('/docs').expect(200);
    // Two opaque bearer schemes, each operation under the audience the access guard applies.
    expect(Object.keys(doc.body.components.securitySchemes).sort()).toEqual(['organiser', 'participant']);
    expect(doc.body.components.securitySchemes.organiser).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque ro_…' });
    expect(doc.body.paths['/events'].get.security).toEqual([{ organiser: [] }]);
    expect(doc.body.paths['/me'].get.security).toEqual([{ participant: [] }]);
    expect(doc.body.paths['/auth/whoami'].get.security).toEqual([{ organiser: [] }, { participant: [] }]);
    expect(doc.body.paths['/health'].get.security).toEqual([]);
    // Declared responses and the one error body.
    expect(doc.body.paths['/events/{eventId}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Event',
    });
    expect(doc.body.paths['/events/{eventId}'].get.responses['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(doc.body.components.schemas.Error.required).toEqual(expect.arrayContaining(['code', 'kind', 'messages']));
  });

  it('serves the reference data publicly', async () => {
    const tax = await api.http.get('/reference/taxonomy').expect(200);
    expect(tax.body.sectores.find((x: { code: string }) => x.code === 'AGUA')).toMatchObject({ es: 'Agua potable y saneamiento' });
    const gadms = await api.http.get('/reference/gadms').expect(200);
    expect(gadms.body).toHaveLength(221);
  });

  it('reports PostgreSQL and Redis in /health', async () => {
    const res = await api.http.get('/health').expect(200);
    expect(res.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});

describe('event updates', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it('changing settings leaves the slots alone; changing the time zone under placed meetings is refused', async () => {
    const ev = (
      await api.http
        .post('/events')
        .set(bearer(api.tokens.admin))
        .send({ ...SAMPLE_EVENT, timeZone: 'Europe/Madrid' })
    ).body;
    const before = (await api.http.get(`/events/${ev.id}/slots`).set(bearer(api.tokens.admin))).body.map((s: { id: string }) => s.id);
    const upd = await api.http
      .patch(`/events/${ev.id}`)
      .set(bearer(api.tokens.admin))
      .send({ version: ev.version, settings: { recoveryMode: 'confirm' } })
      .expect(200);
    expect(upd.body.timeZone).toBe('Europe/Madrid');
    const after = (await api.http.get(`/events/${ev.id}/slots`).set(bearer(api.tokens.admin))).body.map((s: { id: string }) => s.id);
    expect(after).toEqual(before);
    const [a] = await api.query(
      `INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, 'JICA', 'cooperant', 'J', 1) RETURNING id`,
      [ev.id],
    );
    const [b] = await api.query(
      `INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, '0104', 'gadm', 'N', 1) RETURNING id`,
      [ev.id],
    );
    await api.query(
      `INSERT INTO meetings (event_id, participant_a_id, participant_b_id, origin, status, slot_id, version) VALUES ($1, $2, $3, 'organiser', 'scheduled', $4, 1)`,
      [ev.id, a.id, b.id, before[0]],
    );
    const tz = await api.http
      .patch(`/events/${ev.id}`)
      .set(bearer(api.tokens.admin))
      .send({ version: upd.body.version, timeZone: 'America/Guayaquil' })
      .expect(409);
    expect(tz.body.error).toBe('slots_in_use');
  });
});
