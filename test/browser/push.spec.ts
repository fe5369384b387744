import { bearer, eventually, startTestApi, TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';
import { startPushReceiver, type PushReceiver } from '../support/push-receiver';
import { launchBrowser, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

/** What the page's PushManager was asked (see the init script). */
interface Asked {
  applicationServerKey: string | null;
}

/** The few browser globals the page and worker scripts touch (this project compiles without the DOM library). */
interface Shown {
  title: string;
  body?: string;
  tag?: string;
  lang?: string;
}
type Patchable<M> = { prototype: M };
interface BrowserGlobals {
  __asked: Asked[];
  shown: Shown[];
  btoa: (s: string) => string;
  PushManager: Patchable<{
    subscribe: (o?: { applicationServerKey?: unknown }) => Promise<unknown>;
    getSubscription: () => Promise<unknown>;
  }>;
  ServiceWorkerRegistration: Patchable<{ showNotification: (title: string, o?: Omit<Shown, 'title'>) => Promise<void> }>;
}

/**
 * Web Push in Chromium, from the participant's button to the notification on the phone. The one
 * part a test machine cannot have is the browser vendor's push service: the page's PushManager is
 * given the loopback receiver's subscription instead (its keys, its endpoint), so the server
 * encrypts to it exactly as it would to FCM or Mozilla's service; the decrypted payload is then
 * delivered into the real service worker through the DevTools protocol, which shows it.
 */
describe('Web Push in Chromium', () => {
  let api: TestApi;
  let web: WebServer;
  let browser: TestBrowser;
  let push: PushReceiver;
  let day: LiveDay;

  beforeAll(async () => {
    push = await startPushReceiver();
    api = await startTestApi({ PUSH_EXTRA_ENDPOINTS: push.origin });
    await api.startWorker();
    await api.listen();
    web = await webOrigin(api.app.getHttpServer().address().port);
    day = await publishLiveDay(api, { gadms: 2, cooperants: 2, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
    browser = await launchBrowser({ width: 390, height: 844 });
    browser.context.setDefaultTimeout(20_000);
    await browser.context.grantPermissions(['notifications'], { origin: web.url });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
    await push?.close();
  });

  it('a participant turns notices on from the agenda; a no-show reaches the phone and the service worker shows it in Spanish', async () => {
    await browser.context.addInitScript((sub: PushReceiver['subscription']) => {
      const w = globalThis as unknown as BrowserGlobals;
      w.__asked = [];
      let current: object | null = null;
      const fake = {
        endpoint: sub.endpoint,
        expirationTime: null,
        toJSON: () => ({ ...sub, expirationTime: null }),
        unsubscribe: async () => ((current = null), true),
      };
      const b64url = (b: ArrayBuffer) =>
        w
          .btoa(String.fromCharCode(...new Uint8Array(b)))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      w.PushManager.prototype.subscribe = async (opts) => {
        const key = opts?.applicationServerKey;
        w.__asked.push({ applicationServerKey: key instanceof Uint8Array ? b64url(key.slice().buffer) : null });
        current = fake;
        return fake;
      };
      w.PushManager.prototype.getSubscription = async () => current;
    }, push.subscription);

    const link = await day.link('g1');
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/a/${link}`);
    await page.getByRole('heading', { name: 'Mi agenda', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Activar avisos' }).click();
    await page.getByText('Desactivar avisos').waitFor();

    // The browser was asked with the installation's VAPID key, and the server keeps this phone for g1.
    const { publicKey } = (await api.http.get('/me/push').set(bearer(link)).expect(200)).body;
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__asked)).toEqual([{ applicationServerKey: publicKey }]);
    expect(await api.query(`SELECT participant_id AS p, endpoint FROM push_subscriptions`)).toEqual([
      { p: day.p.g1, endpoint: push.subscription.endpoint },
    ]);

    const [m] = await api.query(
      `SELECT m.id, t.number FROM meetings m JOIN slots s ON s.id = m.slot_id JOIN tables t ON t.id = m.table_id
        WHERE m.event_id = $1 AND m.status = 'scheduled' AND $2 IN (m.participant_a_id, m.participant_b_id) AND s.starts_at > now() + interval '15 minutes'
        ORDER BY s.starts_at LIMIT 1`,
      [day.eventId, day.p.g1],
    );
    await api.http
      .post(`/events/${day.eventId}/live/meetings/${m.id}/status`)
      .set(bearer(api.tokens.staff))
      .send({ status: 'no_show' })
      .expect(200);
    const got = await eventually(async () => {
      expect(push.refused).toEqual([]);
      return push.received.find((x) => x.json.tag === `meeting-${m.id}`);
    });

    // The phone's part: the decrypted message goes into the real service worker, which shows it.
    const cdp = await browser.context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
    const versions: { registrationId: string; status: string; runningStatus: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: typeof registrations }) =>
      registrations.push(...e.registrations),
    );
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: typeof versions }) => versions.push(...e.versions));
    await cdp.send('ServiceWorker.enable');
    const reg = await eventually(async () => registrations.find((r) => !r.isDeleted && r.scopeURL === `${web.url}/app/`), 10_000);
    await eventually(
      async () => (versions.some((v) => v.registrationId === reg.registrationId && v.status === 'activated') ? true : undefined),
      10_000,
    );
    // Headless Chromium has no notification centre to read back, so the service worker's calls are recorded as made.
    const [sw] = browser.context.serviceWorkers();
    await sw.evaluate(() => {
      const g = globalThis as unknown as BrowserGlobals;
      g.shown = [];
      const show = g.ServiceWorkerRegistration.prototype.showNotification;
      g.ServiceWorkerRegistration.prototype.showNotification = function (title, o) {
        g.shown.push({ title, body: o?.body, tag: o?.tag, lang: o?.lang });
        return show.call(this, title, o);
      };
    });
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: web.url,
      registrationId: reg.registrationId,
      data: JSON.stringify(got.json),
    });
    const shown = await eventually(async () => {
      const list = await sw.evaluate(() => (globalThis as unknown as BrowserGlobals).shown);
      return list.length ? list : undefined;
    }, 10_000);
    expect(shown).toEqual([{ title: 'Reunión cancelada', body: (got.json.body as { es: string }).es, tag: `meeting-${m.id}`, lang: 'es' }]);
    expect(shown[0].body).toContain(`Mesa ${m.number}`);
    await cdp.detach();

    // Turning it off forgets the phone on the server too.
    await page.getByRole('button', { name: 'Desactivar avisos' }).click();
    await page.getByRole('button', { name: 'Activar avisos' }).waitFor();
    await eventually(async () => ((await api.query(`SELECT endpoint FROM push_subscriptions`)).length === 0 ? true : undefined), 15_000);
    await page.close();
  }, 180_000);
});
