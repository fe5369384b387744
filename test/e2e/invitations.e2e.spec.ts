import ExcelJS from 'exceljs';
import { bearer, eventually, SAMPLE_EVENT, TestApi } from '../support/api';
import type { TestSmtp } from '../support/smtp';
import { startMailingApi } from '../support/mailing-api';

/** Invitations through a real SMTP server on loopback, read back with mailparser. */
describe('invitations: bulk links, preview, campaign by email, delivery states, export, SMTP trouble', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let ev: string;
  const ids: Record<string, string> = {};
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    ({ smtp, api } = await startMailingApi({
      MAIL_FROM: 'Jornada AME <jornada@ame.test>',
      MAIL_REPLY_TO: 'info@ame.test',
    }));
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ ...SAMPLE_EVENT, settings: { branding: { color: '#0a7c3e', organiser: 'AME' } } })
        .expect(201)
    ).body.id;
    const people: [string, string, 'gadm' | 'cooperant', string | null][] = [
      ['nabon', '0104', 'gadm', 'alcaldia@nabon.test'],
      ['manta', '1308', 'gadm', 'alcaldia@manta.test'],
      ['loja', '1101', 'gadm', null],
      ['jica', 'JICA', 'cooperant', 'ecuador@jica.test'],
      ['giz', 'GIZ', 'cooperant', null],
    ];
    for (const [key, externalId, kind, email] of people)
      ids[key] = (
        await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: externalId, email }).expect(201)
      ).body.id;
    const delegate = (participantId: string, externalId: string, fullName: string, email: string | null) =>
      api.http.post(`/events/${ev}/delegates`).set(admin()).send({ participantId, externalId, fullName, email }).expect(201);
    await delegate(ids.nabon, 'D1', 'Ana Pérez', 'ana@nabon.test');
    await delegate(ids.jica, 'D2', 'Kenji Sato', 'kenji@jica.test');
    // GIZ: only a delegate, whose address was typed wrong (the organiser API refuses it, so write it as an old import would have).
    await delegate(ids.giz, 'D3', 'Eva Braun', null);
    await api.query(`UPDATE delegates SET email = 'eva(at)giz' WHERE external_id = 'D3'`);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const list = async (q = '') => (await api.http.get(`/events/${ev}/invitations?pageSize=100${q}`).set(admin()).expect(200)).body;
  const waitCampaign = (cid: string) =>
    eventually(async () => {
      const c = (await api.http.get(`/events/${ev}/invitations/campaigns/${cid}`).set(admin()).expect(200)).body;
      return c.percent === 100 && c.job?.state === 'completed' ? c : undefined;
    }, 60_000);

  it('issues links in bulk without revoking the one a participant already has', async () => {
    const first = (await api.http.post(`/events/${ev}/participants/${ids.nabon}/access-link`).set(admin()).expect(201)).body.token;
    const r = (await api.http.post(`/events/${ev}/invitations/links`).set(admin()).send({}).expect(200)).body;
    expect(r).toEqual({ issued: 4, existing: 1 });
    await api.http.get('/me').set(bearer(first)).expect(200);
    expect((await api.http.post(`/events/${ev}/invitations/links`).set(admin()).send({}).expect(200)).body).toEqual({
      issued: 0,
      existing: 5,
    });
    const page = await list();
    expect(page.states).toEqual({ opened: 1, never_sent: 4 });
    // Staff may look, not issue.
    await api.http.post(`/events/${ev}/invitations/links`).set(bearer(api.tokens.staff)).send({}).expect(403);
  });

  it('lists missing and invalid addresses before anything is sent', async () => {
    const p = (await api.http.post(`/events/${ev}/invitations/preview`).set(admin()).send({}).expect(200)).body;
    expect(p.total).toBe(5);
    expect(p.recipients.map((r: { name: string }) => r.name).sort()).toEqual(['0104', '1308', 'JICA']);
    expect(p.recipients.find((r: { name: string }) => r.name === '0104').to).toEqual(['alcaldia@nabon.test', 'ana@nabon.test']);
    const skipped = Object.fromEntries(p.skipped.map((s: { name: string; reason: { es: string; en: string } }) => [s.name, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(['1101', 'GIZ']);
    expect(skipped['1101'].es).toContain('sin correo electrónico');
    expect(skipped.GIZ.es).toContain('correo del delegado Eva Braun inválido: «eva(at)giz»');
    expect(skipped.GIZ.en).toContain('invalid email of delegate Eva Braun');
    expect(smtp.received).toHaveLength(0);
  });

  it('sends one bilingual email per participant with its personal link, through the SMTP server, and follows delivery', async () => {
    const sent = (await api.http.post(`/events/${ev}/invitations/send`).set(admin()).send({}).expect(202)).body;
    expect(sent.total).toBe(3);
    expect(sent.skipped).toHaveLength(2);
    const c = await waitCampaign(sent.campaignId);
    expect(c.counts).toEqual({ delivered: 3 });
    expect(c.job.progress).toMatchObject({ phase: 'done', percent: 100, total: 3 });
    await smtp.waitFor(3);
    const [mail] = smtp.to('ana@nabon.test');
    expect(mail.envelopeTo.sort()).toEqual(['alcaldia@nabon.test', 'ana@nabon.test']);
    const m = mail.mail;
    expect(m.subject).toBe(`Invitación y enlace personal / Invitation and personal link · ${SAMPLE_EVENT.name}`);
    expect(m.from?.text).toBe('"Jornada AME" <jornada@ame.test>');
    expect(m.replyTo?.text).toBe('info@ame.test');
    expect(m.text).toMatch(/Hola, 0104:[\s\S]*— English —[\s\S]*Hello, 0104:/);
    expect(m.html).toContain('background:#0a7c3e');
    const unsubscribe = m.headerLines.find((h) => h.key === 'list-unsubscribe')?.line;
    expect(unsubscribe?.replace(/\s+/g, ' ')).toMatch(/^List-Unsubscribe: ?<https:\/\/rueda\.test\/app\/a\/rp_[\w-]+\/avisos>$/);
    const token = /https:\/\/rueda\.test\/app\/a\/(rp_[\w-]+)/.exec(m.text!)![1];
    // The link in the email is the participant's own link.
    expect((await api.http.get('/me').set(bearer(token)).expect(200)).body.participant.id).toBe(ids.nabon);
    const page = await list();
    const nabon = page.items.find((i: { id: string }) => i.id === ids.nabon);
    expect(nabon).toMatchObject({ state: 'opened', invitation: { status: 'delivered', attempts: 1 } });
    expect(nabon.link.firstSeenAt).not.toBeNull();
    expect(page.items.find((i: { id: string }) => i.id === ids.manta).state).toBe('delivered');
    expect(page.items.find((i: { id: string }) => i.id === ids.loja).state).toBe('never_sent');
    // The email log shows every message with its status.
    const log = (await api.http.get(`/events/${ev}/emails?kind=invitation`).set(admin()).expect(200)).body;
    expect(log.total).toBe(3);
    expect(
      log.items.every((e: { status: string; subject: string }) => e.status === 'delivered' && e.subject.startsWith('Invitación')),
    ).toBe(true);
    expect(JSON.stringify(log)).not.toContain('rp_');
  });

  it('exports the links as CSV and XLSX for a mail merge', async () => {
    const csv = await api.http.get(`/events/${ev}/invitations/links.csv`).set(admin()).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.text.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('Id;Nombre / Name;Tipo / Kind;Correos / Emails;Enlace personal / Personal link;Estado / State');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.startsWith('JICA;'))).toMatch(
      /^JICA;JICA;Cooperante;ecuador@jica\.test, kenji@jica\.test;https:\/\/rueda\.test\/app\/a\/rp_[\w-]+;delivered$/,
    );
    const xlsx = await api.http
      .get(`/events/${ev}/invitations/links.xlsx?kind=gadm`)
      .set(admin())
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    const links = [2, 3, 4].map((r) => String(sheet.getRow(r).getCell(5).value));
    expect(links.filter((l) => l.startsWith('https://rueda.test/app/a/rp_'))).toHaveLength(3);
  });

  it('resends to a filtered set only', async () => {
    const before = smtp.received.length;
    const sent = (
      await api.http.post(`/events/${ev}/invitations/send`).set(admin()).send({ kind: 'cooperant', state: 'delivered' }).expect(202)
    ).body;
    expect(sent.recipients.map((r: { name: string }) => r.name)).toEqual(['JICA']);
    await waitCampaign(sent.campaignId);
    await smtp.waitFor(before + 1);
    expect(smtp.received.slice(before).map((r) => r.envelopeTo.sort())).toEqual([['ecuador@jica.test', 'kenji@jica.test']]);
  });

  it('keeps a message queued with the reason while the server refuses or is down, retries, and delivers it later', async () => {
    smtp.mode = 'tempfail';
    const sent = (
      await api.http
        .post(`/events/${ev}/invitations/send`)
        .set(admin())
        .send({ participantIds: [ids.manta] })
        .expect(202)
    ).body;
    const retrying = await eventually(async () => {
      const log = (await api.http.get(`/events/${ev}/emails?campaignId=${sent.campaignId}`).set(admin()).expect(200)).body;
      return log.items[0]?.status === 'retrying' ? log.items[0] : undefined;
    });
    expect(retrying.lastError).toContain('451');
    await smtp.stop();
    const down = await eventually(async () => {
      const log = (await api.http.get(`/events/${ev}/emails?campaignId=${sent.campaignId}`).set(admin()).expect(200)).body;
      return log.items[0]?.lastError?.includes('ECONNREFUSED') ? log.items[0] : undefined;
    }, 30_000);
    expect(down.status).toBe('retrying');
    const before = smtp.received.length;
    smtp.mode = 'accept';
    await smtp.start();
    const c = await waitCampaign(sent.campaignId);
    expect(c.counts).toEqual({ delivered: 1 });
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received[before].envelopeTo).toEqual(['alcaldia@manta.test']);
  }, 90_000);

  it('a permanent refusal is recorded as bounced and not retried; a refused address alone is listed', async () => {
    smtp.refuse.add('kenji@jica.test');
    const partial = (
      await api.http
        .post(`/events/${ev}/invitations/send`)
        .set(admin())
        .send({ participantIds: [ids.jica] })
        .expect(202)
    ).body;
    const c1 = await waitCampaign(partial.campaignId);
    expect(c1.counts).toEqual({ delivered: 1 });
    const [msg] = (await api.http.get(`/events/${ev}/emails?campaignId=${partial.campaignId}`).set(admin()).expect(200)).body.items;
    expect(msg).toMatchObject({ status: 'delivered', accepted: ['ecuador@jica.test'], rejected: ['kenji@jica.test'] });
    smtp.refuse.clear();
    smtp.mode = 'reject';
    const sent = (
      await api.http
        .post(`/events/${ev}/invitations/send`)
        .set(admin())
        .send({ participantIds: [ids.manta] })
        .expect(202)
    ).body;
    const c = await waitCampaign(sent.campaignId);
    expect(c.counts).toEqual({ bounced: 1 });
    const [bounced] = (await api.http.get(`/events/${ev}/emails?campaignId=${sent.campaignId}`).set(admin()).expect(200)).body.items;
    expect(bounced).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(bounced.lastError).toContain('550');
    expect((await list(`&state=failed`)).items.map((i: { id: string }) => i.id)).toEqual([ids.manta]);
    smtp.mode = 'accept';
  });
});
