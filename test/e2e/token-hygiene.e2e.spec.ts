import { newToken, ORGANISER_PREFIX, PARTICIPANT_PREFIX, QUEUES_SESSION_PREFIX } from '../../apps/api/src/modules/auth/tokens';
import { redactTokens } from '@rueda/config';
import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { LiveTestClient } from '../support/live-client';
import { CALENDAR_PREFIX } from '../../apps/api/src/modules/calendar/calendar.service';
import { CLOCK } from '../../apps/api/src/platform/application.module';
import type { Clock } from '@rueda/application';

describe('tokens never reach a log line', () => {
  let api: TestApi;
  let lines: string[] = [];
  let write: jest.SpyInstance;

  beforeAll(async () => {
    api = await startTestApi({ LOG_LEVEL: 'info' });
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  });
  afterAll(async () => {
    write?.mockRestore();
    process.env.LOG_LEVEL = 'silent';
    await api?.close();
  });

  it('redacts every kind of Rueda token', () => {
    for (const prefix of [ORGANISER_PREFIX, PARTICIPANT_PREFIX, QUEUES_SESSION_PREFIX, CALENDAR_PREFIX]) {
      const token = newToken(prefix);
      expect(redactTokens(`GET /app/a/${token}?x=${token}`)).toBe(`GET /app/a/${prefix}[redactado]?x=${prefix}[redactado]`);
    }
  });

  it('in headers, cookies, the Referer of a personal agenda page and query strings', async () => {
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT).expect(201)).body.id;
    const pid = (
      await api.http
        .post(`/events/${ev}/participants`)
        .set(bearer(api.tokens.admin))
        .send({ externalId: '0104', kind: 'gadm', name: 'Nabón' })
    ).body.id;
    const link = (await api.http.post(`/events/${ev}/participants/${pid}/access-link`).set(bearer(api.tokens.admin)).expect(201)).body
      .token;
    const dashboard = newToken(QUEUES_SESSION_PREFIX);
    lines = [];
    await api.http
      .get('/me')
      .set(bearer(link))
      .set('Referer', `https://rueda.example/app/a/${link}`)
      .set('Cookie', `rueda_queues=${dashboard}`)
      .expect(200);
    await api.http.get(`/events?token=${api.tokens.admin}`).set(bearer(api.tokens.staff)).expect(200);
    await api.http.get(`/queues?token=${api.tokens.admin}`).expect(401);
    await api.http.get(`/me/meetings?access=${link}`).expect(401);
    const log = lines.join('');
    expect(log).toContain('"url":"/me"'); // the requests were logged…
    expect(log).toContain('[redactado]'); // …with their tokens replaced
    for (const secret of [link, api.tokens.admin, api.tokens.staff, dashboard]) expect(log).not.toContain(secret.slice(3));
  });
});

describe('queue dashboard (bull-board): no token in the address', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it('refuses a token in the URL; an admin opens a short-lived httpOnly session scoped to /queues', async () => {
    await api.http.get('/queues').expect(401);
    await api.http.get(`/queues?token=${api.tokens.admin}`).expect(401);
    const page = await api.http.get('/queues').set('Accept', 'text/html').expect(401);
    expect(page.text).toContain('Contraseña / Password'); // a sign-in form, not a token prompt
    await api.http.post('/auth/queues-session').set(bearer(api.tokens.staff)).expect(403);
    const res = await api.http.post('/auth/queues-session').set(bearer(api.tokens.admin)).expect(204);
    const cookie: string = res.headers['set-cookie'][0];
    expect(cookie).toMatch(/^rueda_queues=rq_[A-Za-z0-9_-]{43}; Path=\/queues; Max-Age=900; HttpOnly; SameSite=Strict/);
    const session = cookie.split(';')[0];
    const html = await api.http.get('/queues').set('Cookie', session).expect(200);
    expect(html.text).toContain('<html');
    const queues = await api.http.get('/queues/api/queues').set('Cookie', session).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining(['matching', 'scheduling']));
    // An admin's bearer header works too (scripts); the dashboard cookie is no API token.
    await api.http.get('/queues/api/queues').set(bearer(api.tokens.admin)).expect(200);
    await api.http
      .get('/events')
      .set(bearer(session.split('=')[1]))
      .expect(401);
    await api.http.get('/queues/api/queues').set('Cookie', 'rueda_queues=rq_forged').expect(401);
  });
});

