import { IssueCalendarFeed, MyCalendarFeed, RevokeCalendarFeed, subscribePush, UnsubscribePush } from '@rueda/application';
import { hashToken } from '@rueda/domain';
import { seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';

const KEYS = { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) };

/** What a participant changes through its personal link, as use cases against the real PostgreSQL. */
describe('participant reach use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a calendar link is issued once per ask, keeps only its hash, and a new one or a revoke ends the old one', async () => {
    const day = await seedDay(env);
    const ana = await day.participant('0101', 'gadm');
    const me = { type: 'participant' as const, participantId: ana, eventId: day.eventId };
    const own = { eventId: day.eventId, participantId: ana };
    const first = await env.useCases.execute(IssueCalendarFeed, me, own);
    expect(first).toEqual({
      token: expect.stringMatching(/^rc_[\w-]{43}$/),
      path: `/calendar/${first.token}.ics`,
      issuedAt: new Date('2026-11-20T15:00:00Z'),
      refreshMinutes: 15,
    });
    const hash = async () => (await env.q(`SELECT calendar_token_hash AS h FROM participants WHERE id = $1`, [ana]))[0].h;
    expect(await hash()).toBe(hashToken(first.token));
    const second = await env.useCases.execute(IssueCalendarFeed, me, own);
    expect(second.token).not.toBe(first.token);
    expect(await hash()).toBe(hashToken(second.token));
    await expect(env.useCases.ask(MyCalendarFeed, me, own)).resolves.toEqual({ active: true, issuedAt: new Date('2026-11-20T15:00:00Z') });
    await expect(env.useCases.execute(RevokeCalendarFeed, me, own)).resolves.toEqual({ active: false });
    expect(await hash()).toBeNull();
    await expect(env.useCases.ask(MyCalendarFeed, me, own)).resolves.toEqual({ active: false, issuedAt: null });
  });

  it("only the participant itself: another participant's link or an organiser is refused and nothing is written", async () => {
    const day = await seedDay(env);
    const [ana, luis] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    const asLuis = { type: 'participant' as const, participantId: luis, eventId: day.eventId };
    const own = { eventId: day.eventId, participantId: ana };
    await expect(env.useCases.execute(IssueCalendarFeed, asLuis, own)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(env.useCases.execute(IssueCalendarFeed, STAFF, own)).rejects.toMatchObject({ kind: 'forbidden' });
    const sub = subscribePush([]);
    const push = { ...own, endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: KEYS };
    await expect(env.useCases.execute(sub, asLuis, push)).rejects.toMatchObject({ kind: 'forbidden' });
    const rows = await env.q(
      `SELECT (SELECT count(*)::int FROM push_subscriptions WHERE participant_id = $1) AS subs, calendar_token_hash AS h FROM participants WHERE id = $1`,
      [ana],
    );
    expect(rows).toEqual([{ subs: 0, h: null }]);
  });

  it('a browser subscribes once (again from another agenda takes it over) and unsubscribes; a non-push URL names the field', async () => {
    const day = await seedDay(env);
    const [ana, luis] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    const as = (participantId: string) => ({ type: 'participant' as const, participantId, eventId: day.eventId });
    const sub = subscribePush(['http://127.0.0.1:9']);
    const endpoint = 'https://fcm.googleapis.com/fcm/send/abc';
    await expect(env.useCases.execute(sub, as(ana), { eventId: day.eventId, participantId: ana, endpoint, keys: KEYS })).resolves.toEqual({
      subscribed: true,
    });
    await env.useCases.execute(sub, as(luis), { eventId: day.eventId, participantId: luis, endpoint, keys: KEYS });
    const owners = () => env.q(`SELECT participant_id AS p FROM push_subscriptions WHERE endpoint = $1`, [endpoint]);
    expect(await owners()).toEqual([{ p: luis }]);
    await env.useCases.execute(sub, as(ana), { eventId: day.eventId, participantId: ana, endpoint: 'http://127.0.0.1:9/x', keys: KEYS });
    await expect(
      env.useCases.execute(sub, as(ana), { eventId: day.eventId, participantId: ana, endpoint: 'http://evil.example/x', keys: KEYS }),
    ).rejects.toMatchObject({ kind: 'invalid', fields: [{ path: 'endpoint', es: expect.stringContaining('servicio de avisos') }] });
    await expect(env.useCases.execute(UnsubscribePush, as(luis), { eventId: day.eventId, participantId: luis, endpoint })).resolves.toEqual(
      {
        subscribed: false,
      },
    );
    expect(await owners()).toEqual([]);
  });
});
