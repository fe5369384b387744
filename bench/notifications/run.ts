// Notifications benchmark, end to end through a real SMTP server on loopback:
//   `source .rueda/env && node -r ./test/support/register-ts.js bench/notifications/run.ts [--rate 50] [--noshows 20] [--burn 0]`
//   (not tsx: Nest needs the decorator metadata that swc emits and esbuild does not; the register is the tests' own)
//
// In one process (like the e2e tests): the API and the BullMQ worker of the repository on a fresh,
// migrated PostgreSQL database and the shared Redis, and an smtp-server that parses every message
// with mailparser. It measures
//   (a) invitations to 300 participants: `POST …/invitations/send` → the 300th message read by the SMTP server;
//   (b) a schedule publish to 300 participants: `POST …/publish` → every participant's agenda email
//       read by the SMTP server (and, before that, every notice batched into its email);
//   (c) a no-show on the day: `POST …/live/meetings/:id/status` → the first message about it at the SMTP server;
//   and, as the baseline of the same run, 300 messages sent straight with nodemailer (pooled like the
//   worker, no queue, no rate limit) to the same SMTP server: what the pipeline adds is (a) minus this.
// `--rate` is MAIL_RATE_PER_SECOND (the provider's limit); `--burn N` keeps N busy processes running
// meanwhile (the "loaded" figures). The database is dropped at the end.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { loadGadms } from '@rueda/domain';
import { bearer, eventually, startTestApi, type TestApi } from '../../test/support/api';
import { sessionAroundNow } from '../../test/support/sessions';
import { TestSmtp } from '../../test/support/smtp';

const { values: opt } = parseArgs({
  options: {
    rate: { type: 'string', default: '50' },
    noshows: { type: 'string', default: '20' },
    burn: { type: 'string', default: '0' },
    digest: { type: 'string', default: '2' },
  },
});
if (process.argv.includes('--burner')) {
  for (;;) Math.sqrt(Math.random());
}

