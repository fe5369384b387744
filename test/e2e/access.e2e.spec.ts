import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

type Role = 'anonymous' | 'participant' | 'staff' | 'admin';
const ROLES: Role[] = ['anonymous', 'participant', 'staff', 'admin'];

describe('access control: role × endpoint family', () => {
  let api: TestApi;
  let ev: string;
  let gadm: { id: string; token: string };
  let other: { id: string; token: string };
  const tokenOf = (r: Role) =>
    r === 'admin' ? api.tokens.admin : r === 'staff' ? api.tokens.staff : r === 'participant' ? gadm.token : null;

  beforeAll(async () => {
    api = await startTestApi();
    ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body.id;
    const mk = async (externalId: string, kind: string) => {
      const p = (
        await api.http.post(`/events/${ev}/participants`).set(bearer(api.tokens.admin)).send({ externalId, kind, name: externalId })
      ).body;
      const link = (await api.http.post(`/events/${ev}/participants/${p.id}/access-link`).set(bearer(api.tokens.admin)).expect(201)).body;
      return { id: p.id as string, token: link.token as string };
    };
    gadm = await mk('0104', 'gadm');
    other = await mk('0701', 'gadm');
    await api.http
      .post(`/events/${ev}/demands`)
      .set(bearer(api.tokens.admin))
      .send({ participantId: gadm.id, externalId: 'D-NABON', title: 'Agua potable' })
      .expect(201);
    await api.http
      .post(`/events/${ev}/demands`)
      .set(bearer(api.tokens.admin))
      .send({ participantId: other.id, externalId: 'D-MACHALA', title: 'Malecón' })
      .expect(201);
  });
  afterAll(async () => api?.close());

  // Each family: a request and the roles that may make it. Everybody else gets 401 (no token) or 403.
  const matrix: { family: string; call: () => [string, string, object?]; allowed: Role[]; ok: number }[] = [
    { family: 'health', call: () => ['get', '/health'], allowed: ROLES, ok: 200 },
    { family: 'docs', call: () => ['get', '/docs/openapi.json'], allowed: ROLES, ok: 200 },
    { family: 'events: read', call: () => ['get', '/events'], allowed: ['staff', 'admin'], ok: 200 },
    { family: 'events: write', call: () => ['post', '/events', SAMPLE_EVENT], allowed: ['admin'], ok: 201 },
    { family: 'slots: read', call: () => ['get', `/events/${ev}/slots`], allowed: ['staff', 'admin'], ok: 200 },
    { family: 'records: read', call: () => ['get', `/events/${ev}/demands`], allowed: ['staff', 'admin'], ok: 200 },
    {
      family: 'records: write',
      call: () => ['post', `/events/${ev}/tables`, { number: 900 + Math.floor(Math.random() * 99) }],
      allowed: ['admin'],
      ok: 201,
    },
    { family: 'imports', call: () => ['post', `/events/${ev}/imports/participants`], allowed: ['admin'], ok: 415 },
    { family: 'exports', call: () => ['get', `/events/${ev}/exports/demands.csv`], allowed: ['staff', 'admin'], ok: 200 },
    { family: 'users', call: () => ['get', '/users'], allowed: ['admin'], ok: 200 },
    { family: 'access links', call: () => ['post', `/events/${ev}/participants/${other.id}/access-link`], allowed: ['admin'], ok: 201 },
    { family: 'me', call: () => ['get', '/me'], allowed: ['participant'], ok: 200 },
    { family: 'whoami', call: () => ['get', '/auth/whoami'], allowed: ['participant', 'staff', 'admin'], ok: 200 },
  ];

  for (const row of matrix) {
    for (const role of ROLES) {
      const allowed = row.allowed.includes(role);
      it(`${row.family} × ${role} → ${allowed ? 'allowed' : 'refused'}`, async () => {
        const [method, path, body] = row.call();
        let req = (api.http as any)[method](path);
        const token = tokenOf(role);
        if (token) req = req.set(bearer(token));
        const res = body ? await req.send(body) : await req;
        if (allowed) expect(res.status).toBe(row.ok);
        else expect(res.status).toBe(token ? 403 : 401);
      });
    }
  }

  it("a personal link shows its own data and nobody else's", async () => {
    const me = await api.http.get('/me').set(bearer(gadm.token)).expect(200);
    expect(me.body.participant.id).toBe(gadm.id);
    expect(me.body.demands.map((d: { externalId: string }) => d.externalId)).toEqual(['D-NABON']);
    // The matrix above re-issued the other participant's link, so take the current one.
    other.token = (await api.http.post(`/events/${ev}/participants/${other.id}/access-link`).set(bearer(api.tokens.admin))).body.token;
    const them = await api.http.get('/me').set(bearer(other.token)).expect(200);
    expect(them.body.demands.map((d: { externalId: string }) => d.externalId)).toEqual(['D-MACHALA']);
    expect(JSON.stringify(me.body)).not.toContain('D-MACHALA');
    // The token is stored hashed for look-up and sealed (encrypted) for re-sending, never in clear.
    const [row] = await api.query('SELECT token_hash, token_sealed FROM access_links WHERE participant_id = $1', [gadm.id]);
    expect(row.token_hash).toHaveLength(64);
    expect(`${row.token_hash} ${row.token_sealed}`).not.toContain(gadm.token.slice(3));
  });

  it('issuing a new link revokes the old one; a guessed token is refused', async () => {
    const fresh = (await api.http.post(`/events/${ev}/participants/${gadm.id}/access-link`).set(bearer(api.tokens.admin)).expect(201)).body
      .token;
    await api.http.get('/me').set(bearer(gadm.token)).expect(401);
    await api.http.get('/me').set(bearer(fresh)).expect(200);
    await api.http
      .get('/me')
      .set(bearer('rp_' + 'A'.repeat(43)))
      .expect(401);
    gadm.token = fresh;
  });

  it('organiser passwords are hashed and a wrong password is refused', async () => {
    const [u] = await api.query(`SELECT password_hash FROM users WHERE email = 'admin@rueda.test'`);
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
    await api.http.post('/auth/login').send({ email: 'admin@rueda.test', password: 'nope' }).expect(401);
  });
});

