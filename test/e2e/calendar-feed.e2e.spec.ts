import ICAL from 'ical.js';
import request from 'supertest';
import { bearer, startTestApi, TestApi } from '../support/api';
import { meetingAhead, publishLiveDay, type LiveDay } from '../support/live-day';

interface FeedEvent {
  uid: string;
  sequence: number;
  status: string;
  start: number;
  url: string | null;
  description: string;
}

/** Reads a feed back with a real iCalendar parser (ical.js), as a calendar app would. */
function parseFeed(ics: string): { events: FeedEvent[]; refresh: string | null; method: string } {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return {
    method: String(cal.getFirstPropertyValue('method')),
    refresh: (cal.getFirstPropertyValue('refresh-interval') as { toString(): string } | null)?.toString() ?? null,
    events: cal.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        sequence: e.sequence,
        status: String(v.getFirstPropertyValue('status')),
        start: e.startDate.toJSDate().getTime(),
        url: (v.getFirstPropertyValue('url') as string | null) ?? null,
        description: e.description,
      };
    }),
  };
}

describe('calendar feed: a webcal subscription per participant that calendars keep up to date', () => {
  let api: TestApi;
  let day: LiveDay;
  let me: { Authorization: string };
  let feedPath = '';
  const admin = () => bearer(api.tokens.admin);
  const staff = () => bearer(api.tokens.staff);
  const fetchFeed = async (path = feedPath) => {
    const res = await request(api.app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((r, cb) => {
        let s = '';
        r.on('data', (c: Buffer) => (s += c.toString('utf8')));
        r.on('end', () => cb(null, s));
      });
    return res as unknown as { status: number; body: string; headers: Record<string, string> };
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.listen();
    day = await publishLiveDay(api, { gadms: 2, cooperants: 2, tables: 2, settings: { recoveryMode: 'confirm' } });
    me = bearer(await day.link('g1'));
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('issues a feed URL through the personal link; the feed has stable UIDs, a SEQUENCE and asks to be refreshed', async () => {
    expect((await api.http.get('/me/calendar').set(me).expect(200)).body).toMatchObject({ active: false });
    const issued = (await api.http.post('/me/calendar').set(me).expect(201)).body;
    expect(issued.token).toMatch(/^rc_/);
    expect(issued.path).toBe(`/calendar/${issued.token}.ics`);
    feedPath = issued.path;
    const res = await fetchFeed();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const feed = parseFeed(res.body);
    expect(feed.method).toBe('PUBLISH');
    expect(feed.refresh).toBe('PT15M');
    const mine = await api.query(
      `SELECT id FROM meetings WHERE event_id = $1 AND $2 IN (participant_a_id, participant_b_id) AND slot_id IS NOT NULL`,
      [day.eventId, day.p.g1],
    );
    expect(feed.events.map((e) => e.uid).sort()).toEqual(mine.map((m: { id: string }) => `${m.id}@rueda`).sort());
    expect(feed.events.every((e) => e.status === 'CONFIRMED')).toBe(true);
  });

  it('a no-show becomes CANCELLED with a higher SEQUENCE under the same UID', async () => {
    const before = parseFeed((await fetchFeed()).body).events;
    const m = (
      await api.query(
        `SELECT m.id FROM meetings m JOIN slots s ON s.id = m.slot_id WHERE m.event_id = $1 AND $2 IN (m.participant_a_id, m.participant_b_id)
        ORDER BY s.starts_at LIMIT 1`,
        [day.eventId, day.p.g1],
      )
    )[0];
    await api.http.post(`/events/${day.eventId}/live/meetings/${m.id}/status`).set(staff()).send({ status: 'no_show' }).expect(200);
    const after = parseFeed((await fetchFeed()).body).events;
    const was = before.find((e) => e.uid === `${m.id}@rueda`)!;
    const now = after.find((e) => e.uid === `${m.id}@rueda`)!;
    expect(was.status).toBe('CONFIRMED');
    expect(now.status).toBe('CANCELLED');
    expect(now.sequence).toBeGreaterThan(was.sequence);
    // The one-off download says the same.
    const file = (await api.http.get('/me/agenda.ics').set(me).buffer(true).expect(200)).text;
    expect(parseFeed(file).events.find((e) => e.uid === `${m.id}@rueda`)?.status).toBe('CANCELLED');
  });

  it('a delay moves the events and raises their SEQUENCE', async () => {
    const before = parseFeed((await fetchFeed()).body).events;
    const next = (await meetingAhead(api, day.eventId, 0))!;
    await api.http
      .post(`/events/${day.eventId}/live/delays`)
      .set(staff())
      .send({ fromSlotId: next.slot_id, minutes: 10, scope: 'rest-of-day' })
      .expect(200);
    const after = parseFeed((await fetchFeed()).body).events;
    const moved = after.filter((e) => {
      const b = before.find((x) => x.uid === e.uid)!;
      return e.start !== b.start;
    });
    expect(moved.length).toBeGreaterThan(0);
    for (const e of moved) {
      const b = before.find((x) => x.uid === e.uid)!;
      expect(e.start - b.start).toBe(10 * 60_000);
      expect(e.sequence).toBeGreaterThan(b.sequence);
    }
  });

  it('hybrid: a remote cooperant’s link, or a meeting’s own, shows on both agendas and in the feed', async () => {
    const c1 = (await api.http.get(`/events/${day.eventId}/participants/${day.p.c1}`).set(admin()).expect(200)).body;
    const bad = await api.http
      .patch(`/events/${day.eventId}/participants/${day.p.c1}`)
      .set(admin())
      .send({ version: c1.version, remote: true, videoUrl: 'javascript:alert(1)' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('videoUrl');
    await api.http
      .patch(`/events/${day.eventId}/participants/${day.p.c1}`)
      .set(admin())
      .send({ version: c1.version, remote: true, videoUrl: 'https://meet.example.org/coop1' })
      .expect(200);
    const withC1 = (await api.http.get('/me/meetings').set(me).expect(200)).body.filter(
      (m: { counterpartId: string }) => m.counterpartId === day.p.c1,
    );
    expect(withC1.length).toBeGreaterThan(0);
    expect(withC1.every((m: { videoUrl: string }) => m.videoUrl === 'https://meet.example.org/coop1')).toBe(true);
    const c1Agenda = (
      await api.http
        .get('/me/meetings')
        .set(bearer(await day.link('c1')))
        .expect(200)
    ).body;
    expect(c1Agenda.every((m: { videoUrl: string }) => m.videoUrl === 'https://meet.example.org/coop1')).toBe(true);
    const feed = parseFeed((await fetchFeed()).body).events;
    for (const m of withC1) {
      const e = feed.find((x) => x.uid === `${m.id}@rueda`)!;
      expect(e.url).toBe('https://meet.example.org/coop1');
      expect(e.description).toContain('Videollamada / Video call: https://meet.example.org/coop1');
    }
    // A meeting's own link wins.
    const own = withC1[0];
    const seq = feed.find((x) => x.uid === `${own.id}@rueda`)!.sequence;
    await api.http
      .put(`/events/${day.eventId}/meetings/${own.id}/video`)
      .set(admin())
      .send({ videoUrl: 'https://meet.example.org/m1' })
      .expect(200);
    await api.http.put(`/events/${day.eventId}/meetings/${own.id}/video`).set(admin()).send({ videoUrl: 'http://insecure' }).expect(400);
    const e = parseFeed((await fetchFeed()).body).events.find((x) => x.uid === `${own.id}@rueda`)!;
    expect(e.url).toBe('https://meet.example.org/m1');
    expect(e.sequence).toBeGreaterThan(seq);
  });

  it('renewing revokes the old URL; revoking, or a new personal link, ends the feed (404 in both languages)', async () => {
    const old = feedPath;
    feedPath = (await api.http.post('/me/calendar').set(me).expect(201)).body.path;
    const gone = await api.http.get(old).expect(404);
    expect(gone.body.messages).toEqual({ es: expect.stringContaining('revocado'), en: expect.stringContaining('revoked') });
    expect((await fetchFeed()).status).toBe(200);
    await api.http.delete('/me/calendar').set(me).expect(200);
    expect((await fetchFeed()).status).toBe(404);
    feedPath = (await api.http.post('/me/calendar').set(me).expect(201)).body.path;
    expect((await fetchFeed()).status).toBe(200);
    await day.link('g1'); // the organisers issue a new personal link
    expect((await fetchFeed()).status).toBe(404);
    await api.http.get('/calendar/rp_not-a-feed.ics').expect(404);
  });
});
