import {
  ClearPairOverride,
  ImportTable,
  IssueInvitationLinks,
  type Principal,
  RequestAgendasExport,
  SendInvitations,
  SetPairOverride,
  StartMatchingRun,
  startSession,
  UseCases,
} from '@rueda/application';
import { parseTable } from '@rueda/importing';
import { bearer, SAMPLE_EVENT, startTestApi, type TestApi } from '../support/api';
import { refusedFields as refused } from '../support/refusals';

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const PARTICIPANTS = ['id;tipo_participante;nombre', '0104;gadm;GAD Municipal de Nabón', 'JICA;cooperante;JICA'];

/**
 * Every path that changes these records runs the same use case, so a bad command is refused by
 * one schema: the HTTP route answers 400 naming the field in Spanish and English, the use case
 * (as a job or the command line would run it) throws the same fields, and nothing is written.
 */
describe('matching, invitations, imports, exports and sign-in: the HTTP route and the use case share validation', () => {
  let api: TestApi;
  let useCases: UseCases;
  let ev: string;
  const admin = () => bearer(api.tokens.admin);
  const adminPrincipal = async (): Promise<Principal> => (await api.http.get('/auth/whoami').set(admin()).expect(200)).body as Principal;
  const count = async (sql: string, params: unknown[] = []) => (await api.query(sql, params))[0].n as number;

  beforeAll(async () => {
    api = await startTestApi();
    useCases = api.app.get(UseCases);
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('matching: a run asked for with a bad top, a pin with an unknown mode or a pair that is not ids', async () => {
    const by = await adminPrincipal();
    const runs = () => count(`SELECT count(*)::int AS n FROM match_runs WHERE event_id = $1`, [ev]);
    const start = (await api.http.post(`/events/${ev}/matching/runs`).set(admin()).send({ top: 0 }).expect(400)).body;
    expect(start.fields).toEqual([{ path: 'top', es: expect.any(String), en: expect.any(String) }]);
    expect(await refused(useCases.execute(StartMatchingRun, by, { eventId: ev, top: 0 }))).toEqual(start.fields);
    expect(await runs()).toBe(0);

    const bad = { demandId: 'x', offerId: UNKNOWN, mode: 'fix' };
    const pin = (await api.http.put(`/events/${ev}/pair-overrides`).set(admin()).send(bad).expect(400)).body;
    expect(pin.fields.map((f: { path: string }) => f.path)).toEqual(['demandId', 'mode']);
    expect(await refused(useCases.execute(SetPairOverride, by, { ...bad, eventId: ev }))).toEqual(pin.fields);
    // Ids of nothing in the event: named by the use case behind the route, in both languages.
    const unknown = { demandId: UNKNOWN, offerId: UNKNOWN, mode: 'pin' };
    const none = (await api.http.put(`/events/${ev}/pair-overrides`).set(admin()).send(unknown).expect(400)).body;
    expect(none.fields).toEqual([
      { path: 'demandId', es: 'demanda desconocida en este evento', en: 'unknown demand in this event' },
      { path: 'offerId', es: 'oferta desconocida en este evento', en: 'unknown offer in this event' },
    ]);
    expect(await refused(useCases.execute(SetPairOverride, by, { ...unknown, eventId: ev }))).toEqual(none.fields);

    const clear = (await api.http.delete(`/events/${ev}/pair-overrides?demandId=x&offerId=${UNKNOWN}`).set(admin()).expect(400)).body;
    expect(clear.fields.map((f: { path: string }) => f.path)).toEqual(['demandId']);
    expect(await refused(useCases.execute(ClearPairOverride, by, { eventId: ev, demandId: 'x', offerId: UNKNOWN }))).toEqual(clear.fields);
    expect(await count(`SELECT count(*)::int AS n FROM pair_overrides WHERE event_id = $1`, [ev])).toBe(0);
  });

  it('invitations: sending or issuing links to a filter with an unknown state or a participant that is not an id', async () => {
    const by = await adminPrincipal();
    const bad = { state: 'lost', participantIds: ['nope'] };
    const paths = ['state', 'participantIds.0'];
    const send = (await api.http.post(`/events/${ev}/invitations/send`).set(admin()).send(bad).expect(400)).body;
    expect(send.fields.map((f: { path: string }) => f.path)).toEqual(paths);
    expect(await refused(useCases.execute(SendInvitations, by, { ...bad, eventId: ev }))).toEqual(send.fields);
    const links = (await api.http.post(`/events/${ev}/invitations/links`).set(admin()).send(bad).expect(400)).body;
    expect(links.fields).toEqual(send.fields);
    expect(await refused(useCases.execute(IssueInvitationLinks, by, { ...bad, eventId: ev }))).toEqual(links.fields);
    expect(await count(`SELECT count(*)::int AS n FROM email_campaigns WHERE event_id = $1`, [ev])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM access_links WHERE event_id = $1`, [ev])).toBe(0);
  });

  it('imports: a mode that is neither dry-run nor commit', async () => {
    const by = await adminPrincipal();
    const http = (
      await api.http
        .post(`/events/${ev}/imports/participants?mode=write`)
        .set(admin())
        .attach('file', csv(PARTICIPANTS), { filename: 'p.csv', contentType: 'text/csv' })
        .expect(400)
    ).body;
    expect(http.fields).toEqual([{ path: 'mode', es: expect.any(String), en: expect.any(String) }]);
    const table = await parseTable(csv(PARTICIPANTS), { filename: 'p.csv' });
    expect(
      await refused(useCases.execute(ImportTable, by, { eventId: ev, kind: 'participants', mode: 'write', filename: 'p.csv', table })),
    ).toEqual(http.fields);
    expect(await count(`SELECT count(*)::int AS n FROM participants WHERE event_id = $1`, [ev])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM import_batches WHERE event_id = $1`, [ev])).toBe(0);
  });

  it('sign-in: an email that is not one and an empty password; nothing is written', async () => {
    const sessions = () => count(`SELECT count(*)::int AS n FROM auth_sessions`);
    const before = await sessions();
    const bad = { email: 'ana', password: '' };
    const http = (await api.http.post('/auth/login').send(bad).expect(400)).body;
    expect(http.fields.map((f: { path: string }) => f.path)).toEqual(['email', 'password']);
    const login = startSession({ ttlHours: 1 });
    expect(await refused(useCases.execute(login, { type: 'system', name: 'login' }, bad))).toEqual(http.fields);
    expect(await sessions()).toBe(before);
  });

  it('exports: agendas asked for an unknown kind of participant', async () => {
    const by = await adminPrincipal();
    const bad = { participantKind: 'mayor', includeEmpty: 'yes' };
    const http = (await api.http.post(`/events/${ev}/exports/agendas`).set(admin()).send(bad).expect(400)).body;
    expect(http.fields.map((f: { path: string }) => f.path)).toEqual(['participantKind', 'includeEmpty']);
    expect(await refused(useCases.execute(RequestAgendasExport, by, { ...bad, eventId: ev }))).toEqual(http.fields);
    expect(await count(`SELECT count(*)::int AS n FROM export_files WHERE event_id = $1`, [ev])).toBe(0);
  });
});
