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
  }, 60_000);
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
