import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { LiveTestClient } from '../support/live-client';

/**
 * One participant link floods the live socket. Before: the HTTP throttler counted socket
 * messages under one shared key (sockets have no address), so a flood silenced every client's
 * `subscribe` for a minute. Now each socket and each principal has its own budget: the flooding
 * socket alone is cut off, with a reason in Spanish and English.
 */
describe('live socket rate limits: per socket and per principal, never shared', () => {
  let api: TestApi;
  let base: string;
  let ev: string;
  const links: Record<string, string> = {};
  const clients: LiveTestClient[] = [];
  const client = (token: string, req = {}) => {
    const c = new LiveTestClient(base, token, req);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    // The HTTP budget is set below the flood: it must not apply to socket messages at all.
    api = await startTestApi({ API_RATE_PER_MINUTE: '200', LIVE_SOCKET_RATE_PER_MINUTE: '120', LIVE_PRINCIPAL_RATE_PER_MINUTE: '1200' });
    base = await api.listen();
    const admin = bearer(api.tokens.admin);
    ev = (await api.http.post('/events').set(admin).send(SAMPLE_EVENT).expect(201)).body.id;
    for (const [key, externalId] of [
      ['flooder', '0104'],
      ['other', '0101'],
    ]) {
      const id = (await api.http.post(`/events/${ev}/participants`).set(admin).send({ externalId, kind: 'gadm', name: externalId })).body
        .id;
      links[key] = (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin).expect(201)).body.token;
    }
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    delete process.env.API_RATE_PER_MINUTE;
    delete process.env.LIVE_SOCKET_RATE_PER_MINUTE;
    delete process.env.LIVE_PRINCIPAL_RATE_PER_MINUTE;
    await api?.close();
  });

  it('cuts off the flooding socket alone; the same link on another device, other participants and staff keep working', async () => {
    const flooder = client(links.flooder);
    const sameLinkElsewhere = client(links.flooder);
    const other = client(links.other);
    const staff = client(api.tokens.staff, { eventId: ev });
    for (const c of [flooder, sameLinkElsewhere, other, staff]) expect((await c.subscribe()).ok).toBe(true);

    const disconnected = new Promise<string>((resolve) => flooder.socket.once('disconnect', (reason) => resolve(reason)));
    const acks: { ok: boolean; code?: string }[] = [];
    const FLOOD = 300; // bounded: well past the socket budget (120) and the old shared HTTP budget (200)
    await Promise.all(
      Array.from({ length: FLOOD }, () =>
        flooder.socket
          .timeout(10_000)
          .emitWithAck('subscribe', { lastSeq: 0 })
          .then(
            (a) => acks.push(a as { ok: boolean; code?: string }),
            () => undefined, // sent after the cut: never answered
          ),
      ),
    );
    expect(await disconnected).toBe('io server disconnect');
    expect(flooder.byes).toContainEqual(expect.objectContaining({ code: 'rate_limited', es: expect.any(String), en: expect.any(String) }));
    // The message over the budget is answered with the reason; none is left to the HTTP throttler's
    // "Internal server error" (acks still pending at the cut are simply never answered).
    expect(acks.some((a) => !a.ok && a.code === 'rate_limited')).toBe(true);
    expect(acks.every((a) => a.ok || a.code === 'rate_limited')).toBe(true);

    // Everybody else is untouched, during and after the flood.
    for (const c of [sameLinkElsewhere, other, staff]) {
      const ack = await c.subscribe();
      expect(ack).toMatchObject({ ok: true });
    }
    // The flooded link can come back on a new connection (its principal budget is far from spent).
    const back = client(links.flooder);
    expect((await back.subscribe()).ok).toBe(true);
  });
});
