import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

describe('meeting requests: ask, accept, decline, expire, caps and mutual interest', () => {
  let api: TestApi;
  let ev: string;
  const p: Record<string, { id: string; token: string }> = {};
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    api = await startTestApi();
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ ...SAMPLE_EVENT, settings: { maxOpenRequests: 2, requestExpiryHours: 24 } })
    ).body.id;
    for (const [key, externalId, kind] of [
      ['nabon', '0104', 'gadm'],
      ['manta', '1308', 'gadm'],
      ['loja', '1101', 'gadm'],
      ['jica', 'JICA', 'cooperant'],
      ['caf', 'CAF', 'cooperant'],
      ['giz', 'GIZ', 'cooperant'],
    ]) {
      const id = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: externalId }).expect(201))
        .body.id;
      const token = (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin())).body.token;
      p[key] = { id, token };
    }
  });
  afterAll(async () => api?.close());

  const ask = (from: string, to: string) => api.http.post('/me/requests').set(bearer(p[from].token)).send({ counterpartId: p[to].id });

  it('a GADM asks a cooperant, which accepts; the meeting gets a weight', async () => {
    const req = (await ask('nabon', 'jica').expect(201)).body;
    expect(req).toMatchObject({ status: 'requested', participantAId: p.nabon.id, participantBId: p.jica.id });
    expect(new Date(req.expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    // Only the counterpart may answer.
    await api.http.post(`/me/requests/${req.id}/accept`).set(bearer(p.nabon.token)).send({}).expect(403);
    const ok = (await api.http.post(`/me/requests/${req.id}/accept`).set(bearer(p.jica.token)).send({ version: req.version }).expect(200))
      .body;
    expect(ok.status).toBe('accepted');
    expect(ok.weight).toBeGreaterThanOrEqual(1);
    // It shows in both participants' lists and nobody else's.
    const mine = (await api.http.get('/me/meetings').set(bearer(p.jica.token)).expect(200)).body;
    expect(mine.map((m: { id: string }) => m.id)).toContain(req.id);
    const others = (await api.http.get('/me/meetings').set(bearer(p.manta.token)).expect(200)).body;
    expect(others.map((m: { id: string }) => m.id)).not.toContain(req.id);
  });

  it('a second request for the same pair is refused; a declined one can be answered only once', async () => {
    await ask('jica', 'nabon').expect(409);
    const req = (await ask('manta', 'caf').expect(201)).body;
    await api.http.post(`/me/requests/${req.id}/decline`).set(bearer(p.caf.token)).send({}).expect(200);
    const again = await api.http.post(`/me/requests/${req.id}/accept`).set(bearer(p.caf.token)).send({}).expect(409);
    expect(again.body.error).toBe('invalid_transition');
  });

  it('when both sides ask, the meeting is accepted as mutual with a higher weight', async () => {
    await ask('loja', 'giz').expect(201);
    const mutual = (await ask('giz', 'loja').expect(201)).body;
    expect(mutual).toMatchObject({ status: 'accepted', participantAId: p.loja.id });
    expect(mutual.note).toContain('mutual');
    expect(mutual.weight).toBeGreaterThanOrEqual(3);
  });

  it('caps open requests per participant', async () => {
    await ask('manta', 'jica').expect(201);
    await ask('manta', 'giz').expect(201);
    const capped = await ask('manta', 'caf').expect(409);
    expect(capped.body.error).toBe('too_many_open_requests');
    expect(capped.body.messages.es).toContain('máximo 2');
  });

  it('unanswered requests expire and stop blocking the pair', async () => {
    const open = (await api.http.get(`/events/${ev}/meetings?status=requested&participantId=${p.manta.id}`).set(admin())).body.items;
    await api.query(`UPDATE meetings SET expires_at = now() - interval '1 minute' WHERE id = $1`, [open[0].id]);
    const expired = (await api.http.get(`/events/${ev}/meetings?status=expired`).set(admin()).expect(200)).body.items;
    expect(expired.map((m: { id: string }) => m.id)).toContain(open[0].id);
    await api.http.post(`/me/requests/${open[0].id}/accept`).set(bearer(p.jica.token)).send({}).expect(409);
  });

  it('organisers add mandatory meetings; participants cannot meet themselves or their own kind', async () => {
    const m = (
      await api.http
        .post(`/events/${ev}/meetings`)
        .set(admin())
        .send({ participantAId: p.loja.id, participantBId: p.caf.id, mandatory: true })
        .expect(201)
    ).body;
    expect(m).toMatchObject({ status: 'accepted', mandatory: true, origin: 'mandatory', weight: 100 });
    const self = await api.http
      .post(`/events/${ev}/meetings`)
      .set(admin())
      .send({ participantAId: p.loja.id, participantBId: p.loja.id })
      .expect(400);
    expect(self.body.fields[0].path).toBe('participantBId');
    const same = await ask('nabon', 'manta').expect(400);
    expect(same.body.fields[0].path).toBe('counterpartId');
  });

  it('concurrent requests for the same pair leave exactly one', async () => {
    const results = await Promise.all([ask('nabon', 'giz'), ask('nabon', 'giz'), ask('nabon', 'giz')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const [{ n }] = await api.query(`SELECT count(*)::int AS n FROM meetings WHERE participant_a_id = $1 AND participant_b_id = $2`, [
      p.nabon.id,
      p.giz.id,
    ]);
    expect(n).toBe(1);
  });
});
