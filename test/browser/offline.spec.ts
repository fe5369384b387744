import type { Page } from 'playwright-core';
import { formatTime } from '@rueda/i18n';
import { bearer, eventually, startTestApi, TestApi } from '../support/api';
import { meetingAhead, publishLiveDay, type LiveDay } from '../support/live-day';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

/**
 * The day with no connection, in Chromium: the service worker serves the app, the agenda and
 * the table plan are read from the device with a banner saying how old they are, table marks
 * wait in a queue and are replayed (idempotently) when the network returns, and a mark the
 * organiser's change made stale comes back with the server's verdict.
 */
describe('offline-first agenda and table view', () => {
  let api: TestApi;
  let web: WebServer;
  let browser: TestBrowser;
  let day: LiveDay;
  const meeting = async (id: string) => (await api.query(`SELECT status, version, slot_id FROM meetings WHERE id = $1`, [id]))[0];
  const controlled = (page: Page) => page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 60_000 });
  const bannerTime = async (page: Page) => {
    const banner = page.locator('.offline-banner');
    await banner.waitFor();
    const since = (await banner.getAttribute('data-offline-since'))!;
    return { text: (await banner.locator('strong').textContent())!, since };
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.listen();
    web = await webOrigin(api.app.getHttpServer().address().port);
    day = await publishLiveDay(api, { gadms: 1, cooperants: 3, tables: 1, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
    browser = await launchBrowser({ width: 390, height: 844 });
    browser.context.setDefaultTimeout(20_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  it('a participant reads the last known agenda with no connection, with the time it was read', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/a/${await day.link('g1')}`);
    await page.getByRole('heading', { name: 'Mi agenda', exact: true }).waitFor();
    await page.locator('.agenda-list > li').nth(2).waitFor();
    await controlled(page);
    const online = await page.locator('.agenda-list > li').allTextContents();
    // Installable: Chromium reads the manifest and finds nothing missing (icons, service worker, scope).
    const cdp = await browser.context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toMatch(/\/app\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    expect(((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }).installabilityErrors).toEqual([]);
    await cdp.detach();

    await browser.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Mi agenda', exact: true }).waitFor();
    const { text, since } = await bannerTime(page);
    expect(text).toBe(`Sin conexión — datos de las ${formatTime(since, day.timeZone, 'es')}`);
    expect(Date.now() - Date.parse(since)).toBeLessThan(5 * 60_000);
    expect(await page.locator('.agenda-list > li').allTextContents()).toEqual(online);
    await screenshot(page, 'offline-agenda-390');
    // English second: the same banner in the other language.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    expect((await bannerTime(page)).text).toBe(`Offline — data from ${formatTime(since, day.timeZone, 'en')}`);
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await browser.context.setOffline(false);
    await page.close();
  }, 180_000);

  it('table marks made offline wait, are replayed once when the network returns, and a stale one shows the verdict', async () => {
    const m1 = (await meetingAhead(api, day.eventId))!;
    const m2 = (await meetingAhead(api, day.eventId, 15, [m1.id]))!;
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/login`);
    await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.staff);
    await page.goto(`${web.url}/app/table/${day.eventId}/${m1.table_number}`);
    const rows = page.locator('li.round');
    await rows.nth(2).waitFor();
    await controlled(page);
    // The rows are in time order: m1 first, then m2 (meetingAhead orders the same way).
    const row1 = rows.nth(0);
    const row2 = rows.nth(1);

    await browser.context.setOffline(true);
    await page.reload();
    await rows.nth(2).waitFor();
    await bannerTime(page);
    await row1.getByRole('button', { name: /^Llegaron:/ }).click();
    await page.getByText(/^Sin conexión: la marca «Presentes» de .* se guardó/).waitFor();
    await row1.getByText('Pendiente de envío: Presentes').waitFor();
    await row2.getByRole('button', { name: /^Realizada:/ }).click();
    await row1.getByRole('button', { name: /^Realizada:/ }).click();
    await row1.getByText('Pendiente de envío: Realizada').waitFor();
    await page.getByText('3 marcas esperan la conexión para enviarse.').waitFor();
    const queued = await page.evaluate<{ key: string; after?: string }[]>(`JSON.parse(localStorage.getItem('rueda.marks.${day.eventId}'))`);
    expect(queued).toHaveLength(3);
    expect(new Set(queued.map((q) => q.key)).size).toBe(3);
    expect(queued[2].after).toBe(queued[0].key);
    await screenshot(page, 'offline-table-queue-390');
    expect((await meeting(m1.id)).status).toBe('scheduled');

    // Meanwhile the organiser moves m2 to a free round: the table's "held" for it is now stale.
    const [free] = await api.query(
      `SELECT s.id FROM slots s WHERE s.event_id = $1 AND s.starts_at > now() + interval '15 minutes'
          AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = s.id) ORDER BY s.starts_at LIMIT 1`,
      [day.eventId],
    );
    await api.http
      .post(`/events/${day.eventId}/live/meetings/${m2.id}/move`)
      .set(bearer(api.tokens.admin))
      .send({ slotId: free.id, tableId: m2.table_id, version: m2.version })
      .expect((r) => expect(r.status).toBeLessThan(300));

    await browser.context.setOffline(false);
    const report = page.locator('.mark-report');
    // The verdict names the server's reason and where the meeting is now (the round it was moved to).
    const [slot] = await api.query(`SELECT starts_at FROM slots WHERE id = $1`, [free.id]);
    await report
      .getByText(
        new RegExp(
          `^No se aplicó «Realizada» · .*: .+ Ahora: «Agendada», ${formatTime(slot.starts_at, day.timeZone)} · Mesa ${m2.table_number}\\.$`,
        ),
      )
      .waitFor({ timeout: 60_000 });
    await eventually(async () => ((await report.locator('li').count()) === 3 ? true : undefined), 30_000);
    expect(await report.locator('li.mark-ok').allTextContents()).toEqual([
      expect.stringMatching(/^Enviada: «Presentes» · /),
      expect.stringMatching(/^Enviada: «Realizada» · /),
    ]);
    // The socket back live replays too: each verdict is still reported once.
    await page.locator('.live-indicator.live-live').waitFor({ timeout: 60_000 });
    expect(await report.locator('li').count()).toBe(3);
    await page.getByText(/marcas? esperan? la conexión/).waitFor({ state: 'detached' });
    expect(await page.getByText(/^Sin conexión: la marca/).count()).toBe(0);
    expect(await page.evaluate(`localStorage.getItem('rueda.marks.${day.eventId}')`)).toBeNull();
    await screenshot(page, 'offline-table-replayed-390');

    // The server took each mark once: m1 checked in then held (two audited changes), m2 only moved.
    expect(await meeting(m1.id)).toMatchObject({ status: 'held', version: m1.version + 2 });
    const audit = await api.query(`SELECT after_status FROM meeting_status_changes WHERE meeting_id = $1 ORDER BY seq`, [m1.id]);
    expect(audit.map((r: { after_status: string }) => r.after_status)).toEqual(['checked_in', 'held']);
    expect(await meeting(m2.id)).toMatchObject({ status: 'scheduled', slot_id: free.id });
    await page.close();
  }, 240_000);

  it('signing out of a shared tablet forgets the table plan, and the marks still waiting once the person confirms', async () => {
    const m = (await meetingAhead(api, day.eventId))!;
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/login`);
    await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.staff);
    await page.goto(`${web.url}/app/table/${day.eventId}/${m.table_number}`);
    await page.locator('li.round').first().waitFor();
    await controlled(page);
    const stored = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('rueda.'))
          .sort(),
      );
    expect(await stored()).toContain(`rueda.offline.staff.table.${day.eventId}`);
    const names = (
      await api.query(`SELECT name FROM participants WHERE id = ANY($1::uuid[])`, [[m.participant_a_id, m.participant_b_id]])
    ).map((r: { name: string }) => r.name);
    expect(await page.locator('main').textContent()).toContain(names[0]);

    await browser.context.setOffline(true);
    const checkedIn = async () =>
      (await api.query(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1 AND status = 'checked_in'`, [day.eventId]))[0].n;
    const before = await checkedIn();
    await page
      .locator('li.round.st-scheduled')
      .getByRole('button', { name: /^Llegaron:/ })
      .first()
      .click();
    await page.getByText('1 marca espera la conexión para enviarse.').waitFor();
    // The first time the person chooses to stay: nothing is forgotten.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Salir' }).click();
    await eventually(async () => (asked.length ? true : undefined), 10_000);
    expect(asked).toEqual(['1 marca hecha sin conexión aún no se envió: si sale ahora, se perderá. ¿Salir de todos modos?']);
    expect(await stored()).toEqual(
      expect.arrayContaining(['rueda.token', `rueda.marks.${day.eventId}`, `rueda.offline.staff.table.${day.eventId}`]),
    );

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Salir' }).click();
    await page.waitForURL(/\/app\/login/);
    expect(
      (await stored()).filter((k) => k === 'rueda.token' || k.startsWith('rueda.marks.') || k.startsWith('rueda.offline.staff.')),
    ).toEqual([]);
    // Still offline, the table's address leads to the sign-in page, with nothing of the day on it.
    await page.goto(`${web.url}/app/table/${day.eventId}/${m.table_number}`);
    await page.waitForURL(/\/app\/login\?next=table/);
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
    expect(await page.locator('li.round').count()).toBe(0);
    for (const name of names) expect(await page.locator('body').textContent()).not.toContain(name);
    await browser.context.setOffline(false);
    // The forgotten mark never reached the server.
    expect(await checkedIn()).toBe(before);
    await page.close();
  }, 180_000);
});
