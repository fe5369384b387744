import type { Page } from 'playwright-core';
import { startTestApi, TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

/**
 * Every live page says plainly when the Jornada is not started or over. The page's clock is
 * injected (Playwright's clock), so the test does not depend on the hour it runs.
 */
describe('the live pages say when the Jornada has not started or is over', () => {
  let api: TestApi;
  let web: WebServer;
  let browser: TestBrowser;
  let day: LiveDay;
  let token: string;
  let bounds: { start: Date; end: Date };

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.listen();
    web = await webOrigin(api.app.getHttpServer().address().port);
    day = await publishLiveDay(api, { gadms: 2, cooperants: 1 });
    token = await day.link('g1');
    const [row] = await api.query(`SELECT min(starts_at) AS start, max(ends_at) AS end FROM slots WHERE event_id = $1`, [day.eventId]);
    bounds = { start: new Date(row.start), end: new Date(row.end) };
    browser = await launchBrowser();
    browser.context.setDefaultTimeout(15_000);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  const open = async (at: Date, path: string, organiser = true): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.clock.setFixedTime(at);
    if (organiser) {
      await page.goto(`${web.url}/app/login`);
      await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.admin);
    }
    await page.goto(`${web.url}/app/${path}`);
    return page;
  };
  const pages = () => [`board/${day.eventId}`, `table/${day.eventId}/1`, `events/${day.eventId}/control`];
  // dd/mm/aaaa hh:mm in the event's time zone.
  const local = (d: Date) => {
    const f = new Intl.DateTimeFormat('es-EC', { timeZone: day.timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
    const h = new Intl.DateTimeFormat('es-EC', { timeZone: day.timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
    return { date: f, time: h };
  };

  it('after the last round: "La Jornada terminó el dd/mm/aaaa a las hh:mm"', async () => {
    const { date, time } = local(bounds.end);
    expect(date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    for (const path of [...pages(), `a/${token}`]) {
      const page = await open(new Date(bounds.end.getTime() + 3600_000), path, !path.startsWith('a/'));
      const notice = page.locator('[data-phase="after"]');
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`La Jornada terminó el ${date} a las ${time} (${day.timeZone})`);
      if (path.startsWith('board')) await screenshot(page, 'phase-board-after');
      await page.close();
    }
  }, 120_000);

  it('before the first round: "La Jornada aún no empieza", and nothing while it is under way', async () => {
    const { date, time } = local(bounds.start);
    for (const path of [...pages(), `a/${token}`]) {
      const page = await open(new Date(bounds.start.getTime() - 2 * 3600_000), path, !path.startsWith('a/'));
      const notice = page.locator('[data-phase="before"]');
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`la primera ronda es el ${date} a las ${time}`);
      await page.close();
    }
    const during = await open(new Date(bounds.start.getTime() + 60_000), `board/${day.eventId}`);
    await during.getByRole('heading', { name: 'Jornada de hoy' }).waitFor();
    await during.locator('.board-rounds').waitFor();
    expect(await during.locator('[data-phase]').count()).toBe(0);
    await during.close();
  }, 120_000);
});
