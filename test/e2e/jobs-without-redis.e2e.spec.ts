import { bearer, eventually, SAMPLE_EVENT, startTestApi, type TestApi } from '../support/api';
import { TestRedis } from '../support/redis';

/**
 * Starting a matching run and sending invitations used to hand their job to BullMQ themselves,
 * after (or outside) the transaction: with Redis away the request hung with the run or the
 * campaign already written and no job on record. As use cases their jobs go through the
 * outbox: the request is answered, and the job is handed over once Redis is back.
 */
describe('matching runs and invitation campaigns while Redis is away', () => {
  let redis: TestRedis;
  let api: TestApi;
  const sharedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await TestRedis.start();
    api = await startTestApi({ REDIS_URL: redis.url });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await redis?.kill();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  it('answers both at once, keeps their jobs in the outbox and hands them over when Redis is back', async () => {
    const admin = bearer(api.tokens.admin);
    const ev = (await api.http.post('/events').set(admin).send(SAMPLE_EVENT).expect(201)).body.id;
    await api.http
      .post(`/events/${ev}/participants`)
      .set(admin)
      .send({ externalId: '0104', kind: 'gadm', name: 'Nabón', email: 'alcaldia@nabon.gob.ec' })
      .expect(201);

    await redis.kill();
    // A hung request fails here (supertest's timeout), not at the suite's.
    const run = (await api.http.post(`/events/${ev}/matching/runs`).set(admin).send({ top: 5 }).timeout(10_000).expect(201)).body;
    const sent = (await api.http.post(`/events/${ev}/invitations/send`).set(admin).send({}).timeout(10_000).expect(202)).body;
    expect(run.status).toBe('queued');
    expect(sent.total).toBe(1);
    const pending = () =>
      api.query(
        `SELECT queue, job_id AS "jobId" FROM outbox_jobs WHERE dispatched_at IS NULL AND queue IN ('matching', 'campaigns') ORDER BY queue`,
      );
    expect(await pending()).toEqual([
      { queue: 'campaigns', jobId: `campaign-${sent.campaignId}` },
      { queue: 'matching', jobId: `match-${ev}-v${run.dataVersion}` },
    ]);

    await redis.restart();
    await eventually(async () => ((await pending()).length === 0 ? true : undefined), 30_000, 250);
  }, 90_000);
});
