import { INestApplicationContext } from '@nestjs/common';
import { bearer, eventually, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { TestSmtp } from '../support/smtp';

/** Without SMTP settings Rueda keeps working: emails wait, visible as held, and go out once a server is configured. */
describe('email without an SMTP server', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let ev: string;
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    // Jest reuses processes between files: make sure no SMTP_URL is left from another one.
    delete process.env.SMTP_URL;
    api = await startTestApi();
    worker = await api.startWorker();
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
    await api.http
      .post(`/events/${ev}/participants`)
      .set(admin())
      .send({ externalId: 'JICA', kind: 'cooperant', name: 'JICA', email: 'ecuador@jica.test' })
      .expect(201);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    delete process.env.SMTP_URL;
  });

  it('holds invitations with the reason, then sends them when a server is configured', async () => {
    const sent = (await api.http.post(`/events/${ev}/invitations/send`).set(admin()).send({}).expect(202)).body;
    expect(sent.total).toBe(1);
    const held = await eventually(async () => {
      const log = (await api.http.get(`/events/${ev}/emails`).set(admin()).expect(200)).body;
      return log.items[0]?.status === 'held' ? log : undefined;
    });
    expect(held.smtp).toBe(false);
    expect(held.items[0].lastError).toBe('sin servidor SMTP (SMTP_URL) / no SMTP server (SMTP_URL)');
    expect((await api.http.get(`/events/${ev}/invitations`).set(admin()).expect(200)).body.states).toEqual({ held: 1 });

    // The operator configures a server and restarts the worker: what was held goes out.
    smtp = await TestSmtp.start();
    await worker.close();
    process.env.SMTP_URL = smtp.url;
    await api.startWorker();
    const [mail] = await smtp.waitFor(1);
    expect(mail.envelopeTo).toEqual(['ecuador@jica.test']);
    await eventually(async () => {
      const log = (await api.http.get(`/events/${ev}/emails`).set(admin()).expect(200)).body;
      return log.items[0]?.status === 'delivered' ? true : undefined;
    });
  }, 90_000);
});
