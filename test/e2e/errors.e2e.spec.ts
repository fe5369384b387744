import { randomUUID } from 'node:crypto';
import { bearer, startTestApi, TestApi } from '../support/api';

/** One error model at the HTTP edge: a code, a kind, both languages, and every wrong field named. */
describe('errors over HTTP', () => {
  let api: TestApi;
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('a malformed id in the path names the parameter, in Spanish and English', async () => {
    const res = await api.http.get('/events/not-a-uuid/slots').set(admin()).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      error: 'validation_failed',
      kind: 'invalid',
      message: 'Datos inválidos en «eventId»: identificador UUID inválido / Invalid data in "eventId": invalid UUID',
      messages: { es: 'Datos inválidos en «eventId»: identificador UUID inválido', en: 'Invalid data in "eventId": invalid UUID' },
      fields: [{ path: 'eventId', es: 'identificador UUID inválido', en: 'invalid UUID' }],
    });
  });

  it('a body names each wrong field, unknown fields included', async () => {
    const res = await api.http.post('/events').set(admin()).send({ name: '', tableCount: 'x', colour: 'red' }).expect(400);
    expect(res.body.fields).toEqual([
      { path: 'name', es: 'no puede estar vacío', en: 'cannot be empty' },
      { path: 'tableCount', es: 'se esperaba número, llegó texto', en: 'expected number, received text' },
      { path: 'colour', es: 'campo desconocido', en: 'unknown field' },
    ]);
  });

  it('not found, unauthenticated and forbidden read the same way', async () => {
    const id = randomUUID();
    expect((await api.http.get(`/events/${id}`).set(admin()).expect(404)).body).toMatchObject({
      code: 'not_found',
      kind: 'not_found',
      messages: { es: `Evento no encontrado: ${id}`, en: `Event not found: ${id}` },
    });
    expect((await api.http.get('/events').expect(401)).body).toMatchObject({ code: 'unauthenticated', kind: 'unauthenticated' });
    expect((await api.http.post('/events').set(bearer(api.tokens.staff)).send({ name: 'x' }).expect(403)).body).toMatchObject({
      code: 'forbidden',
      kind: 'forbidden',
      messages: { es: 'No tiene permiso para esta operación', en: 'You are not allowed to do this' },
    });
    expect((await api.http.get('/no-such-route').set(admin()).expect(404)).body).toMatchObject({
      kind: 'not_found',
      messages: { es: expect.stringMatching(/^Recurso no encontrado/), en: expect.stringMatching(/^Not found/) },
    });
  });

  it('broken JSON is a 400 in both languages', async () => {
    const res = await api.http.post('/events').set(admin()).set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_json', kind: 'invalid', messages: { es: 'JSON inválido' } });
  });
});
