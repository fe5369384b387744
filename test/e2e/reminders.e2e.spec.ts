import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { storeDueReminders } from '@rueda/persistence';
import { QUEUES } from '@rueda/queues';
import { bearer, eventually, TestApi } from '../support/api';
import { sessionAroundNow } from '../support/sessions';
import type { ReceivedMail, TestSmtp } from '../support/smtp';
import { startMailingApi } from '../support/mailing-api';

/**
 * The messages that fall due by date or by answer, read back from a real SMTP server: a declined
 * request, a request about to expire, no accepted meeting days before the event, the outcome
 * form once it is over and the follow-up months later. Reminders are stored by the worker's
 * sweep for "now"; here the same function runs for chosen instants, then the pipeline sends them.
 */
describe('reminders and answers by email', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let notify: Queue;
  let db: DataSource;
  let ev: string;
  let firstStart: Date;
  let lastEnd: Date;
  const p: Record<string, { id: string; token: string; email: string }> = {};
  const admin = () => bearer(api.tokens.admin);
  const me = (key: string) => bearer(p[key].token);
  const names: Record<string, string> = { cuenca: 'GAD Municipal de Cuenca', loja: 'GAD Municipal de Loja', jica: 'JICA Ecuador' };

  beforeAll(async () => {
    const started = await startMailingApi({
      NOTIFY_DIGEST_SECONDS: '0.3',
    });
    ({ smtp, api } = started);
    const worker = started.worker;
    notify = worker.get<Queue>(getQueueToken(QUEUES.notify), { strict: false });
    db = api.app.get(DataSource);
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
    ] as const) {
      const email = `${key}@rueda.test`;
      const id = (
        await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: names[key], email }).expect(201)
      ).body.id;
      p[key] = {
        id,
        email,
        token: (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin()).expect(201)).body.token,
      };
    }
    const [b] = await api.query(`SELECT min(starts_at) AS first, max(ends_at) AS last FROM slots WHERE event_id = $1`, [ev]);
    firstStart = new Date(b.first);
    lastEnd = new Date(b.last);
    // A safety net for a loaded machine: the work is fixed, only the wait is longer.
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  }, 60_000);

  const mailsTo = (key: string) => smtp.to(p[key].email);
  const nextMail = (key: string, after: number): Promise<ReceivedMail> => eventually(async () => mailsTo(key)[after], 30_000, 50);
  /** Stores what falls due at `at` and lets the pipeline send it (the sweep does both every 30 s). */
  const remindAt = async (at: Date) => {
    await db.transaction((m) => storeDueReminders(m, ev, at));
    await notify.add('dispatch', { kind: 'dispatch', eventId: ev }, { delay: 400, removeOnComplete: true });
  };
  const onlyOwn = (m: ReceivedMail, key: string, counterparts: string[]) => {
    const body = `${m.mail.subject}\n${m.mail.text}\n${m.mail.html}`;
    for (const other of Object.keys(p)) {
      expect(body).not.toContain(p[other].id);
      if (other !== key && !counterparts.includes(other)) expect(body).not.toContain(names[other]);
    }
  };

  it('a declined request reaches the requester', async () => {
    const req = (await api.http.post('/me/requests').set(me('loja')).send({ counterpartId: p.jica.id }).expect(201)).body;
    await nextMail('jica', 0);
    await api.http.post(`/me/requests/${req.id}/decline`).set(me('jica')).send({ version: req.version }).expect(200);
    const got = await nextMail('loja', 0);
    expect(got.mail.subject).toBe('Solicitud no aceptada / Request declined · Jornada Hoy');
    expect(got.mail.text).toContain('JICA Ecuador no aceptó su solicitud de reunión. Puede solicitar otras desde su enlace personal.');
    expect(got.mail.text).toContain('JICA Ecuador declined your meeting request.');
    onlyOwn(got, 'loja', ['jica']);
  });

  it('a request about to expire reminds the one who must answer, with the expiry in the event time', async () => {
    const asked = mailsTo('jica').length;
    const req = (await api.http.post('/me/requests').set(me('cuenca')).send({ counterpartId: p.jica.id }).expect(201)).body;
    await nextMail('jica', asked);
    const [row] = await api.query(`SELECT expires_at FROM meetings WHERE id = $1`, [req.id]);
    expect(row.expires_at).not.toBeNull();
    const n = mailsTo('jica').length;
    await remindAt(new Date(new Date(row.expires_at).getTime() - 3600_000));
    const got = await nextMail('jica', n);
    expect(got.mail.subject).toBe('Una solicitud está por vencer / A request is about to expire · Jornada Hoy');
    expect(got.mail.text).toMatch(
      /La solicitud de reunión de GAD Municipal de Cuenca vence el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}; respóndala antes\./,
    );
    expect(got.mail.text).toContain('la zona horaria del evento');
    onlyOwn(got, 'jica', ['cuenca']);
    // JICA accepts: Cuenca and JICA now have a meeting, Loja has none.
    const answered = mailsTo('cuenca').length;
    await api.http.post(`/me/requests/${req.id}/accept`).set(me('jica')).send({ version: req.version }).expect(200);
    await nextMail('cuenca', answered);
  });

  it('days before the event, only the participant with no accepted meeting is reminded', async () => {
    const counts = Object.fromEntries(Object.keys(p).map((k) => [k, mailsTo(k).length]));
    await remindAt(new Date(firstStart.getTime() - 2 * 86_400_000));
    const got = await nextMail('loja', counts.loja);
    expect(got.mail.subject).toBe('Aún no tiene reuniones / You have no meetings yet · Jornada Hoy');
    expect(got.mail.text).toMatch(/Faltan? \d+ días? para la Jornada y aún no tiene reuniones aceptadas\./);
    onlyOwn(got, 'loja', []);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo('cuenca')).toHaveLength(counts.cuenca);
    expect(mailsTo('jica')).toHaveLength(counts.jica);
  });

  it('after the event, the outcome form; months later, the follow-up — to those who met', async () => {
    // The day itself (check-in, held) is covered by the live tests; here the meeting is simply held.
    await api.query(`UPDATE meetings SET status = 'held' WHERE event_id = $1 AND status IN ('accepted','scheduled')`, [ev]);
    const counts = Object.fromEntries(Object.keys(p).map((k) => [k, mailsTo(k).length]));
    await remindAt(new Date(lastEnd.getTime() + 3600_000));
    for (const key of ['cuenca', 'jica']) {
      const got = await nextMail(key, counts[key]);
      expect(got.mail.subject).toBe('Cuéntenos cómo le fue / Tell us how it went · Jornada Hoy');
      expect(got.mail.text).toContain('La Jornada terminó. Registre el resultado de su reunión en el formulario de su enlace personal.');
      expect(got.mail.text).toContain('Record the outcome of your meeting in the form');
    }
    const later = Object.fromEntries(Object.keys(p).map((k) => [k, mailsTo(k).length]));
    await remindAt(new Date(lastEnd.getTime() + 92 * 86_400_000));
    const follow = await nextMail('cuenca', later.cuenca);
    expect(follow.mail.subject).toBe('Seguimiento de la Jornada / Event follow-up · Jornada Hoy');
    expect(follow.mail.text).toContain('Han pasado 3 meses desde la Jornada.');
    expect(follow.mail.text).toContain('3 months have passed since the event.');
    await nextMail('jica', later.jica);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo('loja')).toHaveLength(later.loja);
  });
});