const GADMS = 221;
const COOPERANTS = 79;
const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function main() {
  const burners: ChildProcess[] = Array.from({ length: Number(opt.burn) }, () => fork(__filename, ['--burner'], { stdio: 'ignore' }));
  const smtp = await TestSmtp.start();
  let api: TestApi | undefined;
  try {
    api = await startTestApi({
      SMTP_URL: smtp.url,
      MAIL_RATE_PER_SECOND: opt.rate!,
      NOTIFY_DIGEST_SECONDS: opt.digest!,
      PUBLIC_URL: 'https://rueda.bench',
      API_RATE_PER_MINUTE: '1000000',
    });
    await api.startWorker();
    const admin = bearer(api.tokens.admin);
    const http = api.http;
    const { timeZone, session } = sessionAroundNow(420);
    const ev = (
      await http
        .post('/events')
        .set(admin)
        .send({ name: 'Jornada Bench', timeZone, sessions: [session], tableCount: 60 })
        .expect(201)
    ).body.id;
    const gadms = loadGadms().slice(0, GADMS);
    const ids: { id: string; kind: string; email: string }[] = [];
    for (const g of gadms) {
      const email = `alcaldia${g.inecCode}@gad.bench`;
      ids.push({
        id: (
          await http
            .post(`/events/${ev}/participants`)
            .set(admin)
            .send({ externalId: g.inecCode, kind: 'gadm', name: g.canton, inecCode: g.inecCode, email })
            .expect(201)
        ).body.id,
        kind: 'gadm',
        email,
      });
    }
    for (let i = 1; i <= COOPERANTS; i++) {
      const email = `oficina${i}@coop.bench`;
      ids.push({
        id: (
          await http
            .post(`/events/${ev}/participants`)
            .set(admin)
            .send({ externalId: `COOP${i}`, kind: 'cooperant', name: `Cooperante ${i}`, email })
            .expect(201)
        ).body.id,
        kind: 'cooperant',
        email,
      });
    }
    const quiet = async () => {
      await eventually(
        async () => {
          const [r] = await api!.query(
            `SELECT (SELECT count(*) FROM notifications WHERE status = 'pending')::int AS p, (SELECT count(*) FROM email_messages WHERE status IN ('queued','retrying'))::int AS q`,
          );
          return r.p === 0 && r.q === 0 ? true : undefined;
        },
        600_000,
        250,
      );
    };

    // Baseline: the same number of messages straight to the SMTP server.
    const raw = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: 4 } as never);
    const r0 = performance.now();
    const rawFrom = smtp.received.length;
    await Promise.all(
      ids.map((p, i) =>
        raw.sendMail({ from: 'bench@rueda.bench', to: p.email, subject: `Baseline ${i}`, text: 'Hola', html: '<p>Hola</p>' }),
      ),
    );
    await smtp.waitFor(rawFrom + ids.length, 120_000);
    const rawDone = performance.now() - r0;
    raw.close();

    // (a) Invitations.
    const a0 = performance.now();
    const sent = (await http.post(`/events/${ev}/invitations/send`).set(admin).send({}).expect(202)).body;
    const aQueued = performance.now() - a0;
    await smtp.waitFor(rawFrom + ids.length + sent.total, 300_000);
    const aDone = performance.now() - a0;
    await quiet();

    // Meetings (each GADM with two cooperants), a schedule, then (b) the publish.
    const coops = ids.filter((x) => x.kind === 'cooperant');
    const slots = (await http.get(`/events/${ev}/slots`).set(admin)).body as { id: string; startsAt: string }[];
    const gone = slots.filter((x) => new Date(x.startsAt).getTime() < Date.now() + 30 * 60_000).map((x) => x.id);
    for (const p of ids) await http.put(`/events/${ev}/participants/${p.id}/unavailability`).set(admin).send({ slotIds: gone }).expect(200);
    let k = 0;
    for (const g of ids.filter((x) => x.kind === 'gadm'))
      for (let j = 0; j < 2; j++)
        await http
          .post(`/events/${ev}/meetings`)
          .set(admin)
          .send({ participantAId: g.id, participantBId: coops[k++ % coops.length].id })
          .expect(201);
    const v = (await http.post(`/events/${ev}/schedules`).set(admin).send({ timeLimitSeconds: 5, minMeetingsPerGadm: 1 }).expect(201)).body;
    await eventually(
      async () => ((await http.get(`/events/${ev}/schedules/${v.id}`).set(admin)).body.status === 'draft' ? true : undefined),
      300_000,
      250,
    );
    await quiet();
    const before = smtp.received.length;
    const b0 = performance.now();
    await http.post(`/events/${ev}/schedules/${v.id}/publish`).set(admin).expect(200);
    const bCall = performance.now() - b0;
    await eventually(
      async () => {
        const [r] = await api!.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'schedule.published' AND status = 'sent'`);
        return r.n === ids.length ? true : undefined;
      },
      300_000,
      50,
    );
    const bBatched = performance.now() - b0;
    await eventually(
      async () =>
        smtp.received.slice(before).filter((r) => r.mail.subject?.startsWith('Su agenda')).length >= ids.length ? true : undefined,
      300_000,
      25,
    );
    const bDone = performance.now() - b0;
    await quiet();

    // (c) No-shows on the day, one at a time.
    const placed: { id: string; a: string; b: string }[] = await api.query(
      `SELECT m.id, pa.email AS a, pb.email AS b FROM meetings m JOIN slots s ON s.id = m.slot_id
         JOIN participants pa ON pa.id = m.participant_a_id JOIN participants pb ON pb.id = m.participant_b_id
        WHERE m.event_id = $1 AND m.status = 'scheduled' ORDER BY s.starts_at DESC LIMIT $2`,
      [ev, Number(opt.noshows)],
    );
    const c: number[] = [];
    for (const m of placed) {
      const from = smtp.received.length;
      const t0 = performance.now();
      await http.post(`/events/${ev}/live/meetings/${m.id}/status`).set(admin).send({ status: 'no_show' }).expect(200);
      await eventually(
        async () => (smtp.received.slice(from).some((r) => r.envelopeTo.includes(m.a) || r.envelopeTo.includes(m.b)) ? true : undefined),
        60_000,
        10,
      );
      c.push(performance.now() - t0);
      await quiet();
    }

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
    console.log(`\n## Notifications — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    console.log(
      `Machine: ${machine}; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} at the end; --rate ${opt.rate}/s, digest window ${opt.digest} s, --burn ${opt.burn}\n`,
    );
    console.log('| figure | result | target |');
    console.log('|---|---|---|');
    console.log(
      `| baseline: ${ids.length} messages straight to the SMTP server (nodemailer pool of 4, no queue, no limit) | ${ms(rawDone)} | — |`,
    );
    console.log(
      `| (a) invitations to ${sent.total} participants: send call → last message at the SMTP server | ${ms(aDone)} (call ${ms(aQueued)}) | ≤ 60 s |`,
    );
    console.log(
      `| (b) publish to ${ids.length} participants: call → every agenda email at the SMTP server | ${ms(bDone)} (call ${ms(bCall)}, all notices batched ${ms(bBatched)}) | ≤ 10 s |`,
    );
    console.log(
      `| (c) no-show → first message about it at the SMTP server, ${c.length} runs: median / p95 / max | ${ms(pct(c, 50))} / ${ms(pct(c, 95))} / ${ms(Math.max(...c))} | ≤ 5 s |`,
    );
  } finally {
    for (const b of burners) b.kill('SIGKILL');
    await api?.close();
    await smtp.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
