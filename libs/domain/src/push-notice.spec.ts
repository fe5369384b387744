import { delayNotice, isPushEndpoint, meetingNotice, reminderNotice } from '@rueda/domain';

describe('push notices', () => {
  const m = { meetingId: 'm1', status: 'scheduled', time: '10:40', table: 7, counterpart: 'GIZ' };
  it('say what changed about the participant’s own meeting, in Spanish and English', () => {
    expect(meetingNotice('updated', m)).toEqual({
      tag: 'meeting-m1',
      title: { es: 'Su reunión cambió', en: 'Your meeting changed' },
      body: { es: '10:40 · Mesa 7 · con GIZ', en: '10:40 · Table 7 · with GIZ' },
    });
    expect(meetingNotice('created', m)?.title.es).toBe('Nueva reunión en su agenda');
    expect(meetingNotice('updated', { ...m, status: 'cancelled' })?.body.es).toBe('10:40 · Mesa 7 · con GIZ. Revise su agenda.');
    expect(meetingNotice('updated', { ...m, status: 'no_show', time: null })?.body.en).toBe(
      'with GIZ. A no-show was recorded. Check your agenda.',
    );
    // At the table already: nothing to tell.
    expect(meetingNotice('updated', { ...m, status: 'checked_in' })).toBeNull();
    expect(meetingNotice('updated', { ...m, status: 'held' })).toBeNull();
    expect(delayNotice(m).body.es).toBe('Su próxima reunión: 10:40 · Mesa 7 · con GIZ.');
    expect(delayNotice(null).body.en).toBe('Check your agenda.');
    expect(reminderNotice(m, 5).title).toEqual({ es: 'Su reunión empieza en 5 min', en: 'Your meeting starts in 5 min' });
  });

  it('accept only the browsers’ push services over https, plus origins the installation names', () => {
    expect(isPushEndpoint('https://fcm.googleapis.com/fcm/send/abc')).toBe(true);
    expect(isPushEndpoint('https://updates.push.services.mozilla.com/wpush/v2/x')).toBe(true);
    expect(isPushEndpoint('https://web.push.apple.com/QO')).toBe(true);
    expect(isPushEndpoint('https://wns2-par02p.notify.windows.com/w/?token=x')).toBe(true);
    for (const bad of [
      'http://fcm.googleapis.com/x',
      'https://fcm.googleapis.com.evil.example/x',
      'https://evilgoogleapis.com/x',
      'https://fcm.googleapis.com:8443/x',
      'https://u:p@fcm.googleapis.com/x',
      'http://127.0.0.1:9000/push',
      'file:///etc/passwd',
      'nonsense',
    ])
      expect(isPushEndpoint(bad)).toBe(false);
    expect(isPushEndpoint('http://127.0.0.1:9000/push/1', ['http://127.0.0.1:9000'])).toBe(true);
    expect(isPushEndpoint('http://127.0.0.1:9001/push/1', ['http://127.0.0.1:9000'])).toBe(false);
  });
});
