import { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Clock } from '@rueda/application';
import { CLOCK } from '../../apps/api/src/platform/application.module';
import { CLOCK as WORKER_CLOCK } from '../../apps/worker/src/clock';
import { bearer, eventually, SAMPLE_EVENT, TestApi } from '../support/api';
import { startMailingApi } from '../support/mailing-api';
import type { TestSmtp } from '../support/smtp';

// superagent hands the parser the raw response stream, whatever its typings say.
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Business timestamps come from the Clock port, in the API and in the worker alike: a report's
 * generatedAt and its workbook's creation, a matching run's finishedAt, an agenda book's
 * finished_at, an email's sentAt. With the clock held at one instant (far from the machine's), each equals it.
 */
describe('times stamped by the Clock port', () => {
  const AT = new Date('2026-11-20T15:00:00Z');
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: TestSmtp;
  let ev: string;
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    ({ api, worker, smtp } = await startMailingApi());
    for (const clock of [api.app.get<Clock>(CLOCK), worker.get<Clock>(WORKER_CLOCK)])
      jest.spyOn(clock, 'now').mockImplementation(() => new Date(AT));
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
    await api.http
      .post(`/events/${ev}/participants`)
      .set(admin())
      .send({ externalId: 'JICA', kind: 'cooperant', name: 'JICA', email: 'ecuador@jica.test' })
      .expect(201);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
    await smtp?.stop();
  });

  it("a report's generatedAt and its workbook's creation time", async () => {
    const json = (await api.http.get(`/events/${ev}/reports/summary`).set(admin()).expect(200)).body;
    expect(json.generatedAt).toBe(AT.toISOString());
    const xlsx = await api.http.get(`/events/${ev}/reports/all.xlsx`).set(admin()).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    expect(wb.created).toEqual(AT);
  });

  it("a matching run's finishedAt (worker)", async () => {
    await api.http.post(`/events/${ev}/matching/runs`).set(admin()).send({}).expect(201);
    const [run] = await eventually(async () => {
      const rows = await api.query(`SELECT status, finished_at FROM match_runs WHERE event_id = $1`, [ev]);
      return rows[0]?.status === 'done' ? rows : undefined;
    });
    expect(run.finished_at).toEqual(AT);
  });

  it("an agenda book's finished_at (worker)", async () => {
    const job = (await api.http.post(`/events/${ev}/exports/agendas`).set(admin()).send({}).expect(202)).body;
    await eventually(async () => {
      const s = (await api.http.get(`/events/${ev}/exports/jobs/${job.jobId}`).set(admin()).expect(200)).body;
      return s.status === 'done' ? s : undefined;
    });
    const [row] = await api.query(`SELECT finished_at FROM export_files WHERE event_id = $1`, [ev]);
    expect(row.finished_at).toEqual(AT);
  });

  it("an email's sentAt (worker)", async () => {
    await api.http.post(`/events/${ev}/invitations/send`).set(admin()).send({}).expect(202);
    const [mail] = await eventually(async () => {
      const rows = await api.query(`SELECT status, sent_at FROM email_messages WHERE event_id = $1`, [ev]);
      return rows[0]?.status === 'delivered' ? rows : undefined;
    });
    expect(mail.sent_at).toEqual(AT);
  });
});
