import { bearer, eventually, SAMPLE_EVENT, TestApi } from '../support/api';
import type { TestSmtp } from '../support/smtp';
import { startMailingApi } from '../support/mailing-api';

/** Participants keep their own data through their link; organisers review; new cooperants register. */
describe('self-service through the personal link, review queue, public registration', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let ev: string;
  let eventVersion: number;
  const p: Record<string, { id: string; token: string }> = {};
  const admin = () => bearer(api.tokens.admin);
  const me = (k: string) => bearer(p[k].token);
  const dataVersion = async () => (await api.query(`SELECT data_version FROM events WHERE id = $1`, [ev]))[0].data_version as number;

  beforeAll(async () => {
    ({ smtp, api } = await startMailingApi({
      NOTIFY_DIGEST_SECONDS: '0.3',
    }));
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ ...SAMPLE_EVENT, settings: { selfServiceDeadline: deadline } })
        .expect(201)
    ).body;
    ev = created.id;
    eventVersion = created.version;
    for (const [key, externalId, kind] of [
      ['cuenca', '0101', 'gadm'],
      ['loja', '1101', 'gadm'],
      ['jica', 'JICA', 'cooperant'],
    ] as const) {
      const id = (
        await api.http
          .post(`/events/${ev}/participants`)
          .set(admin())
          .send({ externalId, kind, name: externalId, email: `${key}@rueda.test` })
          .expect(201)
      ).body.id;
      p[key] = { id, token: (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin()).expect(201)).body.token };
    }
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  it('shows the participant its own data and the deadline', async () => {
    const r = (await api.http.get('/me/profile').set(me('cuenca')).expect(200)).body;
    expect(r.participant).toMatchObject({ id: p.cuenca.id, externalId: '0101', name: '0101', kind: 'gadm' });
    expect(r.window.open).toBe(true);
    expect(r.availability.slots.length).toBeGreaterThan(0);
  });

  it('validates every field with messages in Spanish and English, like the import', async () => {
    const version = (await api.http.get('/me/profile').set(me('cuenca')).expect(200)).body.participant.version;
    const bad = (
      await api.http
        .patch('/me/profile')
        .set(me('cuenca'))
        .send({ version, email: 'no-es-correo', parallel: 0, kind: 'cooperant' })
        .expect(400)
    ).body;
    const by = Object.fromEntries(bad.fields.map((i: { path: string; es: string; en: string }) => [i.path, `${i.es} / ${i.en}`]));
    expect(by).toEqual({
      email: 'correo electrónico inválido / invalid email address',
      parallel: 'debe ser ≥ 1 / must be ≥ 1',
      kind: 'campo desconocido / unknown field',
    });
    const demand = (
      await api.http
        .post('/me/profile/demands')
        .set(me('cuenca'))
        .send({ title: '', sectors: ['AGUA', 'NOPE'], amountUsd: -5, deadline: '31/12/2026' })
        .expect(400)
    ).body;
    const d = Object.fromEntries(demand.fields.map((i: { path: string; es: string; en: string }) => [i.path, `${i.es} / ${i.en}`]));
    expect(d).toEqual({
      title: 'no puede estar vacío / cannot be empty',
      'sectors.1': 'código de sector desconocido: NOPE / unknown sector code: NOPE',
      amountUsd: 'debe ser ≥ 0 / must be ≥ 0',
      deadline: 'fecha inválida (AAAA-MM-DD) / invalid date (YYYY-MM-DD)',
    });
  });

  it('records each change with an audit record and raises the data version', async () => {
    const v0 = await dataVersion();
    const created = (
      await api.http
        .post('/me/profile/demands')
        .set(me('cuenca'))
        .send({ title: 'Planta de tratamiento de aguas residuales', sectors: ['AGUA'], modalidades: ['FIN_NR'], amountUsd: 1550000 })
        .expect(201)
    ).body;
    expect(created).toMatchObject({ externalId: '0101-D1', participantId: p.cuenca.id, amountUsd: 1550000 });
    expect(await dataVersion()).toBeGreaterThan(v0);
    const v1 = await dataVersion();
    const updated = (
      await api.http
        .patch(`/me/profile/demands/${created.id}`)
        .set(me('cuenca'))
        .send({ version: created.version, amountUsd: 1200000 })
        .expect(200)
    ).body;
    expect(updated.amountUsd).toBe(1200000);
    expect(await dataVersion()).toBeGreaterThan(v1);
    await api.http
      .patch(`/me/profile/demands/${created.id}`)
      .set(me('cuenca'))
      .send({ version: created.version, amountUsd: 1 })
      .expect(409);
    const slots = (await api.http.get('/me/profile').set(me('cuenca')).expect(200)).body.availability.slots;
    await api.http
      .put('/me/profile/availability')
      .set(me('cuenca'))
      .send({ unavailableSlotIds: [slots[0].id] })
      .expect(200);
    const delegate = (
      await api.http
        .post('/me/profile/delegates')
        .set(me('cuenca'))
        .send({ fullName: 'Ana Pérez', role: 'Directora de Planificación', email: 'ana@cuenca.test' })
        .expect(201)
    ).body;
    expect(delegate.externalId).toBe('0101-P1');

    const queue = (await api.http.get(`/events/${ev}/reviews`).set(admin()).expect(200)).body;
    expect(queue.participants).toHaveLength(1);
    const changes = queue.participants[0].changes as {
      entity: string;
      action: string;
      before: { amountUsd?: number } | null;
      after: { amountUsd?: number } | null;
      actor: string;
    }[];
    expect(changes.map((c) => `${c.entity}:${c.action}`).sort()).toEqual([
      'availability:update',
      'delegate:create',
      'demand:create',
      'demand:update',
    ]);
    const upd = changes.find((c) => c.entity === 'demand' && c.action === 'update')!;
    expect([upd.before?.amountUsd, upd.after?.amountUsd, upd.actor]).toEqual([1550000, 1200000, 'participant']);
  });

  it('refuses another participant’s records with 404 and the wrong kind of record with 403', async () => {
    const mine = (await api.http.get('/me/profile').set(me('cuenca')).expect(200)).body.demands[0];
    await api.http.patch(`/me/profile/demands/${mine.id}`).set(me('loja')).send({ version: mine.version, title: 'x' }).expect(404);
    await api.http.delete(`/me/profile/demands/${mine.id}`).set(me('loja')).expect(404);
    await api.http.patch(`/me/profile/nothing/${mine.id}`).set(me('loja')).send({}).expect(404);
    const wrong = (await api.http.post('/me/profile/demands').set(me('jica')).send({ title: 'x' }).expect(403)).body;
    expect(wrong.messages.es).toContain('Las demandas son de los GADM');
  });

  it('organisers return changes with a comment (the participant is emailed) or approve them', async () => {
    const before = smtp.to('cuenca@rueda.test').length;
    await api.http
      .post(`/events/${ev}/reviews/${p.cuenca.id}/return`)
      .set(admin())
      .send({ comment: 'Indique el monto en dólares sin centavos' })
      .expect(200);
    const mail = await eventually(async () => smtp.to('cuenca@rueda.test')[before]);
    expect(mail.mail.subject).toBe(`Revise sus datos / Please review your data · ${SAMPLE_EVENT.name}`);
    expect(mail.mail.text).toContain('«Indique el monto en dólares sin centavos»');
    const r = (await api.http.get('/me/profile').set(me('cuenca')).expect(200)).body;
    expect(r.review.returned).toMatchObject({ count: 4, comment: 'Indique el monto en dólares sin centavos' });
    await api.http.post(`/events/${ev}/reviews/${p.cuenca.id}/approve`).set(admin()).send({}).expect(409);
    const mine = r.demands[0];
    await api.http
      .patch(`/me/profile/demands/${mine.id}`)
      .set(me('cuenca'))
      .send({ version: mine.version, amountUsd: 1200000 })
      .expect(200);
    expect((await api.http.post(`/events/${ev}/reviews/${p.cuenca.id}/approve`).set(admin()).send({}).expect(200)).body).toEqual({
      status: 'approved',
      changes: 1,
    });
    expect((await api.http.get(`/events/${ev}/reviews`).set(admin()).expect(200)).body.participants).toEqual([]);
  });

  it('an offer changed so its amounts are reversed is a 400 naming maxAmountUsd (it was a 500)', async () => {
    const offer = (
      await api.http.post('/me/profile/offers').set(me('jica')).send({ title: 'Becas', minAmountUsd: 10, maxAmountUsd: 20 }).expect(201)
    ).body;
    const bad = (
      await api.http.patch(`/me/profile/offers/${offer.id}`).set(me('jica')).send({ version: offer.version, minAmountUsd: 30 }).expect(400)
    ).body;
    expect(bad.fields).toEqual([{ path: 'maxAmountUsd', es: 'debe ser ≥ minAmountUsd', en: 'must be ≥ minAmountUsd' }]);
  });

  it('after the deadline edits get 403 with the reason in Spanish and English', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    eventVersion = (
      await api.http
        .patch(`/events/${ev}`)
        .set(admin())
        .send({ version: eventVersion, settings: { selfServiceDeadline: past } })
        .expect(200)
    ).body.version;
    const r = (await api.http.post('/me/profile/delegates').set(me('loja')).send({ fullName: 'Tarde' }).expect(403)).body;
    expect(r.error).toBe('self_service_closed');
    expect(r.messages.es).toMatch(/^El plazo para modificar sus datos terminó el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(America\/Guayaquil\)/);
    expect(r.messages.en).toMatch(/^The deadline to change your data was /);
    expect((await api.http.get('/me/profile').set(me('loja')).expect(200)).body.window.open).toBe(false);
  });

  it('a cooperant not in the catalogue registers publicly; the organisers approve it and it is invited', async () => {
    const url = `/public/events/${ev}/registration`;
    const form = {
      name: 'Fundación Agua Viva',
      acronym: 'FAV',
      email: 'contacto@aguaviva.test',
      contact: { fullName: 'María López', role: 'Directora' },
      offers: [
        {
          title: 'Asistencia técnica en agua potable rural',
          sectors: ['AGUA'],
          modalidades: ['ASIST_TEC'],
          minAmountUsd: 10000,
          maxAmountUsd: 50000,
        },
      ],
    };
    expect((await api.http.get(url).expect(200)).body.open).toBe(false);
    await api.http.post(url).send(form).expect(403);
    eventVersion = (
      await api.http
        .patch(`/events/${ev}`)
        .set(admin())
        .send({ version: eventVersion, settings: { registrationOpen: true } })
        .expect(200)
    ).body.version;
    const bad = (
      await api.http
        .post(url)
        .send({ ...form, offers: [{ ...form.offers[0], sectors: ['XX'], minAmountUsd: 60000 }] })
        .expect(400)
    ).body;
    expect(bad.fields.map((i: { path: string }) => i.path).sort()).toEqual(['offers.0.maxAmountUsd', 'offers.0.sectors.0']);
    const before = smtp.to('contacto@aguaviva.test').length;
    const reg = (await api.http.post(url).send(form).expect(201)).body;
    expect(reg.status).toBe('pending');
    const ack = await eventually(async () => smtp.to('contacto@aguaviva.test')[before]);
    expect(ack.mail.subject).toBe(`Recibimos su registro / We received your registration · ${SAMPLE_EVENT.name}`);
    const pending = (await api.http.get(`/events/${ev}/registrations`).set(admin()).expect(200)).body;
    expect(pending.map((r: { id: string }) => r.id)).toEqual([reg.id]);
    const participant = (await api.http.post(`/events/${ev}/registrations/${reg.id}/approve`).set(admin()).expect(200)).body;
    expect(participant).toMatchObject({ externalId: 'FAV', kind: 'cooperant', name: 'Fundación Agua Viva' });
    await api.http.post(`/events/${ev}/registrations/${reg.id}/approve`).set(admin()).expect(409);
    const invitation = await eventually(async () => smtp.to('contacto@aguaviva.test')[before + 1]);
    expect(invitation.mail.subject).toContain('Invitación y enlace personal');
    const token = /https:\/\/rueda\.test\/app\/a\/(rp_[\w-]+)/.exec(invitation.mail.text!)![1];
    const mine = (await api.http.get('/me').set(bearer(token)).expect(200)).body;
    expect(mine.participant.id).toBe(participant.id);
    expect(mine.offers.map((o: { externalId: string; maxAmountUsd: number }) => [o.externalId, o.maxAmountUsd])).toEqual([
      ['FAV-O1', 50000],
    ]);
  });
});
