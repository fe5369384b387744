import { bearer, eventually, startTestApi, TestApi } from '../support/api';
import { LiveTestClient } from '../support/live-client';
import { meetingAhead, publishLiveDay, type LiveDay } from '../support/live-day';

describe('table and control-room safety', () => {
  let api: TestApi;
  let base: string;
  let day: LiveDay;
  let staffClient: LiveTestClient;
  const staff = () => bearer(api.tokens.staff);

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    base = await api.listen();
    day = await publishLiveDay(api, { gadms: 1, cooperants: 1, tables: 1, settings: { recoveryMode: 'automatic', protectMinutes: 0 } });
    staffClient = new LiveTestClient(base, api.tokens.staff, { eventId: day.eventId });
    await staffClient.subscribe();
  }, 120_000);
  afterAll(async () => {
    staffClient?.close();
    await api?.close();
  });

  it('a freed table nobody can take is logged as left free, never as a proposal', async () => {
    const m = (await meetingAhead(api, day.eventId))!;
    await api.http.post(`/events/${day.eventId}/live/meetings/${m.id}/status`).set(staff()).send({ status: 'no_show' }).expect(200);
    const msg = await eventually(async () => staffClient.applied.find((x) => x.type === 'replacement.unavailable'));
    expect(msg.payload).toMatchObject({ slotId: m.slot_id, tableId: m.table_id, freedMeetingId: m.id });
    expect(msg.tables).toEqual([m.table_id]);
    expect(staffClient.applied.filter((x) => x.type === 'replacement.proposed')).toEqual([]);
    // The proposals panel agrees: nothing waiting, nothing applied.
    for (const status of ['proposed', 'applied']) {
      expect((await api.http.get(`/events/${day.eventId}/live/proposals?status=${status}`).set(staff()).expect(200)).body).toEqual([]);
    }
  });
});

describe('undo at the table and audited corrections by organisers', () => {
  let api: TestApi;
  let day: LiveDay;
  const staff = () => bearer(api.tokens.staff);
  const admin = () => bearer(api.tokens.admin);
  const mark = (id: string, status: string) =>
    api.http.post(`/events/${day.eventId}/live/meetings/${id}/status`).set(staff()).send({ status });
  const history = async (id: string) =>
    (await api.http.get(`/events/${day.eventId}/live/meetings/${id}/history`).set(staff()).expect(200)).body;

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.listen();
    day = await publishLiveDay(api, { gadms: 2, cooperants: 2, tables: 2, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('a mark can be undone within the minute, once, and both are in the meeting’s history', async () => {
    const m = (await meetingAhead(api, day.eventId))!;
    const r = (await mark(m.id, 'checked_in').expect(200)).body;
    expect(r.status).toBe('checked_in');
    expect(Date.parse(r.change.undoUntil) - Date.parse(r.change.at)).toBe(60_000);
    const undone = (
      await api.http.post(`/events/${day.eventId}/live/meetings/${m.id}/undo`).set(staff()).send({ changeId: r.change.id }).expect(200)
    ).body;
    expect(undone.status).toBe('scheduled');
    const again = await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/undo`)
      .set(staff())
      .send({ changeId: r.change.id })
      .expect(409);
    expect(again.body.messages).toEqual({
      es: expect.stringContaining('ya no se puede deshacer'),
      en: expect.stringContaining('can no longer be undone'),
    });
    const h = await history(m.id);
    expect(
      h.map((x: { kind: string; before: string; after: string; actorEmail: string }) => [x.kind, x.before, x.after, x.actorEmail]),
    ).toEqual([
      ['undo', 'checked_in', 'scheduled', 'staff@rueda.test'],
      ['mark', 'scheduled', 'checked_in', 'staff@rueda.test'],
    ]);
  });

  it('after the minute the table cannot undo; the reason says to ask the control room', async () => {
    const m = (await meetingAhead(api, day.eventId))!;
    const r = (await mark(m.id, 'checked_in').expect(200)).body;
    // The clock, injected through the record: the mark was made two minutes ago.
    await api.query(`UPDATE meeting_status_changes SET at = at - interval '2 minutes' WHERE meeting_id = $1`, [m.id]);
    const late = await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/undo`)
      .set(staff())
      .send({ changeId: r.change.id })
      .expect(409);
    expect(late.body.messages.es).toContain('sala de control');
    const [row] = await api.query(`SELECT status FROM meetings WHERE id = $1`, [m.id]);
    expect(row.status).toBe('checked_in');
  });

  it('undoing a no-show withdraws the waiting proposal; once another meeting took the cell it is refused with who took it', async () => {
    const m = (await meetingAhead(api, day.eventId))!;
    const r = (await mark(m.id, 'no_show').expect(200)).body;
    const back = await api.http.post(`/events/${day.eventId}/live/meetings/${m.id}/undo`).set(staff()).send({ changeId: r.change.id });
    expect([back.status, back.body.messages]).toEqual([200, undefined]);
    const open = await api.query(`SELECT id FROM replacement_proposals WHERE slot_id = $1 AND table_id = $2 AND status = 'proposed'`, [
      m.slot_id,
      m.table_id,
    ]);
    expect(open).toEqual([]);
    // Mark it again, and let a walk-in take the freed cell.
    const r2 = (await mark(m.id, 'no_show').expect(200)).body;
    const ids: string[] = [];
    for (const [externalId, kind, name] of [
      ['0110', 'gadm', 'GAD Municipal de Espontáneo'],
      ['WALK', 'cooperant', 'Cooperante Espontáneo'],
    ]) {
      ids.push(
        (await api.http.post(`/events/${day.eventId}/participants`).set(admin()).send({ externalId, kind, name }).expect(201)).body.id,
      );
    }
    await api.http
      .post(`/events/${day.eventId}/live/walk-ins`)
      .set(staff())
      .send({ participantAId: ids[0], participantBId: ids[1], slotId: m.slot_id, tableId: m.table_id })
      .expect(201);
    const refused = await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/undo`)
      .set(staff())
      .send({ changeId: r2.change.id })
      .expect(409);
    expect(refused.body.error).toBe('cell_taken');
    expect(refused.body.messages.es).toContain('GAD Municipal de Espontáneo ⇄ Cooperante Espontáneo');
    expect(refused.body.messages.en).toContain('move one of them from the control room');
    // The organisers' correction meets the same rule…
    await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/correction`)
      .set(admin())
      .send({ status: 'held', reason: 'Sí se reunieron en el pasillo' })
      .expect(409);
    // …needs a reason…
    const noReason = await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/correction`)
      .set(admin())
      .send({ status: 'cancelled' })
      .expect(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    // …and, when possible, is applied and audited with who, when, before, after and why.
    const fixed = (
      await api.http
        .post(`/events/${day.eventId}/live/meetings/${m.id}/correction`)
        .set(admin())
        .send({ status: 'cancelled', reason: 'El cooperante avisó que no vendría' })
        .expect(200)
    ).body;
    expect(fixed.status).toBe('cancelled');
    const [last] = await history(m.id);
    expect(last).toMatchObject({
      kind: 'correction',
      before: 'no_show',
      after: 'cancelled',
      actorEmail: 'admin@rueda.test',
      reason: 'El cooperante avisó que no vendría',
    });
    expect(Date.parse(last.at)).toBeGreaterThan(Date.now() - 60_000);
  });
});
