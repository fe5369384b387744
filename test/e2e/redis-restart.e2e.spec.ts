import { bearer, eventually, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { LiveTestClient } from '../support/live-client';
import { TestRedis } from '../support/redis';

describe('Redis restarting during the event', () => {
  let redis: TestRedis;
  let api: TestApi;
  let base: string;
  let client: LiveTestClient;
  const sharedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await TestRedis.start();
    api = await startTestApi({ REDIS_URL: redis.url });
    await api.startWorker();
    base = await api.listen();
  });
  afterAll(async () => {
    client?.close();
    await api?.close();
    await redis?.kill();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  it('does not stop the API; health tells, then sockets and queues recover', async () => {
    const admin = bearer(api.tokens.admin);
    const ev = (await api.http.post('/events').set(admin).send(SAMPLE_EVENT)).body.id;
    const a = (await api.http.post(`/events/${ev}/participants`).set(admin).send({ externalId: '0104', kind: 'gadm', name: 'Nabón' })).body
      .id;
    const b = (await api.http.post(`/events/${ev}/participants`).set(admin).send({ externalId: 'JICA', kind: 'cooperant', name: 'JICA' }))
      .body.id;
    await api.http
      .post(`/events/${ev}/demands`)
      .set(admin)
      .send({ participantId: a, externalId: 'D1', title: 'Agua potable', sectors: ['AGUA'] })
      .expect(201);
    await api.http
      .post(`/events/${ev}/offers`)
      .set(admin)
      .send({ participantId: b, externalId: 'O1', title: 'Agua y saneamiento', sectors: ['AGUA'] })
      .expect(201);
    const [d] = await api.query(
      `INSERT INTO delegates (event_id, participant_id, external_id, full_name, version) VALUES ($1, $2, 'D-1', 'Ana', 1) RETURNING id`,
      [ev, a],
    );
    client = new LiveTestClient(base, api.tokens.staff, { eventId: ev });
    await client.subscribe();

    await redis.kill();
    // The API keeps answering what does not need Redis, and says what is down.
    await api.http.get(`/events/${ev}`).set(admin).expect(200);
    const health = await api.http.get('/health').expect(503);
    expect(health.body.details.redis.status).toBe('down');
    expect(health.body.details.postgres.status).toBe('up');
    // A change made meanwhile is in the log even if the push cannot go out.
    await api.http.post(`/events/${ev}/live/checkins`).set(bearer(api.tokens.staff)).send({ delegateId: d.id }).expect(200);

    await redis.restart();
    await eventually(async () => ((await api.http.get('/health')).status === 200 ? true : undefined), 20_000, 250);
    // The socket never depended on Redis; it still gets pushes, and the replay fills any gap.
    expect(client.socket.connected).toBe(true);
    const ack = await client.reconnect();
    expect(ack.ok).toBe(true);
    expect(client.applied.some((m) => m.type === 'delegate.checked_in')).toBe(true);
    // And live pushes flow again through the restarted Redis.
    const [d2] = await api.query(
      `INSERT INTO delegates (event_id, participant_id, external_id, full_name, version) VALUES ($1, $2, 'D-2', 'Luis', 1) RETURNING id`,
      [ev, b],
    );
    await api.http.post(`/events/${ev}/live/checkins`).set(bearer(api.tokens.staff)).send({ delegateId: d2.id }).expect(200);
    await eventually(
      async () => (client.applied.some((m) => (m.payload as { delegateId?: string }).delegateId === d2.id) ? true : undefined),
      10_000,
    );
    // Queues work again: a scoring job runs to the end.
    await eventually(
      async () => {
        const res = await api.http.post(`/events/${ev}/matching/runs`).set(admin).send({});
        return res.status === 201 ? true : undefined;
      },
      20_000,
      500,
    );
    await eventually(
      async () => ((await api.http.get(`/events/${ev}/matching/runs/latest`).set(admin)).body?.status === 'done' ? true : undefined),
      30_000,
      250,
    );
  });
});
