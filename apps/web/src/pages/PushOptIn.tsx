import { useEffect, useState } from 'react';
import { bearerHeader, call, client } from '../api';
import { useI18n } from '../i18n';
import { Notice } from '../ui';
import { APP_BASE } from '../config';
import { SW_URL } from '../offline/register';

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
function keyBytes(b64url: string): Uint8Array<ArrayBuffer> {
  const b64 = b64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(b64url.length / 4) * 4, '=');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/**
 * Opt-in to notices on this phone (Web Push): moved, cancelled, replaced or delayed meetings.
 * Nothing is asked until the participant presses the button; turning it off forgets the browser.
 */
export function PushOptIn({ token }: { token: string }) {
  const { t, errorText } = useI18n();
  const [state, setState] = useState<'unknown' | 'off' | 'on' | 'denied' | 'unsupported'>('unknown');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!supported()) return setState('unsupported');
    if (Notification.permission === 'denied') return setState('denied');
    void navigator.serviceWorker
      .getRegistration(SW_URL)
      .then((r) => r?.pushManager.getSubscription())
      .then((s) => setState(s ? 'on' : 'off'))
      .catch(() => setState('off'));
  }, []);

  const turnOn = async () => {
    setBusy(true);
    setError(null);
    try {
      if ((await Notification.requestPermission()) !== 'granted') return setState('denied');
      const headers = bearerHeader(token);
      const { publicKey } = await call(client.GET('/me/push', { headers }));
      const reg = await navigator.serviceWorker.register(SW_URL, { scope: APP_BASE });
      await navigator.serviceWorker.ready;
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      // The browser types every field of a subscription's JSON as optional; a missing key is the API's 400.
      const { expirationTime, keys } = sub.toJSON();
      const body = { endpoint: sub.endpoint, expirationTime, keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' } };
      await call(client.POST('/me/push/subscriptions', { body, headers }));
      setState('on');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const turnOff = async () => {
    setBusy(true);
    setError(null);
    try {
      const sub = await (await navigator.serviceWorker.getRegistration(SW_URL))?.pushManager.getSubscription();
      if (sub) {
        await call(client.DELETE('/me/push/subscriptions', { body: { endpoint: sub.endpoint }, headers: bearerHeader(token) }));
        await sub.unsubscribe();
      }
      setState('off');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="push-title" className="push-optin no-print">
      <h2 id="push-title">{t('push.title')}</h2>
      <p className="muted small">{t('push.help')}</p>
      {state === 'unsupported' && <Notice kind="info">{t('push.unsupported')}</Notice>}
      {state === 'denied' && <Notice kind="warn">{t('push.denied')}</Notice>}
      {state === 'on' && <Notice kind="ok">{t('push.on')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        {state === 'off' && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void turnOn()}>
            {t('push.turnOn')}
          </button>
        )}
        {state === 'on' && (
          <button type="button" className="btn" disabled={busy} onClick={() => void turnOff()}>
            {t('push.turnOff')}
          </button>
        )}
      </div>
    </section>
  );
}
