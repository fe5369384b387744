import {
  CreateUser,
  IssueAccessLink,
  IssueCalendarFeed,
  MyCalendarFeed,
  type Principal,
  RevokeCalendarFeed,
  subscribePush,
  UnsubscribePush,
  UseCases,
} from '@rueda/application';
import { hashToken } from '@rueda/domain';
import { refusalText } from '../../apps/cli/src/command';
import cli from '../../apps/cli/src/commands/users';
import { bearer, SAMPLE_EVENT, startTestApi, type TestApi } from '../support/api';
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

  it('the command line and an admin create accounts by one use case: a short password is refused naming the field, nothing written', async () => {
    const cli = { type: 'system' as const, name: 'cli' };
    const users = async () => (await env.q(`SELECT count(*)::int AS n FROM users`))[0].n;
    const before = await users();
    // The command line used to take 8 characters where the API asked for 10.
    await expect(
      env.useCases.execute(CreateUser, cli, {
        email: 'ana@ame.gob.ec',
        name: 'Ana',
        role: 'admin',
        password: 'ocho1234',
        onExisting: 'reset',
      }),
    ).rejects.toMatchObject({ kind: 'invalid', fields: [{ path: 'password', es: 'mínimo 10 caracteres', en: 'at least 10 characters' }] });
    expect(await users()).toBe(before);
    const ana = await env.useCases.execute(CreateUser, cli, {
      email: 'Ana@AME.gob.ec',
      name: 'Ana',
      role: 'admin',
      password: 'diez-caracteres',
      onExisting: 'reset',
    });
    expect(ana).toMatchObject({ email: 'ana@ame.gob.ec', role: 'admin', active: true });
    expect(ana).not.toHaveProperty('passwordHash');
    // Setting it up again from the command line resets it (a forgotten password), same account.
    const again = await env.useCases.execute(CreateUser, cli, {
      email: 'ana@ame.gob.ec',
      name: 'Ana P.',
      role: 'staff',
      password: 'otra-clave-10',
      onExisting: 'reset',
    });
    expect(again).toMatchObject({ id: ana.id, name: 'Ana P.', role: 'staff' });
    const admin: Principal = { type: 'user', userId: ana.id, role: 'admin', email: ana.email };
    await expect(
      env.useCases.execute(CreateUser, admin, { email: 'ana@ame.gob.ec', name: 'Otra', role: 'staff', password: 'diez-caracteres' }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'duplicate' });
    await expect(
      env.useCases.execute(CreateUser, STAFF, { email: 'luis@ame.gob.ec', name: 'Luis', role: 'staff', password: 'diez-caracteres' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    // Resetting an account is the installation operator's, not an admin's.
    await expect(
      env.useCases.execute(CreateUser, admin, {
        email: 'ana@ame.gob.ec',
        name: 'X',
        role: 'admin',
        password: 'diez-caracteres',
        onExisting: 'reset',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await env.q(`SELECT name, role FROM users WHERE email = 'ana@ame.gob.ec'`))[0]).toEqual({ name: 'Ana P.', role: 'staff' });
  });

  it('issuing a link again replaces the old one and drops its calendar feed and push subscriptions; admins only', async () => {
    const day = await seedDay(env);
    const ana = await day.participant('0101', 'gadm');
    const admin: Principal = { type: 'system', name: 'test-admin' };
    const cmd = { eventId: day.eventId, participantId: ana };
    await expect(env.useCases.execute(IssueAccessLink, STAFF, cmd)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(env.useCases.execute(IssueAccessLink, admin, { ...cmd, participantId: 'nope' })).rejects.toMatchObject({
      kind: 'invalid',
      fields: [{ path: 'participantId' }],
    });
    const first = await env.useCases.execute(IssueAccessLink, admin, cmd);
    expect(first).toEqual({ token: expect.stringMatching(/^rp_/), replacedHash: null });
    const me = { type: 'participant' as const, participantId: ana, eventId: day.eventId };
    await env.useCases.execute(IssueCalendarFeed, me, cmd);
    await env.useCases.execute(subscribePush([]), me, { ...cmd, endpoint: 'https://fcm.googleapis.com/fcm/send/x', keys: KEYS });
    const second = await env.useCases.execute(IssueAccessLink, admin, cmd);
    expect(second.replacedHash).toBe(hashToken(first.token));
    const [row] = await env.q(
      `SELECT l.token_hash AS h, p.calendar_token_hash AS cal, (SELECT count(*)::int FROM push_subscriptions WHERE participant_id = $1) AS subs
         FROM access_links l JOIN participants p ON p.id = l.participant_id WHERE l.participant_id = $1`,
      [ana],
    );
    expect(row).toEqual({ h: hashToken(second.token), cal: null, subs: 0 });
    await expect(
      env.useCases.execute(IssueAccessLink, admin, { ...cmd, participantId: '00000000-0000-4000-8000-00000000dead' }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

/**
 * Every path that changes these records runs the same use case, so a bad command is refused by
 * one schema: the HTTP route answers 400 naming the field in Spanish and English, the use case
 * (as a job or the command line runs it) throws the same fields, and nothing is written.
 */
describe('reach commands: the HTTP route and the other paths share validation', () => {
  let api: TestApi;
  let useCases: UseCases;
  let ev: string;
  let pid: string;
  let link: string;
  const admin = () => bearer(api.tokens.admin);
  const adminPrincipal = async (): Promise<Principal> => (await api.http.get('/auth/whoami').set(admin()).expect(200)).body as Principal;
  /** The fields of a refused use case (a DomainError), as the API would list them. */
  const refused = async (run: Promise<unknown>) => {
    const e = (await run.then(
      () => undefined,
      (err: unknown) => err,
    )) as { kind?: string; fields?: unknown[] } | undefined;
    expect(e?.kind).toBe('invalid');
    return e!.fields;
  };
  const count = async (sql: string, params: unknown[] = []) => (await api.query(sql, params))[0].n as number;

  beforeAll(async () => {
    api = await startTestApi();
    useCases = api.app.get(UseCases);
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
    pid = (
      await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId: '0101', kind: 'gadm', name: 'Cuenca' }).expect(201)
    ).body.id;
    link = (await api.http.post(`/events/${ev}/participants/${pid}/access-link`).set(admin()).expect(201)).body.token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('accounts: POST /users and `rueda users create` refuse a short password with the same words', async () => {
    const users = () => count(`SELECT count(*)::int AS n FROM users`);
    const before = await users();
    const http = (
      await api.http
        .post('/users')
        .set(admin())
        .send({ email: 'corta@ame.gob.ec', name: 'Corta', role: 'staff', password: 'corta' })
        .expect(400)
    ).body;
    expect(http.fields).toEqual([{ path: 'password', es: 'mínimo 10 caracteres', en: 'at least 10 characters' }]);
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = api.dbUrl;
    try {
      const err = await cli.run(['create', '--email', 'corta@ame.gob.ec', '--password', 'corta']).catch((e: unknown) => e);
      expect((err as { fields: unknown[] }).fields).toEqual(http.fields);
      expect(refusalText(err as Error)).toContain('  --password: mínimo 10 caracteres / at least 10 characters\n');
      // The command line's role is checked by the same enum as the API's.
      const role = await cli
        .run(['create', '--email', 'rol@ame.gob.ec', '--password', 'diez-caracteres', '--role', 'jefe'])
        .catch((e: unknown) => e);
      expect((role as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['role']);
    } finally {
      process.env.DATABASE_URL = url;
    }
    expect(await users()).toBe(before);
  });

  it('access links: a participant id that is not an id is named by the route and the use case alike', async () => {
    const by = await adminPrincipal();
    const http = (await api.http.post(`/events/${ev}/participants/nope/access-link`).set(admin()).expect(400)).body;
    expect(http.fields).toEqual([{ path: 'participantId', es: expect.any(String), en: expect.any(String) }]);
    expect(await refused(useCases.execute(IssueAccessLink, by, { eventId: ev, participantId: 'nope' }))).toEqual(http.fields);
    // The link issued in beforeAll still works: nothing was replaced.
    await api.http.get('/me/profile').set(bearer(link)).expect(200);
  });
});
