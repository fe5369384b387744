import { AnswerRequest, ExpireRequests, type Principal, RequestMeeting, UseCases, WithdrawRequest, WORKER } from '@rueda/application';
import { TEXT_LIMITS } from '@rueda/domain';
import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { refusal } from '../support/refusals';

/** The request routes and the worker run the meeting-request use cases: one validation, one rule, nothing half written. */
describe('meeting requests: HTTP and the use cases share one command path', () => {
  let api: TestApi;
  let useCases: UseCases;
  let ev: string;
  const p: Record<string, { id: string; token: string; me: Principal }> = {};
  const admin = () => bearer(api.tokens.admin);
  const meetings = async () => (await api.query(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1`, [ev]))[0].n;

  beforeAll(async () => {
    api = await startTestApi();
    useCases = api.app.get(UseCases);
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
    for (const [key, externalId, kind] of [
      ['nabon', '0104', 'gadm'],
      ['jica', 'JICA', 'cooperant'],
    ]) {
      const id = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: externalId }).expect(201))
        .body.id;
      const token = (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin())).body.token;
      p[key] = { id, token, me: { type: 'participant', participantId: id, eventId: ev } };
    }
  });
  afterAll(async () => api?.close());

  it('a bad command gets the same field problems in es and en from the route and the use case, and writes nothing', async () => {
    const bad = { counterpartId: p.jica.id, note: 'x'.repeat(TEXT_LIMITS.meetings.note + 1) };
    const http = await api.http.post('/me/requests').set(bearer(p.nabon.token)).send(bad).expect(400);
    const direct = await refusal(useCases.execute(RequestMeeting, p.nabon.me, { ...bad, eventId: ev, requesterId: p.nabon.id }));
    expect(http.body.fields).toEqual([{ path: 'note', es: expect.any(String), en: expect.any(String) }]);
    expect(direct.fields).toEqual(http.body.fields);
    // A slot of no event: refused inside the use case, named the same on the organisers' route.
    const unknownSlot = '00000000-0000-4000-8000-00000000000a';
    const window = await api.http
      .post(`/events/${ev}/meetings/requests`)
      .set(admin())
      .send({ requesterId: p.nabon.id, counterpartId: p.jica.id, allowedSlotIds: [unknownSlot] })
      .expect(400);
    expect(window.body.fields).toEqual([
      {
        path: 'allowedSlotIds.0',
        es: `franja desconocida en este evento: ${unknownSlot}`,
        en: `unknown slot in this event: ${unknownSlot}`,
      },
    ]);
    expect(await meetings()).toBe(0);
  });

  it('a participant asks only for itself, answers only what it was asked, and only the requester withdraws', async () => {
    const forOther = await refusal(
      useCases.execute(RequestMeeting, p.jica.me, { eventId: ev, requesterId: p.nabon.id, counterpartId: p.jica.id }),
    );
    expect(forOther.kind).toBe('forbidden');
    const req = (await api.http.post('/me/requests').set(bearer(p.nabon.token)).send({ counterpartId: p.jica.id }).expect(201)).body;
    const own = await refusal(useCases.execute(AnswerRequest, p.nabon.me, { eventId: ev, meetingId: req.id, answer: 'accept' }));
    expect(own.kind).toBe('forbidden');
    // Withdrawing is the requester's own decision: an organiser (or the worker) cannot do it for it.
    const byWorker = await refusal(
      useCases.execute(WithdrawRequest, WORKER, { eventId: ev, meetingId: req.id, participantId: p.nabon.id }),
    );
    expect(byWorker.kind).toBe('forbidden');
    await api.http.post(`/me/requests/${req.id}/withdraw`).set(bearer(p.nabon.token)).expect(200);
    expect((await api.query(`SELECT status FROM meetings WHERE id = $1`, [req.id]))[0].status).toBe('cancelled');
  });

  it("the worker's sweep expires overdue requests through the use case", async () => {
    const req = (await api.http.post('/me/requests').set(bearer(p.jica.token)).send({ counterpartId: p.nabon.id }).expect(201)).body;
    await api.query(`UPDATE meetings SET expires_at = now() - interval '1 minute' WHERE id = $1`, [req.id]);
    expect(await useCases.execute(ExpireRequests, WORKER, {})).toEqual({ expired: 1 });
    expect(await useCases.execute(ExpireRequests, WORKER, {})).toEqual({ expired: 0 });
    expect((await refusal(useCases.execute(ExpireRequests, p.jica.me, { eventId: ev }))).kind).toBe('forbidden');
  });
});
