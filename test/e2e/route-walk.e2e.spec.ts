import { randomUUID } from 'node:crypto';
import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

type Operation = { parameters?: { name: string; in: string; schema?: { type?: string; format?: string; enum?: string[] } }[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/**
 * Bodies that pass validation, so the request reaches the lookup of its ids. Keyed by
 * "METHOD path" as the OpenAPI document writes them; ids inside are random (unknown).
 */
const VALID_BODIES: Record<string, () => object> = {
  'post /events/{eventId}/live/delays': () => ({ fromSlotId: randomUUID(), minutes: 5 }),
  'post /events/{eventId}/live/walk-ins': () => ({ participantAId: randomUUID(), participantBId: randomUUID() }),
  'post /events/{eventId}/live/checkins': () => ({ delegateId: randomUUID() }),
  'post /events/{eventId}/live/meetings/{meetingId}/status': () => ({ status: 'held' }),
  'post /events/{eventId}/live/meetings/{meetingId}/move': () => ({ slotId: randomUUID(), tableId: randomUUID() }),
  'post /events/{eventId}/live/participants/{participantId}/leave': () => ({}),
  'put /events/{eventId}/schedules/{versionId}/assignments/{meetingId}': () => ({ slotId: randomUUID(), tableId: randomUUID() }),
  'post /events/{eventId}/meetings/requests': () => ({ requesterId: randomUUID(), counterpartId: randomUUID() }),
  'post /events/{eventId}/meetings': () => ({ participantAId: randomUUID(), participantBId: randomUUID() }),
  'post /events/{eventId}/schedules': () => ({ timeLimitSeconds: 1 }),
  'post /events/{eventId}/matching/runs': () => ({ top: 5 }),
  'post /events/{eventId}/pair-overrides': () => ({ demandId: randomUUID(), offerId: randomUUID(), mode: 'pin' }),
  'put /events/{eventId}/participants/{participantId}/unavailability': () => ({ slotIds: [randomUUID()] }),
  'put /events/{eventId}/sessions': () => ({ sessions: [] }),
  'post /events/{eventId}/tables': () => ({ number: 7 }),
  'patch /events/{eventId}/tables/{id}': () => ({ version: 1, label: 'x' }),
};

/** A value for a path parameter: an unknown id, or a valid word for the few that are not ids. */
function paramValue(p: NonNullable<Operation['parameters']>[number]): string {
  if (p.schema?.enum?.length) return p.schema.enum[0];
  if (p.name === 'kind') return 'participants';
  if (p.name === 'format') return 'csv';
  return randomUUID();
}

/**
 * Every route of the OpenAPI document, with random (unknown) ids in its path, as an admin:
 * nothing may answer 5xx. An unknown event, meeting, version, proposal or participant is a
 * 404 (or a 4xx naming the field), on every route.
 */
describe('every route with unknown ids answers 4xx, never 5xx', () => {
  let api: TestApi;
  let doc: OpenApi;
  let eventId: string;

  beforeAll(async () => {
    api = await startTestApi();
    doc = (await api.http.get('/docs/openapi.json').expect(200)).body;
    eventId = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT).expect(201)).body.id;
  }, 120_000);
  afterAll(async () => api?.close());

  const routes = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        // Logging out would end the walk's own session.
        .filter(() => path !== '/auth/logout')
        .map(([method, op]) => ({ method, path, op })),
    );

  const call = async (method: string, path: string, op: Operation, known: Record<string, string>) => {
    let url = path;
    for (const p of op.parameters ?? []) if (p.in === 'path') url = url.replace(`{${p.name}}`, known[p.name] ?? paramValue(p));
    const body = VALID_BODIES[`${method} ${path}`]?.() ?? {};
    let req = (api.http as any)[method](url).set(bearer(api.tokens.admin));
    if (method !== 'get' && method !== 'delete') req = req.send(body);
    const res = await req;
    return { route: `${method.toUpperCase()} ${path}`, url, status: res.status as number, body: res.body };
  };

  it('walks every documented route with an unknown event and unknown ids', async () => {
    const results: Awaited<ReturnType<typeof call>>[] = [];
    for (const { method, path, op } of routes()) results.push(await call(method, path, op, {}));
    expect(results.length).toBeGreaterThan(60);
    expect(results.filter((r) => r.status >= 500).map((r) => `${r.route} → ${r.status}`)).toEqual([]);
    // An unknown event is named as such wherever a valid body lets the request reach it.
    const reached = results.filter((r) =>
      Object.keys(VALID_BODIES).includes(`${r.route.split(' ')[0].toLowerCase()} ${r.route.split(' ')[1]}`),
    );
    // (or a 400 naming the unknown participant, where the body's ids are checked first)
    const named = (r: Awaited<ReturnType<typeof call>>) => r.status === 404 || (r.status === 400 && r.body.fields?.length > 0);
    expect(reached.filter((r) => !named(r)).map((r) => `${r.route} → ${r.status}`)).toEqual([]);
  });

  it('walks them again inside a real event, with the other ids unknown', async () => {
    const results: Awaited<ReturnType<typeof call>>[] = [];
    for (const { method, path, op } of routes()) {
      if (!path.includes('{eventId}') || (method === 'delete' && path === '/events/{eventId}')) continue;
      results.push(await call(method, path, op, { eventId }));
    }
    expect(results.filter((r) => r.status >= 500).map((r) => `${r.route} → ${r.status}`)).toEqual([]);
  });
});
