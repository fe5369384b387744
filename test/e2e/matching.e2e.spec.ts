import { bearer, runMatchingToCompletion, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

describe('matching as a BullMQ job, with reasons and overrides', () => {
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
    ids.nabon = await post('participants', { externalId: '0104', kind: 'gadm', name: 'GAD Municipal de Nabón' });
    ids.manta = await post('participants', { externalId: '1308', kind: 'gadm', name: 'GAD Municipal de Manta' });
    ids.jica = await post('participants', { externalId: 'JICA', kind: 'cooperant', name: 'JICA', tipo: 'BILATERAL' });
    ids.caf = await post('participants', { externalId: 'CAF', kind: 'cooperant', name: 'CAF', tipo: 'MULTILATERAL' });
    ids.dWater = await post('demands', {
      participantId: ids.nabon,
      externalId: 'D-AGUA',
      title: 'Planta de agua potable',
      description: 'Estudios para la planta de tratamiento de agua potable',
      sectors: ['AGUA'],
      modalidades: ['ASIST_TEC'],
      amountUsd: 250000,
    });
    ids.dWaste = await post('demands', {
      participantId: ids.manta,
      externalId: 'D-BASURA',
      title: 'Manejo de la basura',
      description: 'Reciclaje y cierre del botadero de desechos',
    });
    ids.oWater = await post('offers', {
      participantId: ids.caf,
      externalId: 'O-CAF-AGUA',
      title: 'Preinversión en agua y saneamiento',
      description: 'Asistencia técnica para agua potable',
      sectors: ['AGUA'],
      modalidades: ['ASIST_TEC', 'CREDITO'],
      minAmountUsd: 50000,
      maxAmountUsd: 2000000,
    });
    ids.oWaste = await post('offers', {
      participantId: ids.jica,
      externalId: 'O-JICA-RES',
      title: 'Gestión integral de residuos sólidos',
      description: 'Voluntarios y capacitación en residuos sólidos y reciclaje',
      sectors: ['RESIDUOS'],
      modalidades: ['VOLUNTARIADO', 'CAPACITACION'],
    });
  });
  afterAll(async () => api?.close());

  const runToCompletion = () => runMatchingToCompletion(api, ev);

  it('scores the event on the worker and lists the best offer first with checkable reasons', async () => {
    const run = await runToCompletion();
    const res = await api.http.get(`/events/${ev}/matches?demandId=${ids.dWater}`).set(bearer(api.tokens.staff)).expect(200);
    expect(res.body.run.id).toBe(run.id);
    expect(res.body.items[0]).toMatchObject({ offerId: ids.oWater, rank: 1, demandTitle: 'Planta de agua potable', cooperantName: 'CAF' });
    expect(res.body.items[0].reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'sector', detail: expect.stringContaining('Agua potable') })]),
    );
    // A text-only demand about "basura" and "desechos" still finds the waste offer.
    const waste = await api.http.get(`/events/${ev}/matches?demandId=${ids.dWaste}`).set(admin()).expect(200);
    expect(waste.body.items[0].offerId).toBe(ids.oWaste);
  });

  it('recommends counterparts per participant, aggregated over its demands, to organisers and to the participant', async () => {
    const res = await api.http.get(`/events/${ev}/participants/${ids.nabon}/recommendations`).set(admin()).expect(200);
    expect(res.body.items[0]).toMatchObject({ counterpartId: ids.caf, counterpartName: 'CAF', rank: 1 });
    expect(res.body.items[0].pairs[0]).toMatchObject({ demand: ids.dWater, offer: ids.oWater });
    const link = (await api.http.post(`/events/${ev}/participants/${ids.jica}/access-link`).set(admin())).body.token;
    const mine = await api.http.get('/me/recommendations').set(bearer(link)).expect(200);
    expect(mine.body.items[0]).toMatchObject({ counterpartId: ids.manta, counterpartKind: 'gadm' });
  });

  it('asking again for the same data reuses the run instead of scoring twice', async () => {
    const a = (await api.http.post(`/events/${ev}/matching/runs`).set(admin()).send({}).expect(201)).body;
    const b = (await api.http.post(`/events/${ev}/matching/runs`).set(admin()).send({}).expect(201)).body;
    expect(b.id).toBe(a.id);
    const [{ n }] = await api.query('SELECT count(*)::int AS n FROM match_runs WHERE event_id = $1', [ev]);
    expect(n).toBe(1);
  });

  it('a blocked pair disappears and a pinned pair appears after re-scoring', async () => {
    await api.http
      .put(`/events/${ev}/pair-overrides`)
      .set(admin())
      .send({ demandId: ids.dWater, offerId: ids.oWater, mode: 'block' })
      .expect(200);
    await api.http
      .put(`/events/${ev}/pair-overrides`)
      .set(admin())
      .send({ demandId: ids.dWater, offerId: ids.oWaste, mode: 'pin' })
      .expect(200);
    const run = await runToCompletion();
    const res = await api.http.get(`/events/${ev}/matches?demandId=${ids.dWater}`).set(admin()).expect(200);
    expect(res.body.run.id).toBe(run.id);
    const offers = res.body.items.map((i: { offerId: string }) => i.offerId);
    expect(offers).not.toContain(ids.oWater);
    expect(res.body.items[0]).toMatchObject({ offerId: ids.oWaste, override: 'pin' });
    expect(res.body.items[0].reasons[0].kind).toBe('pin');
  });

  it('refuses overrides on unknown pairs, naming the field', async () => {
    const res = await api.http
      .put(`/events/${ev}/pair-overrides`)
      .set(admin())
      .send({ demandId: ids.oWater, offerId: ids.oWater, mode: 'pin' })
      .expect(400);
    expect(res.body.fields[0].path).toBe('demandId');
  });
});
