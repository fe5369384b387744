import {
  ApproveChanges,
  ApproveRegistration,
  CreateUser,
  IssueAccessLink,
  IssueCalendarFeed,
  MyCalendarFeed,
  type Principal,
  OWN_ITEM_USE_CASES,
  RejectRegistration,
  ReturnChanges,
  RevokeCalendarFeed,
  SetMyAvailability,
  SubmitRegistration,
  subscribePush,
  UnsubscribePush,
  UpdateMyProfile,
  UseCases,
} from '@rueda/application';
import { hashToken } from '@rueda/domain';
import { refusalText } from '../../apps/cli/src/command';
import cli from '../../apps/cli/src/commands/users';
import { bearer, SAMPLE_EVENT, startTestApi, type TestApi } from '../support/api';
import { seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';
import { refusedFields as refused } from '../support/refusals';

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

  it('returning and approving changes marks them, tells the participant once and queues the notifications job after commit', async () => {
    const day = await seedDay(env);
    const ana = await day.participant('0101', 'gadm');
    const admin = await env.useCases.execute(
      CreateUser,
      { type: 'system', name: 'cli' },
      { email: 'rev@ame.gob.ec', name: 'Rev', role: 'admin', password: 'diez-caracteres' },
    );
    const by: Principal = { type: 'user', userId: admin.id, role: 'admin', email: admin.email };
    const change = () =>
      env.q(
        `INSERT INTO participant_changes (event_id, participant_id, entity, action, actor) VALUES ($1, $2, 'demand', 'create', 'participant') RETURNING id`,
        [day.eventId, ana],
      );
    const [[c1], [c2]] = [await change(), await change()];
    const cmd = { eventId: day.eventId, participantId: ana };
    await expect(env.useCases.execute(ReturnChanges, by, { ...cmd, comment: '  ' })).rejects.toMatchObject({
      kind: 'invalid',
      fields: [{ path: 'comment' }],
    });
    await expect(env.useCases.execute(ReturnChanges, STAFF, { ...cmd, comment: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(env.useCases.execute(ReturnChanges, by, { ...cmd, changeIds: [c1.id], comment: 'Monto sin centavos' })).resolves.toEqual({
      status: 'returned',
      changes: 1,
    });
    expect(env.last().jobs).toEqual([
      expect.objectContaining({ queue: 'notify', name: 'dispatch', data: { kind: 'dispatch', eventId: day.eventId } }),
    ]);
    await expect(env.useCases.execute(ApproveChanges, by, cmd)).resolves.toEqual({ status: 'approved', changes: 1 });
    const delivered = env.delivered.length;
    await expect(env.useCases.execute(ApproveChanges, by, cmd)).rejects.toMatchObject({ kind: 'conflict', code: 'nothing_to_review' });
    expect(env.delivered.length).toBe(delivered);
    const rows = await env.q(
      `SELECT id, review_status AS s, reviewed_by AS "by", review_comment AS c FROM participant_changes WHERE participant_id = $1 ORDER BY s`,
      [ana],
    );
    expect(rows).toEqual([
      { id: c2.id, s: 'approved', by: admin.id, c: null },
      { id: c1.id, s: 'returned', by: admin.id, c: 'Monto sin centavos' },
    ]);
    const notices = await env.q(`SELECT kind, notice FROM notifications WHERE participant_id = $1 ORDER BY kind`, [ana]);
    expect(notices).toEqual([
      { kind: 'review.approved', notice: { kind: 'review.approved' } },
      { kind: 'review.returned', notice: { kind: 'review.returned', comment: 'Monto sin centavos' } },
    ]);
    await expect(
      env.useCases.execute(ApproveChanges, by, { ...cmd, participantId: '00000000-0000-4000-8000-00000000dead' }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('a participant keeps its own data by use cases: each change audited, numbered and versioned; a bad command names the field and writes nothing', async () => {
    const day = await seedDay(env);
    const [cuenca, jica] = [await day.participant('0101', 'gadm'), await day.participant('JICA', 'cooperant')];
    const as = (participantId: string) => ({ type: 'participant' as const, participantId, eventId: day.eventId });
    const own = (participantId: string) => ({ eventId: day.eventId, participantId });
    const changes = async () => (await env.q(`SELECT count(*)::int AS n FROM participant_changes WHERE event_id = $1`, [day.eventId]))[0].n;
    const dataVersion = async () => (await env.q(`SELECT data_version AS v FROM events WHERE id = $1`, [day.eventId]))[0].v as number;

    await expect(env.useCases.execute(UpdateMyProfile, as(cuenca), { ...own(cuenca), version: 1, parallel: 0 })).rejects.toMatchObject({
      kind: 'invalid',
      fields: [{ path: 'parallel', es: 'debe ser ≥ 1', en: 'must be ≥ 1' }],
    });
    const demands = OWN_ITEM_USE_CASES.demands;
    await expect(env.useCases.execute(demands.create, as(cuenca), { ...own(cuenca), title: 'Agua', amountUsd: -5 })).rejects.toMatchObject({
      kind: 'invalid',
      fields: [{ path: 'amountUsd', es: 'debe ser ≥ 0', en: 'must be ≥ 0' }],
    });
    await expect(
      env.useCases.execute(SetMyAvailability, as(cuenca), { ...own(cuenca), unavailableSlotIds: ['00000000-0000-4000-8000-00000000dead'] }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      fields: [{ path: 'unavailableSlotIds', en: 'unknown slot: 00000000-0000-4000-8000-00000000dead' }],
    });
    expect(await changes()).toBe(0);

    const profile = await env.useCases.execute(UpdateMyProfile, as(cuenca), { ...own(cuenca), version: 1, phone: '072 000 000' });
    expect(profile).toMatchObject({ id: cuenca, phone: '072 000 000', version: 2 });
    const v0 = await dataVersion();
    const d1 = await env.useCases.execute(demands.create, as(cuenca), { ...own(cuenca), title: 'Agua potable', amountUsd: 1000 });
    const d2 = await env.useCases.execute(demands.create, as(cuenca), { ...own(cuenca), title: 'Riego', amountUsd: 2000 });
    expect([d1.externalId, d2.externalId]).toEqual(['0101-D1', '0101-D2']);
    expect(await dataVersion()).toBeGreaterThan(v0);
    await expect(
      env.useCases.execute(demands.update, as(jica), { ...own(jica), id: d1.id, version: d1.version, title: 'x' }),
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'wrong_participant_kind' });
    await expect(env.useCases.execute(demands.create, as(jica), { ...own(jica), title: 'x' })).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'wrong_participant_kind',
    });
    // Another participant's record is not there for it; another participant's link is refused.
    const delegates = OWN_ITEM_USE_CASES.delegates;
    const mine = await env.useCases.execute(delegates.create, as(cuenca), { ...own(cuenca), fullName: 'Ana Pérez' });
    expect(mine.externalId).toBe('0101-P1');
    await expect(env.useCases.execute(delegates.remove, as(jica), { ...own(jica), id: mine.id })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(env.useCases.execute(delegates.remove, as(jica), { ...own(cuenca), id: mine.id })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const offers = OWN_ITEM_USE_CASES.offers;
    const offer = await env.useCases.execute(offers.create, as(jica), {
      ...own(jica),
      title: 'Asistencia',
      minAmountUsd: 10,
      maxAmountUsd: 20,
    });
    await expect(
      env.useCases.execute(offers.update, as(jica), { ...own(jica), id: offer.id, version: offer.version, minAmountUsd: 30 }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      fields: [{ path: 'maxAmountUsd', es: 'debe ser ≥ minAmountUsd', en: 'must be ≥ minAmountUsd' }],
    });
    await expect(
      env.useCases.execute(demands.update, as(cuenca), { ...own(cuenca), id: d2.id, version: 99, title: 'x' }),
    ).rejects.toMatchObject({
      code: 'version_conflict',
    });
    await env.useCases.execute(demands.remove, as(cuenca), { ...own(cuenca), id: d2.id });
    await expect(
      env.useCases.execute(SetMyAvailability, as(cuenca), {
        ...own(cuenca),
        unavailableSlotIds: [day.slots[1], day.slots[0], day.slots[1]],
      }),
    ).resolves.toEqual({ unavailableSlotIds: [day.slots[0], day.slots[1]].sort() });
    const audit = await env.q(
      `SELECT entity, action, actor, review_status AS s FROM participant_changes WHERE event_id = $1 ORDER BY created_at, entity`,
      [day.eventId],
    );
    expect(audit.map((a: { entity: string; action: string }) => `${a.entity}:${a.action}`).sort()).toEqual(
      [
        'participant:update',
        'demand:create',
        'demand:create',
        'delegate:create',
        'offer:create',
        'demand:delete',
        'availability:update',
      ].sort(),
    );
    expect(new Set(audit.map((a: { actor: string; s: string }) => `${a.actor}/${a.s}`))).toEqual(new Set(['participant/pending']));

    // After the deadline (the start of the first slot here) every change is refused with the reason.
    env.clock.set('2026-11-25T14:00:00Z');
    try {
      await expect(env.useCases.execute(delegates.create, as(cuenca), { ...own(cuenca), fullName: 'Tarde' })).rejects.toMatchObject({
        kind: 'forbidden',
        code: 'self_service_closed',
        es: 'El plazo para modificar sus datos terminó el 25/11/2026 09:00 (America/Guayaquil); pida el cambio a la organización',
      });
    } finally {
      env.clock.set('2026-11-20T15:00:00Z');
    }
  });

  it('a public registration is taken while the event is open; approving makes the cooperant with its link and invitation, rejecting emails the reason', async () => {
    const day = await seedDay(env);
    const admin: Principal = { type: 'system', name: 'test-admin' };
    const form = {
      eventId: day.eventId,
      name: 'Fundación Agua Viva',
      acronym: 'FAV',
      email: 'Contacto@AguaViva.test',
      contact: { fullName: 'María López', role: 'Directora' },
      offers: [{ title: 'Asistencia técnica', minAmountUsd: 10000, maxAmountUsd: 50000 }, { title: 'Becas' }],
    };
    const anyone: Principal = { type: 'system', name: 'public-registration' };
    await expect(env.useCases.execute(SubmitRegistration, anyone, form)).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'registration_closed',
    });
    await env.q(`UPDATE events SET settings = settings || '{"registrationOpen": true}' WHERE id = $1`, [day.eventId]);
    await expect(
      env.useCases.execute(SubmitRegistration, anyone, { ...form, offers: [{ title: 'x', minAmountUsd: 5, maxAmountUsd: 1 }] }),
    ).rejects.toMatchObject({ kind: 'invalid', fields: [{ path: 'offers.0.maxAmountUsd' }] });
    const reg = await env.useCases.execute(SubmitRegistration, anyone, form);
    expect(reg).toEqual({ id: expect.any(String), status: 'pending' });
    const mailJobs = () =>
      env
        .last()
        .jobs.filter((j) => j.queue === 'mail')
        .map((j) => j.data);
    const [ack] = await env.q(`SELECT id, kind, to_addresses AS "to" FROM email_messages WHERE registration_id = $1`, [reg.id]);
    expect(ack).toMatchObject({ kind: 'registration', to: ['contacto@aguaviva.test'] });
    expect(mailJobs()).toEqual([{ messageId: ack.id }]);

    await expect(env.useCases.execute(ApproveRegistration, STAFF, { eventId: day.eventId, registrationId: reg.id })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const participant = await env.useCases.execute(ApproveRegistration, admin, { eventId: day.eventId, registrationId: reg.id });
    expect(participant).toMatchObject({
      externalId: 'FAV',
      kind: 'cooperant',
      name: 'Fundación Agua Viva',
      email: 'contacto@aguaviva.test',
    });
    const made = await env.q(
      `SELECT (SELECT array_agg(external_id ORDER BY external_id) FROM delegates WHERE participant_id = $1) AS delegates,
              (SELECT array_agg(external_id ORDER BY external_id) FROM offers WHERE participant_id = $1) AS offers,
              (SELECT count(*)::int FROM access_links WHERE participant_id = $1) AS links,
              (SELECT array_agg(kind) FROM email_messages WHERE participant_id = $1) AS emails,
              (SELECT status FROM registrations WHERE id = $2) AS status`,
      [participant.id, reg.id],
    );
    expect(made).toEqual([{ delegates: ['FAV-P1'], offers: ['FAV-O1', 'FAV-O2'], links: 1, emails: ['invitation'], status: 'approved' }]);
    expect(mailJobs()).toHaveLength(1);
    await expect(env.useCases.execute(ApproveRegistration, admin, { eventId: day.eventId, registrationId: reg.id })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'already_reviewed',
    });

    const other = await env.useCases.execute(SubmitRegistration, anyone, { ...form, acronym: 'OTRA' });
    await expect(
      env.useCases.execute(RejectRegistration, admin, { eventId: day.eventId, registrationId: other.id, comment: ' ' }),
    ).rejects.toMatchObject({ kind: 'invalid', fields: [{ path: 'comment' }] });
    await expect(
      env.useCases.execute(RejectRegistration, admin, { eventId: day.eventId, registrationId: other.id, comment: 'Ya participa como FAV' }),
    ).resolves.toEqual({ id: other.id, status: 'rejected' });
    const [rejected] = await env.q(`SELECT status, review_comment AS c FROM registrations WHERE id = $1`, [other.id]);
    expect(rejected).toEqual({ status: 'rejected', c: 'Ya participa como FAV' });
    expect(mailJobs()).toHaveLength(1);
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

  it('self-service: PATCH /me/profile and UpdateMyProfile; POST /me/profile/demands and CreateMyDemand', async () => {
    const changes = () => count(`SELECT count(*)::int AS n FROM participant_changes WHERE participant_id = $1`, [pid]);
    const me = { type: 'participant' as const, participantId: pid, eventId: ev };
    const http = (await api.http.patch('/me/profile').set(bearer(link)).send({ version: 1, parallel: 0, kind: 'cooperant' }).expect(400))
      .body;
    expect(http.fields).toEqual([
      { path: 'parallel', es: 'debe ser ≥ 1', en: 'must be ≥ 1' },
      { path: 'kind', es: 'campo desconocido', en: 'unknown field' },
    ]);
    expect(
      await refused(useCases.execute(UpdateMyProfile, me, { eventId: ev, participantId: pid, version: 1, parallel: 0, kind: 'cooperant' })),
    ).toEqual(http.fields);
    const demand = { title: '', amountUsd: -5 };
    const bad = (await api.http.post('/me/profile/demands').set(bearer(link)).send(demand).expect(400)).body;
    expect(bad.fields.map((f: { path: string }) => f.path)).toEqual(['title', 'amountUsd']);
    expect(await refused(useCases.execute(OWN_ITEM_USE_CASES.demands.create, me, { ...demand, eventId: ev, participantId: pid }))).toEqual(
      bad.fields,
    );
    // The participant is taken from its link: a body naming another one is refused, not obeyed.
    const other = (await api.http.post('/me/profile/delegates').set(bearer(link)).send({ fullName: 'X', participantId: ev }).expect(400))
      .body;
    expect(other.fields).toEqual([{ path: 'participantId', es: 'campo desconocido', en: 'unknown field' }]);
    expect(await changes()).toBe(0);
  });

  it('reviews and registrations: returning without a comment, a bad public form, rejecting without a reason', async () => {
    const by = await adminPrincipal();
    const ret = (await api.http.post(`/events/${ev}/reviews/${pid}/return`).set(admin()).send({ comment: ' ' }).expect(400)).body;
    expect(ret.fields).toEqual([{ path: 'comment', es: 'no puede estar vacío', en: 'cannot be empty' }]);
    expect(await refused(useCases.execute(ReturnChanges, by, { eventId: ev, participantId: pid, comment: ' ' }))).toEqual(ret.fields);

    await api.query(`UPDATE events SET settings = settings || '{"registrationOpen": true}' WHERE id = $1`, [ev]);
    const form = { name: 'Fundación', email: 'f@aguaviva.test', contact: { fullName: 'María' }, offers: [{ title: 'Becas' }] };
    const registrations = () => count(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1`, [ev]);
    const url = `/public/events/${ev}/registration`;
    const badForm = { ...form, email: 'no-es-correo', offers: [] };
    const sub = (await api.http.post(url).send(badForm).expect(400)).body;
    expect(sub.fields.map((f: { path: string }) => f.path)).toEqual(['email', 'offers']);
    const anyone: Principal = { type: 'system', name: 'public-registration' };
    expect(await refused(useCases.execute(SubmitRegistration, anyone, { ...badForm, eventId: ev }))).toEqual(sub.fields);
    expect(await registrations()).toBe(0);

    const reg = (await api.http.post(url).send(form).expect(201)).body;
    const rej = (await api.http.post(`/events/${ev}/registrations/${reg.id}/reject`).set(admin()).send({ comment: '' }).expect(400)).body;
    expect(rej.fields).toEqual([{ path: 'comment', es: 'no puede estar vacío', en: 'cannot be empty' }]);
    expect(await refused(useCases.execute(RejectRegistration, by, { eventId: ev, registrationId: reg.id, comment: '' }))).toEqual(
      rej.fields,
    );
    expect((await api.query(`SELECT status FROM registrations WHERE id = $1`, [reg.id]))[0].status).toBe('pending');
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
