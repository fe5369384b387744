import { bearer, runMatchingToCompletion, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

interface Row {
  offerId: string;
  rank: number;
  reasons: Array<{ kind: string; detail: string; detailEn?: string }>;
}

// Two cooperants with the same water offer: by data alone they tie (JICA's offer sorts first).
// Earlier requests to KfW were accepted and to JICA declined; learning from the event puts KfW
// first for a third GADM's water demand, says why, and can be switched off.
describe('learning from the event: answered requests adjust later recommendations', () => {
  let api: TestApi;
  let ev: string;
  const ids: Record<string, string> = {};
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT)).body.id;
    const post = async (path: string, body: object) =>
      (await api.http.post(`/events/${ev}/${path}`).set(admin()).send(body).expect(201)).body.id as string;
    ids.kfw = await post('participants', { externalId: 'KFW', kind: 'cooperant', name: 'KfW', tipo: 'BILATERAL' });
    ids.jica = await post('participants', { externalId: 'JICA', kind: 'cooperant', name: 'JICA', tipo: 'BILATERAL' });
    for (const [key, code, name] of [
      ['g1', '0104', 'GAD Municipal de Nabón'],
      ['g2', '0105', 'GAD Municipal de Paute'],
      ['g3', '0106', 'GAD Municipal de Pucará'],
    ]) {
      ids[key] = await post('participants', { externalId: code, kind: 'gadm', name });
      ids[`d${key}`] = await post('demands', {
        participantId: ids[key],
        externalId: `D-${code}`,
        title: 'Agua potable para la cabecera cantonal',
        description: 'Ampliación de la red de agua potable',
        sectors: ['AGUA'],
      });
    }
    for (const [key, coop] of [
      ['oJica', 'jica'],
      ['oKfw', 'kfw'],
    ]) {
      ids[key] = await post('offers', {
        participantId: ids[coop],
        externalId: `O-${coop.toUpperCase()}-AGUA`,
        title: 'Agua potable y saneamiento',
        description: 'Asistencia técnica para sistemas de agua potable',
        sectors: ['AGUA'],
      });
    }
  });
  afterAll(async () => api?.close());

  const runToCompletion = () => runMatchingToCompletion(api, ev);
  const matchesOf = async (demandId: string): Promise<Row[]> =>
    (await api.http.get(`/events/${ev}/matches?demandId=${demandId}`).set(admin()).expect(200)).body.items;
  const answer = async (requesterId: string, counterpartId: string, demandId: string, offerId: string, verb: 'accept' | 'decline') => {
    const req = (
      await api.http
        .post(`/events/${ev}/meetings/requests`)
        .set(admin())
        .send({ requesterId, counterpartId, demandId, offerId })
        .expect(201)
    ).body;
    await api.http.post(`/events/${ev}/meetings/${req.id}/${verb}`).set(admin()).send({}).expect(200);
  };
  let first: { id: string };

  it('learns from accepted and declined requests and explains the change', async () => {
    first = await runToCompletion();
    expect((await matchesOf(ids.dg3)).map((r) => r.offerId)).toEqual([ids.oJica, ids.oKfw]);

    for (const g of ['g1', 'g2']) {
      await answer(ids[g], ids.kfw, ids[`d${g}`], ids.oKfw, 'accept');
      await answer(ids[g], ids.jica, ids[`d${g}`], ids.oJica, 'decline');
    }
    expect((await api.http.get(`/events/${ev}/matching/runs/latest`).set(admin())).body.stale).toBe(true);
    const second = await runToCompletion();
    expect(second.id).not.toBe(first.id);

    const rows = await matchesOf(ids.dg3);
    expect(rows.map((r) => r.offerId)).toEqual([ids.oKfw, ids.oJica]);
    expect(rows[0].reasons).toContainEqual({
      kind: 'feedback',
      detail: 'Aprendido en este evento: KfW aceptó 2 de 2 solicitudes sobre Agua potable y saneamiento (+0,07)',
      detailEn: 'Learnt at this event: KfW accepted 2 of 2 requests on Water and sanitation (+0.07)',
    });
    expect(rows[1].reasons).toContainEqual(
      expect.objectContaining({ kind: 'feedback', detail: expect.stringContaining('JICA aceptó 0 de 2') }),
    );
    // Asking again without new answers reuses the run.
    expect((await api.http.post(`/events/${ev}/matching/runs`).set(admin()).send({}).expect(201)).body.id).toBe(second.id);
  });

  it('reports the share of requests from the top five and the acceptance rate by rank', async () => {
    const r = (await api.http.get(`/events/${ev}/matching/report`).set(bearer(api.tokens.staff)).expect(200)).body;
    expect(r).toMatchObject({ learnFromRequests: true, requests: 4, top: 5, fromTop: 4, shareFromTop: 1 });
    // The requests were sent while the first run was the newest: JICA ranked 1st, KfW 2nd.
    const by = Object.fromEntries(r.byRank.map((b: { rank: string }) => [b.rank, b]));
    expect(by['1']).toEqual({ rank: '1', requests: 2, decided: 2, accepted: 0, acceptanceRate: 0 });
    expect(by['2']).toEqual({ rank: '2', requests: 2, decided: 2, accepted: 2, acceptanceRate: 1 });
    expect(by.none.requests).toBe(0);
  });

  it('can be switched off for the event', async () => {
    const event = (await api.http.get(`/events/${ev}`).set(admin()).expect(200)).body;
    await api.http
      .patch(`/events/${ev}`)
      .set(admin())
      .send({ version: event.version, settings: { learnFromRequests: false } })
      .expect(200);
    await runToCompletion();
    const rows = await matchesOf(ids.dg3);
    expect(rows.map((r) => r.offerId)).toEqual([ids.oJica, ids.oKfw]);
    expect(rows.flatMap((r) => r.reasons).some((x) => x.kind === 'feedback')).toBe(false);
    const r = (await api.http.get(`/events/${ev}/matching/report`).set(admin()).expect(200)).body;
    expect(r.learnFromRequests).toBe(false);
  });
});
