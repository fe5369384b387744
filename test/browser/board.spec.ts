import type { Page } from 'playwright-core';
import { startTestApi, TestApi } from '../support/api';
import { fillHall, publishLiveDay, type LiveDay } from '../support/live-day';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

/**
 * The big screen during a real round: 60 occupied tables now and 54 next, on a 1920×1080
 * screen. The page's clock is injected, so "within one rotation of 30 s" is counted in the
 * page's own time, not the machine's.
 */
describe('the big screen shows every table of a 60-table round within one rotation', () => {
  let api: TestApi;
  let web: WebServer;
  let browser: TestBrowser;
  let day: LiveDay;
  let roundStart: Date;

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.listen();
    web = await webOrigin(api.app.getHttpServer().address().port);
    // g_i meets c_i and c_(i+1): two disjoint rounds' worth of pairs.
    day = await publishLiveDay(api, {
      gadms: 60,
      cooperants: 60,
      tables: 60,
      onlyAhead: false,
      pairs: (g, c) => c === g || c === (g % 60) + 1,
    });
    // Wherever the scheduler put them: 60 tables now, 54 next.
    ({ roundStart } = await fillHall(api, day));
    browser = await launchBrowser({ width: 1920, height: 1080 });
    browser.context.setDefaultTimeout(20_000);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  const open = async (path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.clock.install({ time: new Date(roundStart.getTime() + 90_000) });
    await page.goto(`${web.url}/app/login`);
    await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.admin);
    await page.goto(`${web.url}/app/${path}`);
    return page;
  };
  const shown = (page: Page, round: 'now' | 'next') =>
    page.locator(`[data-round="${round}"] li[data-table]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-table'))));

  it('pages of 20 tables turn every 8 s: all 60 of the current round and all 54 of the next within 30 s, readable and on screen', async () => {
    const page = await open(`board/${day.eventId}`);
    await page.locator('[data-round="now"] li[data-table]').first().waitFor();
    await page.locator('[data-round="next"] li[data-table]').first().waitFor();
    expect(await page.locator('[data-round="now"] .board-page').getAttribute('data-pages')).toBe('3');
    expect(await page.locator('[data-round="next"] .board-page').getAttribute('data-pages')).toBe('3');
    expect(await page.locator('[data-round="now"] .board-page').textContent()).toMatch(
      /^Mesas (1–20|21–40|41–60) · página [123] de 3 · 60 mesas, cambia cada 8 s$/,
    );
    await screenshot(page, 'board-1920x1080-60-tables', false);

    // Everything on screen fits the 1920×1080 screen, and the names are big enough to read at a distance.
    const fit = await page.evaluate<{ scrollW: number; scrollH: number; outside: number; name: number; number: number }>(`(() => {
      const boxes = [...document.querySelectorAll('.board-tables li')].map((e) => e.getBoundingClientRect());
      const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
      return {
        scrollW: document.documentElement.scrollWidth,
        scrollH: document.documentElement.scrollHeight,
        outside: boxes.filter((b) => b.bottom > innerHeight || b.right > innerWidth || b.left < 0).length,
        name: px('.board-pair span'),
        number: px('.board-table-no'),
      };
    })()`);
    expect(fit).toMatchObject({ scrollW: 1920, outside: 0 });
    expect(fit.scrollH).toBeLessThanOrEqual(1080);
    expect(fit.name).toBeGreaterThanOrEqual(24);
    expect(fit.number).toBeGreaterThanOrEqual(30);

    const seen = { now: new Set<number>(), next: new Set<number>() };
    const pages = new Set<string>();
    for (let s = 0; s <= 30; s++) {
      for (const n of await shown(page, 'now')) seen.now.add(n);
      for (const n of await shown(page, 'next')) seen.next.add(n);
      pages.add((await page.locator('[data-round="now"] .board-page').getAttribute('data-page'))!);
      if (s < 30) await page.clock.runFor(1000);
    }
    expect([...seen.now].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect([...seen.next].sort((a, b) => a - b)).toEqual(Array.from({ length: 54 }, (_, i) => i + 1));
    expect([...pages].sort()).toEqual(['1', '2', '3']);
    await page.close();
  }, 120_000);

  it('the entrance screen finds a delegate’s tables by part of the name, accents and case ignored', async () => {
    const page = await open(`board/${day.eventId}/find`);
    const q = page.getByLabel('Nombre de su institución');
    await q.fill('gad municipal 0107');
    const card = page.locator('.find-card', { hasText: 'GAD Municipal 0107' });
    await card.waitFor();
    const rows = await card.locator('li').allTextContents();
    // Under way now at table 7 with COOP7, next at table 7 with COOP8.
    expect(rows[0]).toMatch(/^7\d{2}:\d{2}–\d{2}:\d{2} en curso · con Cooperante COOP7$/);
    expect(rows[1]).toMatch(/^7\d{2}:\d{2}–\d{2}:\d{2} con Cooperante COOP8$/);
    await screenshot(page, 'find-your-table', false);

    await q.fill('cooperante');
    await page.getByText('54 instituciones más coinciden: escriba más letras.').waitFor();
    expect(await page.locator('.find-card').count()).toBe(6);

    await q.fill('Nabón');
    await page.getByText('No encontramos «Nabón». Revise el nombre o pregunte en informaciones.').waitFor();
    expect(await page.locator('.find-card').count()).toBe(0);
    await page.close();
  }, 60_000);
});
