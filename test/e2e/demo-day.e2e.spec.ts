import { ApiClient } from '../../apps/cli/src/api-client';
import { playThePast } from '../../apps/cli/src/commands/demo-day';
import { startTestApi, TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';

describe('demo: the part of today already behind is acted out through the API', () => {
  let api: TestApi;
  let day: LiveDay;
  let client: ApiClient;

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    const base = await api.listen();
    day = await publishLiveDay(api, { onlyAhead: false, settings: { recoveryMode: 'confirm' } });
    client = new ApiClient(base);
    await client.login('admin@rueda.test', 'admin-password-1');
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('marks every meeting of the rounds over at the injected clock as held or no-show, checks their delegates in, and a re-run changes nothing', async () => {
    const [{ end }] = await api.query(`SELECT max(ends_at) AS end FROM slots WHERE event_id = $1`, [day.eventId]);
    const placed = await api.query(`SELECT id FROM meetings WHERE event_id = $1 AND status = 'scheduled'`, [day.eventId]);
    expect(placed.length).toBeGreaterThan(0);
    // The clock is injected: at the end of the day every round is over.
    const first = await playThePast(client, `/events/${day.eventId}`, new Date(end), 2026);
    expect(first.held + first.noShow).toBe(placed.length);
    expect(first.checkedIn).toBe(0);
    const rows = await api.query(
      `SELECT status, count(*)::int AS n FROM meetings WHERE event_id = $1 AND slot_id IS NOT NULL GROUP BY status`,
      [day.eventId],
    );
    expect(Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]))).toEqual({
      ...(first.held ? { held: first.held } : {}),
      ...(first.noShow ? { no_show: first.noShow } : {}),
    });
    const [{ n }] = await api.query(`SELECT count(*)::int AS n FROM delegates WHERE event_id = $1 AND checked_in_at IS NOT NULL`, [
      day.eventId,
    ]);
    expect(n).toBe(first.delegates);
    expect(first.delegates).toBeGreaterThan(0);
    expect(await playThePast(client, `/events/${day.eventId}`, new Date(end), 2026)).toEqual({
      held: 0,
      noShow: 0,
      checkedIn: 0,
      delegates: 0,
    });
  });

  it('before the first round nothing is marked', async () => {
    const fresh = await publishLiveDay(api, { onlyAhead: false });
    const [{ start }] = await api.query(`SELECT min(starts_at) AS start FROM slots WHERE event_id = $1`, [fresh.eventId]);
    expect(await playThePast(client, `/events/${fresh.eventId}`, new Date(new Date(start).getTime() - 60_000), 2026)).toEqual({
      held: 0,
      noShow: 0,
      checkedIn: 0,
      delegates: 0,
    });
  });
});
