import { bearer, eventually, startTestApi, TestApi } from '../support/api';
import { meetingAhead, publishLiveDay, type LiveDay } from '../support/live-day';
import { startPushReceiver, type PushReceiver } from '../support/push-receiver';

describe('Web Push to a participant’s phone', () => {
  let api: TestApi;
  let day: LiveDay;
  let push: PushReceiver;
  let agenda: string;
  const staff = () => bearer(api.tokens.staff);
  const subscriptions = async () =>
    (await api.query(`SELECT participant_id AS p, endpoint FROM push_subscriptions`)) as { p: string; endpoint: string }[];

  beforeAll(async () => {
    push = await startPushReceiver();
    api = await startTestApi({ PUSH_EXTRA_ENDPOINTS: push.origin });
    await api.startWorker();
    day = await publishLiveDay(api, { gadms: 2, cooperants: 2, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
    agenda = await day.link('g1');
  }, 90_000);
  afterAll(async () => {
    await api?.close();
    await push?.close();
  });

  it('refuses endpoints that are not a browser push service and malformed keys, saving nothing', async () => {
    const ok = push.subscription;
    for (const endpoint of [
      'http://10.0.0.5/internal',
      'https://fcm.googleapis.com.evil.example/x',
      'https://user:pw@fcm.googleapis.com/x',
      'nonsense',
    ]) {
      const r = await api.http
        .post('/me/push/subscriptions')
        .set(bearer(agenda))
        .send({ ...ok, endpoint })
        .expect(400);
      expect(r.body.fields).toEqual([expect.objectContaining({ path: 'endpoint', es: expect.stringContaining('servicio de avisos') })]);
    }
    await api.http
      .post('/me/push/subscriptions')
      .set(bearer(agenda))
      .send({ ...ok, keys: { ...ok.keys, p256dh: 'short' } })
      .expect(400);
    // Only a participant's own link subscribes.
    await api.http.post('/me/push/subscriptions').set(staff()).send(ok).expect(403);
    expect(await subscriptions()).toEqual([]);
  });

  it('a no-show reaches the subscribed participant’s phone, encrypted (RFC 8291) and signed (VAPID), with its own meeting only', async () => {
    const { publicKey } = (await api.http.get('/me/push').set(bearer(agenda)).expect(200)).body;
    expect(publicKey).toMatch(/^[\w-]{87}$/);
    // Made once per installation and kept: asked again, the same key.
    expect((await api.http.get('/me/push').set(bearer(agenda)).expect(200)).body.publicKey).toBe(publicKey);
    await api.http.post('/me/push/subscriptions').set(bearer(agenda)).send(push.subscription).expect(201);
    // Subscribing again from the same browser keeps one row.
    await api.http.post('/me/push/subscriptions').set(bearer(agenda)).send(push.subscription).expect(201);
    expect(await subscriptions()).toEqual([{ p: day.p.g1, endpoint: push.subscription.endpoint }]);

    const [m] = await api.query(
      `SELECT m.id, t.number FROM meetings m JOIN slots s ON s.id = m.slot_id JOIN tables t ON t.id = m.table_id
        WHERE m.event_id = $1 AND m.status = 'scheduled' AND $2 IN (m.participant_a_id, m.participant_b_id) AND s.starts_at > now() + interval '15 minutes'
        ORDER BY s.starts_at LIMIT 1`,
      [day.eventId, day.p.g1],
    );
    await api.http.post(`/events/${day.eventId}/live/meetings/${m.id}/status`).set(staff()).send({ status: 'no_show' }).expect(200);
    const got = await eventually(async () => {
      expect(push.refused).toEqual([]);
      return push.received.find((x) => x.json.tag === `meeting-${m.id}`);
    });
    expect(got.vapid).toMatchObject({ aud: push.origin, publicKey });
    expect(got.vapid.sub).toMatch(/^(mailto:|https:)/);
    expect(Object.keys(got.json).sort()).toEqual(['at', 'body', 'tag', 'title']);
    expect(got.json.title).toEqual({ es: 'Reunión cancelada', en: 'Meeting cancelled' });
    const body = got.json.body as { es: string; en: string };
    expect(body.es).toMatch(
      new RegExp(`^\\d{2}:\\d{2} · Mesa ${m.number} · con Cooperante COOP\\d\\. Se registró una ausencia\\. Revise su agenda\\.$`),
    );
    expect(body.en).toMatch(
      new RegExp(`^\\d{2}:\\d{2} · Table ${m.number} · with Cooperante COOP\\d\\. A no-show was recorded\\. Check your agenda\\.$`),
    );
    // Nothing about anyone else: no ids, no other participant's name.
    const rest = JSON.stringify({ ...got.json, tag: '' });
    expect(rest).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    expect(rest).not.toContain('GAD Municipal 0102');
  });

  it('a delay tells the participant when its next meeting starts now', async () => {
    const next = (await meetingAhead(api, day.eventId, 15))!;
    const before = push.received.length;
    await api.http
      .post(`/events/${day.eventId}/live/delays`)
      .set(staff())
      .send({ fromSlotId: next.slot_id, minutes: 10, scope: 'rest-of-day' })
      .expect(200);
    const got = await eventually(async () => push.received.slice(before).find((x) => x.json.tag === 'delay'));
    expect(got.json.title).toEqual({ es: 'Retraso en la agenda', en: 'The agenda is running late' });
    expect((got.json.body as { es: string }).es).toMatch(/^Su próxima reunión: \d{2}:\d{2} · Mesa \d+ · con Cooperante COOP\d\.$/);
  });

  it('a subscription the push service says is gone (410) is removed', async () => {
    push.answer(410);
    const next = (await meetingAhead(api, day.eventId, 15))!;
    await api.http
      .post(`/events/${day.eventId}/live/delays`)
      .set(staff())
      .send({ fromSlotId: next.slot_id, minutes: 5, scope: 'rest-of-day' })
      .expect(200);
    await eventually(async () => ((await subscriptions()).length === 0 ? true : undefined));
    push.answer(201);
  });

  it('opting out forgets the browser', async () => {
    await api.http.post('/me/push/subscriptions').set(bearer(agenda)).send(push.subscription).expect(201);
    await api.http.delete('/me/push/subscriptions').set(bearer(agenda)).send({ endpoint: push.subscription.endpoint }).expect(200);
    expect(await subscriptions()).toEqual([]);
  });

  it('a re-issued link takes the phones subscribed with the old one off the notices', async () => {
    const old = await day.link('g2');
    await api.http.post('/me/push/subscriptions').set(bearer(old)).send(push.subscription).expect(201);
    expect((await subscriptions()).map((x) => x.p)).toEqual([day.p.g2]);
    // The organisers re-issue the link because the old one got out: whoever holds it hears nothing more.
    const fresh = await day.link('g2');
    expect(await subscriptions()).toEqual([]);
    // Notices go only to the rows of push_subscriptions, so none can reach the old holder; the old
    // link cannot subscribe again either.
    await api.http.post('/me/push/subscriptions').set(bearer(old)).send(push.subscription).expect(401);
    expect(await subscriptions()).toEqual([]);
    // Opting in again with the new link works as before.
    await api.http.post('/me/push/subscriptions').set(bearer(fresh)).send(push.subscription).expect(201);
    expect((await subscriptions()).map((x) => x.p)).toEqual([day.p.g2]);
    await api.http.delete('/me/push/subscriptions').set(bearer(fresh)).send({ endpoint: push.subscription.endpoint }).expect(200);
  });
});
