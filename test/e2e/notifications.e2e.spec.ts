import { bearer, eventually, TestApi } from '../support/api';
import { sessionAroundNow } from '../support/sessions';
import type { ReceivedMail, TestSmtp } from '../support/smtp';
import { startMailingApi } from '../support/mailing-api';

/**
 * Notifications read back from a real SMTP server: requests, answers, a digest, the published
 * agenda, a no-show on the day; each participant gets only its own data.
 */
describe('notifications by email', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let ev: string;
  const p: Record<string, { id: string; token: string; email: string }> = {};
  const admin = () => bearer(api.tokens.admin);
  const names: Record<string, string> = {
    cuenca: 'GAD Municipal de Cuenca',
    loja: 'GAD Municipal de Loja',
    jica: 'JICA Ecuador',
    giz: 'GIZ Cooperación Alemana',
  };

  beforeAll(async () => {
    ({ smtp, api } = await startMailingApi({
      NOTIFY_DIGEST_SECONDS: '0.6',
    }));
    const { timeZone, session } = sessionAroundNow(120);
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ name: 'Jornada Hoy', timeZone, sessions: [session], tableCount: 4 })
        .expect(201)
    ).body.id;
    for (const [key, externalId, kind] of [
      ['cuenca', '0101', 'gadm'],
      ['loja', '1101', 'gadm'],
      ['jica', 'JICA', 'cooperant'],
      ['giz', 'GIZ', 'cooperant'],
    ] as const) {
      const email = `${key}@rueda.test`;
      const id = (
        await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: names[key], email }).expect(201)
      ).body.id;
      const token = (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin()).expect(201)).body.token;
      p[key] = { id, token, email };
    }
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const me = (key: string) => bearer(p[key].token);
  const mailsTo = (key: string) => smtp.to(p[key].email);
  const nextMail = async (key: string, after: number): Promise<ReceivedMail> => eventually(async () => mailsTo(key)[after], 30_000, 50);
  /** No participant's email names another participant's id, nor anybody but its counterparts. */
  const onlyOwn = (m: ReceivedMail, key: string, counterparts: string[]) => {
    const body = `${m.mail.subject}\n${m.mail.text}\n${m.mail.html}`;
    for (const other of Object.keys(p)) {
      expect(body).not.toContain(p[other].id);
      if (other !== key && !counterparts.includes(other)) expect(body).not.toContain(names[other]);
    }
  };

  it('a request reaches the asked participant only, and the answer reaches the requester', async () => {
    const jicaBefore = mailsTo('jica').length;
    const req = (await api.http.post('/me/requests').set(me('cuenca')).send({ counterpartId: p.jica.id }).expect(201)).body;
    const got = await nextMail('jica', jicaBefore);
    expect(got.mail.subject).toBe('Nueva solicitud de reunión / New meeting request · Jornada Hoy');
    expect(got.mail.text).toContain('GAD Municipal de Cuenca le solicita una reunión. Respóndala desde su enlace personal.');
    expect(got.mail.text).toContain('GAD Municipal de Cuenca asks you for a meeting.');
    expect(got.mail.text).toContain(`https://rueda.test/app/a/${p.jica.token}`);
    onlyOwn(got, 'jica', ['cuenca']);
    expect(mailsTo('cuenca')).toHaveLength(0);

    await api.http.post(`/me/requests/${req.id}/accept`).set(me('jica')).send({ version: req.version }).expect(200);
    const answer = await nextMail('cuenca', 0);
    expect(answer.mail.subject).toBe('Solicitud aceptada / Request accepted · Jornada Hoy');
    expect(answer.mail.text).toContain('JICA Ecuador aceptó su solicitud de reunión.');
    onlyOwn(answer, 'cuenca', ['jica']);
  });

  it('several changes within the window arrive as one digest', async () => {
    const before = mailsTo('giz').length;
    await api.http.post('/me/requests').set(me('cuenca')).send({ counterpartId: p.giz.id }).expect(201);
    await api.http.post('/me/requests').set(me('loja')).send({ counterpartId: p.giz.id }).expect(201);
    const digest = await nextMail('giz', before);
    expect(digest.mail.subject).toBe('Resumen: 2 novedades / Digest: 2 updates · Jornada Hoy');
    expect(digest.mail.text).toContain('GAD Municipal de Cuenca le solicita una reunión');
    expect(digest.mail.text).toContain('GAD Municipal de Loja le solicita una reunión');
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo('giz')).toHaveLength(before + 1);
  });

  it('a participant who turns email off is not emailed, and the organisers see why', async () => {
    expect((await api.http.put('/me/notifications/preferences').set(me('loja')).send({ email: false }).expect(200)).body).toEqual({
      email: false,
      push: true,
    });
    const loja = (await api.http.get('/me/meetings').set(me('loja')).expect(200)).body[0];
    await api.http.post(`/me/requests/${loja.id}/decline`).set(me('giz')).send({}).expect(200);
    const seen = await eventually(async () => {
      const r = (await api.http.get(`/events/${ev}/participants/${p.loja.id}/notifications`).set(admin()).expect(200)).body;
      return r.items.find((n: { kind: string; status: string }) => n.kind === 'request.declined' && n.status === 'sent');
    });
    expect(seen.channels.email).toBe('skipped: email desactivado por el participante / email turned off by the participant');
    expect(mailsTo('loja')).toHaveLength(0);
  });

  it('the published agenda reaches every participant with its own meetings only', async () => {
    await api.http.post(`/me/requests`).set(me('loja')).send({ counterpartId: p.jica.id }).expect(201);
    const open = (await api.http.get('/me/meetings').set(me('giz')).expect(200)).body.find(
      (m: { status: string }) => m.status === 'requested',
    );
    const accepted = mailsTo('cuenca').length;
    await api.http.post(`/me/requests/${open.id}/accept`).set(me('giz')).send({}).expect(200);
    await nextMail('cuenca', accepted);
    // The session started half an hour ago: plan only the slots ahead.
    const slots = (await api.http.get(`/events/${ev}/slots`).set(admin())).body as { id: string; startsAt: string }[];
    const gone = slots.filter((x) => new Date(x.startsAt).getTime() < Date.now() + 20 * 60_000).map((x) => x.id);
    for (const k of Object.keys(p))
      await api.http.put(`/events/${ev}/participants/${p[k].id}/unavailability`).set(admin()).send({ slotIds: gone }).expect(200);
    const before = Object.fromEntries(Object.keys(p).map((k) => [k, mailsTo(k).length]));
    const v = (await api.http.post(`/events/${ev}/schedules`).set(admin()).send({ timeLimitSeconds: 1, minMeetingsPerGadm: 0 }).expect(201))
      .body;
    await eventually(async () =>
      (await api.http.get(`/events/${ev}/schedules/${v.id}`).set(admin())).body.status === 'draft' ? true : undefined,
    );
    await api.http.post(`/events/${ev}/schedules/${v.id}/publish`).set(admin()).expect(200);
    const cuenca = await nextMail('cuenca', before.cuenca);
    expect(cuenca.mail.subject).toBe('Su agenda de reuniones / Your meeting schedule · Jornada Hoy');
    expect(cuenca.mail.text).toMatch(/Se publicó la agenda de reuniones\. Tiene 2 reuniones:/);
    expect(cuenca.mail.text).toMatch(/- \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}–\d{2}:\d{2} · mesa \d · con JICA Ecuador/);
    expect(cuenca.mail.text).toMatch(/· mesa \d · con GIZ Cooperación Alemana/);
    onlyOwn(cuenca, 'cuenca', ['jica', 'giz']);
    const giz = await nextMail('giz', before.giz);
    expect(giz.mail.text).toMatch(/Tiene 1 reunión:/);
    onlyOwn(giz, 'giz', ['cuenca']);
    // Loja turned email off: nothing, though its agenda was recorded for it.
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsTo('loja')).toHaveLength(0);
  }, 90_000);

  it('on the day, a no-show is announced to both sides without saying who was absent', async () => {
    const mine = (await api.http.get('/me/meetings').set(me('cuenca')).expect(200)).body as {
      id: string;
      status: string;
      counterpartId: string;
    }[];
    const target = mine.find((m) => m.status === 'scheduled' && m.counterpartId === p.jica.id)!;
    const before = { cuenca: mailsTo('cuenca').length, jica: mailsTo('jica').length };
    await api.http.post(`/events/${ev}/live/meetings/${target.id}/status`).set(admin()).send({ status: 'no_show' }).expect(200);
    for (const [key, other] of [
      ['cuenca', 'JICA Ecuador'],
      ['jica', 'GAD Municipal de Cuenca'],
    ]) {
      const m = await nextMail(key, before[key as 'cuenca' | 'jica']);
      // Alone, or in a digest with the replacement the recovery placed in the freed table at once.
      expect(m.mail.subject).toMatch(
        /^(Reunión no realizada \/ Meeting not held|Resumen: 2 novedades \/ Digest: 2 updates) · Jornada Hoy$/,
      );
      expect(m.mail.text).toContain(`Su reunión con ${other} (`);
      expect(m.mail.text).toContain('se registró como no realizada');
      expect(m.mail.text).not.toMatch(/no (se presentó|asistió)|did not (come|show)/i);
    }
  });
});
