import { AdvanceCommitment, type Clock, CreateCommitment, type Principal, RecordOutcome, UseCases } from '@rueda/application';
import { CLOCK } from '../../apps/api/src/platform/application.module';
import { bearer, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { refusal } from '../support/refusals';

/** The outcome and commitment routes run the follow-up use cases: one validation, one rule, nothing half written. */
describe('outcomes and commitments: HTTP and the use cases share one command path', () => {
  let api: TestApi;
  let useCases: UseCases;
  let ev: string;
  let meetingId: string;
  let meetingDay: string;
  const p: Record<string, { id: string; token: string; me: Principal }> = {};
  const admin = () => bearer(api.tokens.admin);
  const count = async (table: 'meeting_outcomes' | 'commitments') =>
    (await api.query(`SELECT count(*)::int AS n FROM ${table} WHERE event_id = $1`, [ev]))[0].n;

  beforeAll(async () => {
    api = await startTestApi();
    useCases = api.app.get(UseCases);
    ev = (await api.http.post('/events').set(admin()).send(SAMPLE_EVENT).expect(201)).body.id;
    for (const [key, externalId, kind] of [
      ['cuenca', '0101', 'gadm'],
      ['jica', 'JICA', 'cooperant'],
    ]) {
      const id = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: externalId }).expect(201))
        .body.id;
      const token = (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin())).body.token;
      p[key] = { id, token, me: { type: 'participant', participantId: id, eventId: ev } };
    }
    meetingId = (
      await api.http
        .post(`/events/${ev}/meetings`)
        .set(admin())
        .send({ participantAId: p.cuenca.id, participantBId: p.jica.id })
        .expect(201)
    ).body.id;
    // Held in the first slot, as the table would have marked it (the schedule is not what is tested here).
    const [slot] = await api.query(
      `SELECT s.id, to_char(s.starts_at AT TIME ZONE e.time_zone, 'YYYY-MM-DD') AS day
         FROM slots s JOIN events e ON e.id = s.event_id WHERE s.event_id = $1 ORDER BY s.ordinal LIMIT 1`,
      [ev],
    );
    await api.query(`UPDATE meetings SET status = 'held', slot_id = $1 WHERE id = $2`, [slot.id, meetingId]);
    meetingDay = slot.day;
  });
  afterAll(async () => api?.close());

  it('a bad outcome gets the same field problems in es and en from the route and the use case, and writes nothing', async () => {
    // A field out of range, and the check across fields (dates in order) that the command keeps from the body.
    for (const bad of [{ interest: 7 }, { interest: 3, nextContactDate: '2099-05-01', targetDate: '2099-04-01' }]) {
      const http = await api.http.put(`/me/outcomes/${meetingId}`).set(bearer(p.cuenca.token)).send(bad).expect(400);
      const own = { ...bad, eventId: ev, meetingId, participantId: p.cuenca.id };
      const direct = await refusal(useCases.execute(RecordOutcome, p.cuenca.me, own));
      expect(http.body.fields).toEqual([{ path: Object.keys(bad).at(-1), es: expect.any(String), en: expect.any(String) }]);
      expect(http.body.fields[0].es).not.toBe(http.body.fields[0].en);
      expect(direct.fields).toEqual(http.body.fields);
    }
    // A follow-up before the meeting's day: refused inside the use case, named the same on the organisers' route.
    const early = await api.http
      .put(`/events/${ev}/meetings/${meetingId}/outcomes/${p.jica.id}`)
      .set(admin())
      .send({ interest: 3, nextContactDate: '2000-01-01' })
      .expect(400);
    expect(early.body.fields).toEqual([
      {
        path: 'nextContactDate',
        es: `No puede ser anterior a la reunión (${meetingDay})`,
        en: `Cannot be before the meeting (${meetingDay})`,
      },
    ]);
    expect(await count('meeting_outcomes')).toBe(0);
  });

  it("a participant files only its own side; an organiser's form is stored as staff's", async () => {
    const other = await refusal(
      useCases.execute(RecordOutcome, p.cuenca.me, { eventId: ev, meetingId, participantId: p.jica.id, interest: 3 }),
    );
    expect(other.kind).toBe('forbidden');
    const staff = (
      await api.http.put(`/events/${ev}/meetings/${meetingId}/outcomes/${p.jica.id}`).set(admin()).send({ interest: 3 }).expect(200)
    ).body;
    expect(staff).toMatchObject({ side: 'b', filledBy: 'staff', filledByUserId: expect.any(String) });
  });

  it('a commitment takes its day from the API clock, and a bad one writes nothing', async () => {
    const untitled = await api.http.post(`/events/${ev}/commitments`).set(admin()).send({ meetingId, title: ' ' }).expect(400);
    const direct = await refusal(
      useCases.execute(CreateCommitment, { type: 'system', name: 'cli' }, { eventId: ev, meetingId, title: ' ' }),
    );
    expect(untitled.body.fields).toEqual([{ path: 'title', es: 'Título requerido', en: 'Title required' }]);
    expect(direct.fields).toEqual(untitled.body.fields);
    expect(await count('commitments')).toBe(0);
    // 03:00 UTC is still the evening before in Guayaquil; a day after the meeting's.
    const after = new Date(Date.parse(`${meetingDay}T00:00:00Z`) + 2 * 86_400_000 + 3 * 3_600_000);
    const at = jest.spyOn(api.app.get<Clock>(CLOCK), 'now').mockReturnValue(after);
    try {
      const c = (await api.http.post(`/events/${ev}/commitments`).set(admin()).send({ meetingId, title: 'Agua potable' }).expect(201)).body;
      const dayBefore = new Date(after.getTime() - 86_400_000).toISOString().slice(0, 10);
      expect(c).toMatchObject({ stage: 'identified', stageDate: dayBefore, history: [{ recordedAt: after.toISOString() }] });
      const byParticipant = await refusal(
        useCases.execute(AdvanceCommitment, p.cuenca.me, { eventId: ev, commitmentId: c.id, stage: 'signed', version: c.version }),
      );
      expect(byParticipant.kind).toBe('forbidden');
    } finally {
      at.mockRestore();
    }
  });
});