describe('rate limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_PER_MINUTE: '3', ACCESS_LINK_RATE_PER_MINUTE: '4' });
  });
  afterAll(async () => {
    delete process.env.LOGIN_RATE_PER_MINUTE;
    delete process.env.ACCESS_LINK_RATE_PER_MINUTE;
    await api?.close();
  });

  it('limits login attempts per minute with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.http.post('/auth/login').send({ email: 'x@y.ec', password: 'bad' })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('limits access-link calls per minute with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.http.get('/me').set(bearer('rp_guess' + i))).status);
    expect(statuses.filter((s) => s === 429).length).toBe(2);
  });

  it('counts /me per participant, not per address: one venue Wi-Fi, everybody keeps their agenda', async () => {
    // Every request of this test comes from the same address (127.0.0.1), whose budget the guesses above spent.
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT).expect(201)).body.id;
    const link = async (externalId: string) => {
      const id = (
        await api.http.post(`/events/${ev}/participants`).set(bearer(api.tokens.admin)).send({ externalId, kind: 'gadm', name: externalId })
      ).body.id;
      return (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(bearer(api.tokens.admin)).expect(201)).body.token;
    };
    const [ana, beto] = [await link('0104'), await link('0101')];
    const anaStatuses: number[] = [];
    for (let i = 0; i < 5; i++) anaStatuses.push((await api.http.get('/me').set(bearer(ana))).status);
    expect(anaStatuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await api.http.get('/me').set(bearer(ana)).expect(429);
    expect(refused.body).toMatchObject({
      error: 'rate_limited',
      messages: { es: expect.stringMatching(/^Demasiadas solicitudes/), en: expect.stringMatching(/^Too many requests/) },
    });
    // Another participant behind the same address is not affected.
    await api.http.get('/me').set(bearer(beto)).expect(200);
    await api.http.get('/me/meetings').set(bearer(beto)).expect(200);
  });
});
