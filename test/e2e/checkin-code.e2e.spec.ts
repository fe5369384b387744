import { signCheckInCode } from '@rueda/domain';
import { bearer, startTestApi, TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';

describe('check-in by the agenda’s QR code', () => {
  let api: TestApi;
  let day: LiveDay;
  let agenda: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    day = await publishLiveDay(api, { gadms: 2, cooperants: 1 });
    agenda = await day.link('g1');
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  const scan = (code: unknown, token = api.tokens.staff) =>
    api.http.post(`/events/${day.eventId}/live/checkins/code`).set(bearer(token)).send({ code });
  const checkedIn = async (key: string) =>
    (await api.query(`SELECT checked_in_at FROM delegates WHERE id = $1`, [day.delegates[key]]))[0].checked_in_at as Date | null;

  it('the agenda carries one code per delegate; staff scan it once to check in, a second scan says so and changes nothing', async () => {
    const me = (await api.http.get('/me').set(bearer(agenda)).expect(200)).body;
    expect(me.checkInCodes).toHaveLength(1);
    const [c] = me.checkInCodes;
    expect(c).toMatchObject({ delegateId: day.delegates.g1, fullName: 'Delegado 0101', checkedInAt: null });
    expect(c.code).toMatch(/^RQ1\./);
    // The code names the delegate by id only: no name, e-mail or token of the participant.
    expect(c.code).not.toContain('Delegado');
    expect(c.code).not.toContain(agenda);

    const first = (await scan(c.code).expect(200)).body;
    expect(first).toMatchObject({ alreadyCheckedIn: false, participant: { id: day.p.g1, name: 'GAD Municipal 0101' } });
    const at = await checkedIn('g1');
    expect(at).not.toBeNull();
    const second = (await scan(c.code).expect(200)).body;
    expect(second.alreadyCheckedIn).toBe(true);
    expect(new Date(second.delegate.checkedInAt).getTime()).toBe(at!.getTime());
    expect((await checkedIn('g1'))!.getTime()).toBe(at!.getTime());
    // Participants cannot check anyone in, not even themselves.
    await scan(c.code, agenda).expect(403);
  });

  it('a forged, foreign or expired code gets a bilingual refusal and checks nobody in', async () => {
    const [{ value: key }] = await api.query(`SELECT value FROM install_secrets WHERE name = 'checkin-hmac'`);
    const good = signCheckInCode(key, { eventId: day.eventId, delegateId: day.delegates.g2, expiresAt: new Date(Date.now() + 3600_000) });
    const [v, id, exp, mac] = good.split('.');
    for (const forged of [
      [v, id, exp, `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`].join('.'),
      signCheckInCode('another-installation', {
        eventId: day.eventId,
        delegateId: day.delegates.g2,
        expiresAt: new Date(Date.now() + 3600_000),
      }),
      signCheckInCode(key, {
        eventId: '00000000-0000-4000-8000-000000000000',
        delegateId: day.delegates.g2,
        expiresAt: new Date(Date.now() + 3600_000),
      }),
      'https://example.org/not-a-rueda-code',
    ]) {
      const r = await scan(forged).expect(400);
      expect(r.body).toMatchObject({ code: 'checkin_code_invalid' });
      expect(r.body.messages.es).toContain('No se registró a nadie');
      expect(r.body.messages.en).toContain('Nobody was checked in');
    }
    const expired = signCheckInCode(key, { eventId: day.eventId, delegateId: day.delegates.g2, expiresAt: new Date(Date.now() - 60_000) });
    const r = await scan(expired).expect(410);
    expect(r.body.code).toBe('checkin_code_expired');
    expect(r.body.messages.es).toMatch(/^Este código QR caducó el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: /);
    expect(r.body.messages.en).toMatch(/^This QR code expired on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: /);
    await scan('').expect(400);
    await scan('x'.repeat(201)).expect(400);
    expect(await checkedIn('g2')).toBeNull();
  });
});
