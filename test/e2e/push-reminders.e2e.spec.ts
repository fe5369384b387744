import { formatTime } from '@rueda/i18n';
import { PushService } from '../../apps/api/src/platform/push';
import { bearer, eventually, startTestApi, TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';
import { startPushReceiver, type PushReceiver } from '../support/push-receiver';

/**
 * "Su reunión empieza en 5 min" on the participant's phone: the sweep a worker runs every minute,
 * driven here by a pinned clock (never the wall clock), delivered to a push endpoint on loopback
 * that decrypts the payload (RFC 8291) and checks the VAPID signature.
 */
describe('Web Push: next meeting in 5 minutes', () => {
  let api: TestApi;
  let day: LiveDay;
  let push: PushReceiver;
  const MIN = 60_000;
  const reminders = () => push.received.filter((r) => String((r.json.title as { es: string }).es).startsWith('Su reunión empieza'));

  beforeAll(async () => {
    push = await startPushReceiver();
    api = await startTestApi({ PUSH_EXTRA_ENDPOINTS: push.origin });
    await api.startWorker();
    day = await publishLiveDay(api, { gadms: 1, cooperants: 2, tables: 1, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
    await api.http
      .post('/me/push/subscriptions')
      .set(bearer(await day.link('g1')))
      .send(push.subscription)
      .expect(201);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await push?.close();
  });

  it('reminds once per meeting and start time, with only the participant’s own meeting, and again after a delay', async () => {
    const channel = api.app.get(PushService).channel;
    const [m] = await api.query(
      `SELECT m.id, s.id AS slot_id, s.starts_at, t.number AS table_number, pc.name AS counterpart
         FROM meetings m JOIN slots s ON s.id = m.slot_id JOIN tables t ON t.id = m.table_id
         JOIN participants pc ON pc.id = CASE WHEN m.participant_a_id = $2 THEN m.participant_b_id ELSE m.participant_a_id END
        WHERE m.event_id = $1 AND $2 IN (m.participant_a_id, m.participant_b_id) ORDER BY s.starts_at LIMIT 1`,
      [day.eventId, day.p.g1],
    );
    const start = new Date(m.starts_at).getTime();

    // Six minutes before: too early. Four and a half: the reminder, to g1 only (c1 and c2 did not opt in).
    expect(await channel.remind({ now: new Date(start - 6 * MIN) })).toMatchObject({ reminded: 0 });
    // Two workers sweeping at the same minute: one reminder between them.
    const both = await Promise.all([
      channel.remind({ now: new Date(start - 4.5 * MIN) }),
      channel.remind({ now: new Date(start - 4.5 * MIN) }),
    ]);
    expect(both.map((r) => r.reminded).sort()).toEqual([0, 1]);
    expect(both.find((r) => r.reminded)).toEqual({ reminded: 1, sent: 1, gone: 0, failed: 0 });
    const [first] = await eventually(async () => (reminders().length === 1 ? reminders() : undefined));
    expect(first.json).toEqual({
      tag: `meeting-${m.id}`,
      title: { es: 'Su reunión empieza en 5 min', en: 'Your meeting starts in 5 min' },
      body: {
        es: `${formatTime(m.starts_at, day.timeZone)} · Mesa ${m.table_number} · con ${m.counterpart}`,
        en: `${formatTime(m.starts_at, day.timeZone)} · Table ${m.table_number} · with ${m.counterpart}`,
      },
      at: new Date(start - 4.5 * MIN).toISOString(),
    });
    expect(first.vapid.aud).toBe(push.origin);
    // The next sweeps find it claimed: nothing is sent twice.
    expect(await channel.remind({ now: new Date(start - 4 * MIN) })).toMatchObject({ reminded: 0 });
    expect(await channel.remind({ now: new Date(start - 1 * MIN) })).toMatchObject({ reminded: 0 });
    const claims = await api.query(`SELECT participant_id FROM push_reminders WHERE meeting_id = $1`, [m.id]);
    expect(claims).toEqual([{ participant_id: day.p.g1 }]);

    // The slot is delayed 10 minutes: the meeting's new start gets its own reminder.
    await api.http
      .post(`/events/${day.eventId}/live/delays`)
      .set(bearer(api.tokens.staff))
      .send({ fromSlotId: m.slot_id, minutes: 10, scope: 'slot' })
      .expect(200);
    const later = start + 10 * MIN;
    expect(await channel.remind({ now: new Date(later - 3 * MIN) })).toMatchObject({ reminded: 1, sent: 1 });
    const [, second] = await eventually(async () => (reminders().length === 2 ? reminders() : undefined));
    expect(second.json.title).toEqual({ es: 'Su reunión empieza en 3 min', en: 'Your meeting starts in 3 min' });
    expect((second.json.body as { es: string }).es).toBe(
      `${formatTime(new Date(later), day.timeZone)} · Mesa ${m.table_number} · con ${m.counterpart}`,
    );
  });
});