describe('revocation reaches live sockets on every API node at once', () => {
  let api: TestApi;
  let nodeA: string;
  let nodeB: string;
  let ev: string;
  let pid: string;
  const clients: LiveTestClient[] = [];
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    // No periodic re-check during the test: only the revocation itself may drop the sockets.
    api = await startTestApi({ LIVE_TOKEN_CHECK_MS: '600000' });
    nodeA = await api.listen();
    nodeB = await api.startNode();
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
    pid = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId: '0104', kind: 'gadm', name: 'Nabón' })).body
      .id;
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    process.env.LIVE_TOKEN_CHECK_MS = '30000';
    await api?.close();
  });

  const connected = async (base: string, token: string, req = {}) => {
    const c = new LiveTestClient(base, token, req);
    clients.push(c);
    expect((await c.subscribe()).ok).toBe(true);
    const gone = new Promise<void>((r) => c.socket.once('disconnect', () => r()));
    return { c, gone };
  };

  it('re-issuing a link on one node drops the old link’s sockets on both nodes, saying why', async () => {
    const first = (await api.http.post(`/events/${ev}/participants/${pid}/access-link`).set(admin()).expect(201)).body.token;
    const onA = await connected(nodeA, first);
    const onB = await connected(nodeB, first);
    await api.http.post(`/events/${ev}/participants/${pid}/access-link`).set(admin()).expect(201);
    await Promise.all([onA.gone, onB.gone]);
    for (const { c } of [onA, onB]) expect(c.byes).toContainEqual(expect.objectContaining({ code: 'token_revoked' }));
  });

  it('logging out on one node drops that session’s sockets on both nodes, and only them', async () => {
    const login = async () =>
      (await api.http.post('/auth/login').send({ email: 'staff@rueda.test', password: 'staff-password-1' }).expect(200)).body.token;
    const [leaving, staying] = [await login(), await login()];
    const onA = await connected(nodeA, leaving, { eventId: ev });
    const onB = await connected(nodeB, leaving, { eventId: ev });
    const other = await connected(nodeB, staying, { eventId: ev });
    await api.http.post('/auth/logout').set(bearer(leaving)).expect(204);
    await Promise.all([onA.gone, onB.gone]);
    for (const { c } of [onA, onB]) expect(c.byes).toContainEqual(expect.objectContaining({ code: 'signed_out' }));
    expect(other.c.socket.connected).toBe(true);
    expect((await other.c.subscribe()).ok).toBe(true);
  });
});

describe('participant links expire on a day the organisers set (default: 12 months after the event)', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await startTestApi();
    base = await api.listen();
  });
  afterAll(async () => api?.close());

  it('says until when a link works, and refuses it afterwards in Spanish and English, over HTTP and sockets', async () => {
    const admin = bearer(api.tokens.admin);
    const ev = (await api.http.post('/events').set(admin).send(SAMPLE_EVENT).expect(201)).body;
    expect(ev.participantLinksExpireOn).toBeNull();
    const pid = (await api.http.post(`/events/${ev.id}/participants`).set(admin).send({ externalId: '0104', kind: 'gadm', name: 'Nabón' }))
      .body.id;
    const link = (await api.http.post(`/events/${ev.id}/participants/${pid}/access-link`).set(admin).expect(201)).body;
    // The sample Jornada is on 25/11/2026: its links work until 25/11/2027.
    expect(link.validUntil).toBe('2027-11-25');
    await api.http.get('/me').set(bearer(link.token)).expect(200);

    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const updated = (
      await api.http.patch(`/events/${ev.id}`).set(admin).send({ version: ev.version, participantLinksExpireOn: yesterday }).expect(200)
    ).body;
    expect(updated.participantLinksExpireOn).toBe(yesterday);
    const [y, m, d] = yesterday.split('-');
    const refused = await api.http.get('/me').set(bearer(link.token)).expect(401);
    expect(refused.body).toMatchObject({
      error: 'link_expired',
      messages: { es: expect.stringContaining(`${d}/${m}/${y}`), en: expect.stringContaining('expired') },
    });
    const socket = new LiveTestClient(base, link.token);
    await expect(socket.subscribe()).rejects.toBeDefined();
    expect(socket.byes).toContainEqual(expect.objectContaining({ code: 'link_expired' }));
    socket.close();

    // Organisers can give the links their default back.
    await api.http.patch(`/events/${ev.id}`).set(admin).send({ version: updated.version, participantLinksExpireOn: null }).expect(200);
    await api.http.get('/me').set(bearer(link.token)).expect(200);
  });

  it('judges a link on the API clock (the Clock port), not the wall clock', async () => {
    const admin = bearer(api.tokens.admin);
    const ev = (await api.http.post('/events').set(admin).send(SAMPLE_EVENT).expect(201)).body;
    const pid = (await api.http.post(`/events/${ev.id}/participants`).set(admin).send({ externalId: '0105', kind: 'gadm', name: 'Oña' }))
      .body.id;
    const link = (await api.http.post(`/events/${ev.id}/participants/${pid}/access-link`).set(admin).expect(201)).body;
    expect(link.validUntil).toBe('2027-11-25');
    const clock = api.app.get<Clock>(CLOCK);
    // The last valid minute, then the first minute after it, in the event's time zone (Guayaquil, UTC−5).
    const at = jest.spyOn(clock, 'now').mockReturnValue(new Date('2027-11-26T04:59:00Z'));
    try {
      await api.http.get('/me').set(bearer(link.token)).expect(200);
      at.mockReturnValue(new Date('2027-11-26T05:00:00Z'));
      const refused = await api.http.get('/me').set(bearer(link.token)).expect(401);
      expect(refused.body).toMatchObject({ error: 'link_expired', messages: { es: expect.stringContaining('25/11/2027') } });
    } finally {
      at.mockRestore();
    }
    await api.http.get('/me').set(bearer(link.token)).expect(200);
  });
});
