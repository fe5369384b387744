import { randomUUID } from 'node:crypto';
import { bearer, startTestApi, TestApi } from '../support/api';
import { meetingAhead, publishLiveDay, type LiveDay } from '../support/live-day';

/**
 * A table's marks carry an idempotency key: a phone that was offline sends its queue again when
 * the connection returns, maybe twice (a reply lost on the way back). The first answer is kept
 * and given back; nothing changes a second time.
 */
describe('table marks with an idempotency key', () => {
  let api: TestApi;
  let day: LiveDay;
  const staff = () => bearer(api.tokens.staff);
  const mark = (meetingId: string, body: Record<string, unknown>) =>
    api.http.post(`/events/${day.eventId}/live/meetings/${meetingId}/status`).set(staff()).send(body);
  const changes = async (meetingId: string) =>
    Number((await api.query(`SELECT count(*) AS n FROM meeting_status_changes WHERE meeting_id = $1`, [meetingId]))[0].n);
  const meeting = async (id: string) => (await api.query(`SELECT status, version FROM meetings WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    day = await publishLiveDay(api, { gadms: 1, cooperants: 3, tables: 1, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('the same mark sent twice changes nothing the second time and gets the first answer', async () => {
    const m = (await meetingAhead(api, day.eventId))!;
    const key = randomUUID();
    const first = (await mark(m.id, { status: 'checked_in', version: m.version, idempotencyKey: key }).expect(200)).body;
    expect(first).toMatchObject({ id: m.id, status: 'checked_in', version: m.version + 1 });
    expect(first.change).not.toBeNull();
    expect(first.replayed).toBeUndefined();
    // Sent again with the version it was made on (now stale): the key wins, not a conflict.
    const again = (await mark(m.id, { status: 'checked_in', version: m.version, idempotencyKey: key }).expect(200)).body;
    expect(again).toEqual({ ...first, replayed: true });
    expect(await changes(m.id)).toBe(1);
    expect(await meeting(m.id)).toEqual({ status: 'checked_in', version: m.version + 1 });

    // Even after an organiser changed the meeting back, the replay changes nothing.
    await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/correction`)
      .set(bearer(api.tokens.admin))
      .send({ status: 'scheduled', reason: 'Marcado por error' })
      .expect(200);
    await mark(m.id, { status: 'checked_in', version: m.version, idempotencyKey: key }).expect(200);
    expect((await meeting(m.id)).status).toBe('scheduled');
    expect(await changes(m.id)).toBe(2);
  });

  it('two copies racing settle on one change; a key reused for another meeting is refused', async () => {
    const a = (await meetingAhead(api, day.eventId, 15))!;
    const b = (await meetingAhead(api, day.eventId, 15, [a.id]))!;
    const key = randomUUID();
    const [r1, r2] = await Promise.all([
      mark(a.id, { status: 'held', version: a.version, idempotencyKey: key }),
      mark(a.id, { status: 'held', version: a.version, idempotencyKey: key }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect([r1.body.replayed, r2.body.replayed].filter(Boolean)).toHaveLength(1);
    expect(await meeting(a.id)).toEqual({ status: 'held', version: a.version + 1 });

    const reused = await mark(b.id, { status: 'held', version: b.version, idempotencyKey: key }).expect(409);
    expect(reused.body.error).toBe('idempotency_key_reused');
    expect(reused.body.messages.es).toMatch(/ya se usó/);
    expect(reused.body.messages.en).toMatch(/already used/);
    expect((await meeting(b.id)).status).toBe('scheduled');
  });

  it('a queued mark for a meeting changed meanwhile is refused with the current meeting, and a bad key named', async () => {
    const m = (await meetingAhead(api, day.eventId, 15))!;
    await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/correction`)
      .set(bearer(api.tokens.admin))
      .send({ status: 'cancelled', reason: 'La cooperante canceló' })
      .expect(200);
    const stale = await mark(m.id, { status: 'held', version: m.version, idempotencyKey: randomUUID() }).expect(409);
    expect(stale.body.messages.es).toBeTruthy();
    expect(stale.body.current).toMatchObject({ id: m.id, status: 'cancelled' });
    expect((await meeting(m.id)).status).toBe('cancelled');

    const bad = await mark(m.id, { status: 'held', idempotencyKey: 'not-a-uuid' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('idempotencyKey');
  });
});
