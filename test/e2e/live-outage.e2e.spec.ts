import request from 'supertest';
import { type LiveAudience, type LiveMessage, receives } from '@rueda/realtime';
import { bearer, eventually, startTestApi, type TestApi } from '../support/api';
import { LiveTestClient } from '../support/live-client';
import { type LiveDay, meetingAhead, publishLiveDay } from '../support/live-day';
import { TestRedis } from '../support/redis';

/**
 * Redis goes away in the middle of the live day, with two API nodes and a worker: every change
 * is still answered 2xx, every job still runs once Redis is back, and every client on either node
 * ends up with exactly its own stream (nothing lost, nothing twice), without reconnecting.
 */
describe('Redis outage on two API nodes (transactional outbox, catch-up from the log)', () => {
  let redis: TestRedis;
  let api: TestApi;
  let nodeA: string;
  let nodeB: string;
  let day: LiveDay;
  const clients: { c: LiveTestClient; audience: LiveAudience; id?: string; node: string }[] = [];
  const sharedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await TestRedis.start();
    api = await startTestApi({ REDIS_URL: redis.url });
    await api.startWorker();
    nodeA = await api.listen();
    nodeB = await api.startNode();
    day = await publishLiveDay(api, { gadms: 4, cooperants: 3, tables: 4, minutes: 240 });
  }, 120_000);
  afterAll(async () => {
    for (const { c } of clients) c.close();
    await api?.close();
    await redis?.kill();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  const follow = async (node: string, token: string, audience: LiveAudience, req: Record<string, string> = {}, id?: string) => {
    const c = new LiveTestClient(node, token, req);
    clients.push({ c, audience, id, node });
    await c.subscribe();
    return c;
  };

  it('answers every change, loses no message on either node and leaves nothing stuck', async () => {
    const staff = bearer(api.tokens.staff);
    const admin = bearer(api.tokens.admin);
    const on = (node: string) => request(node);
    const [table] = await api.query(`SELECT id FROM tables WHERE event_id = $1 ORDER BY number LIMIT 1`, [day.eventId]);
    await follow(nodeA, api.tokens.staff, 'organisers', { eventId: day.eventId });
    await follow(nodeB, api.tokens.staff, 'organisers', { eventId: day.eventId });
    await follow(nodeB, api.tokens.staff, 'board', { eventId: day.eventId, view: 'board' });
    await follow(nodeB, api.tokens.staff, 'table', { eventId: day.eventId, tableId: table.id }, table.id);
    for (const [key, node] of [
      ['g1', nodeA],
      ['g2', nodeB],
      ['c1', nodeB],
      ['c2', nodeA],
    ] as const)
      await follow(node, await day.link(key), 'participant', {}, day.p[key]);

    await redis.kill();
    const statuses: number[] = [];
    const noShows: string[] = [];
    // 12 live changes alternating between the nodes, Redis away all along.
    for (let i = 0; i < 4; i++) {
      const m = await meetingAhead(api, day.eventId, 25, noShows);
      noShows.push(m!.id);
      const node = i % 2 ? nodeB : nodeA;
      statuses.push(
        (await on(node).post(`/events/${day.eventId}/live/meetings/${m!.id}/status`).set(staff).send({ status: 'no_show' })).status,
      );
    }
    for (const [i, key] of ['g1', 'g2', 'g3', 'c1', 'c2'].entries()) {
      const node = i % 2 ? nodeA : nodeB;
      statuses.push(
        (await on(node).post(`/events/${day.eventId}/live/checkins`).set(staff).send({ delegateId: day.delegates[key] })).status,
      );
    }
    const [later] = await api.query(
      `SELECT id FROM slots WHERE event_id = $1 AND starts_at > now() + interval '60 minutes' ORDER BY ordinal LIMIT 1`,
      [day.eventId],
    );
    statuses.push(
      (await on(nodeB).post(`/events/${day.eventId}/live/delays`).set(staff).send({ fromSlotId: later.id, minutes: 5, scope: 'slot' }))
        .status,
    );
    statuses.push((await on(nodeA).post(`/events/${day.eventId}/live/participants/${day.p.c3}/leave`).set(staff).send({})).status);
    // Work for the worker asked while Redis is away: a schedule and the book of agendas.
    const version = await on(nodeB)
      .post(`/events/${day.eventId}/schedules`)
      .set(admin)
      .send({ timeLimitSeconds: 1, mode: 'keep-published' });
    const book = await on(nodeA).post(`/events/${day.eventId}/exports/agendas`).set(admin).send({});
    statuses.push(version.status, book.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);
    const [{ n: pending }] = await api.query(`SELECT count(*)::int AS n FROM outbox_jobs WHERE dispatched_at IS NULL`);
    expect(pending).toBeGreaterThan(0);

    await redis.restart();

    // Jobs: every one handed over, each no-show's recovery answered once, nothing left generating or queued.
    await eventually(
      async () =>
        (await api.query(`SELECT count(*)::int AS n FROM outbox_jobs WHERE dispatched_at IS NULL`))[0].n === 0 ? true : undefined,
      30_000,
      250,
    );
    await eventually(async () => {
      const rows = await api.query(`SELECT count(*)::int AS n FROM replacement_proposals WHERE freed_meeting_id = ANY($1)`, [noShows]);
      return rows[0].n === noShows.length ? true : undefined;
    }, 30_000);
    await eventually(
      async () =>
        (await api.http.get(`/events/${day.eventId}/schedules/${version.body.id}`).set(admin)).body.status === 'draft' ? true : undefined,
      60_000,
      250,
    );
    await eventually(
      async () =>
        (await api.http.get(`/events/${day.eventId}/exports/jobs/${book.body.jobId}`).set(admin)).body.status === 'done' ? true : undefined,
      60_000,
      250,
    );
    const [{ n: twice }] = await api.query(
      `SELECT count(*)::int AS n FROM (SELECT request_id FROM replacement_proposals WHERE request_id IS NOT NULL GROUP BY request_id HAVING count(*) > 1) x`,
    );
    expect(twice).toBe(0);

    // Messages: each client, on either node, has exactly its own stream of the whole log, in order, once.
    const [{ seq: head }] = await api.query(`SELECT live_seq AS seq FROM events WHERE id = $1`, [day.eventId]);
    const log: LiveMessage[] = [];
    for (let after = 0; after < Number(head);) {
      const page = (await api.http.get(`/events/${day.eventId}/live/log?after=${after}`).set(admin).expect(200)).body as LiveMessage[];
      log.push(...page);
      after = page[page.length - 1].seq;
    }
    for (const { c, audience, id, node } of clients) {
      const expected = log.filter((m) => receives(m, audience, id)).map((m) => m.seq);
      await eventually(async () => (c.seqs().length >= expected.length ? true : undefined), 20_000, 100).catch(() => undefined);
      expect({ audience, id, node, seqs: c.seqs() }).toEqual({ audience, id, node, seqs: expected });
      // Nobody had to reconnect: the node caught up from the log, or the client asked for what it missed.
      expect(c.socket.connected).toBe(true);
    }
  }, 240_000);
});
