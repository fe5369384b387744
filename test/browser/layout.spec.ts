import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, startTestApi, type TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';
import { launchBrowser, type TestBrowser } from './support/browser';
import { webOrigin, type WebServer } from './support/web-server';

/**
 * Every page at the widths people use (a laptop, a phone, the venue's big screen), failing on
 * what a person would see: the page scrolling sideways, text cut inside its box, errors in the
 * console. Needs the SPA built (`npx vite build --config apps/web/vite.config.ts`). Screenshots
 * go to test-artifacts/layout/ for a person to look at.
 */
const SHOTS = resolve(__dirname, '../../test-artifacts/layout');

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const BIG_SCREEN = { width: 1920, height: 1080 };

interface Problem {
  page: string;
  width: number;
  what: string;
}

/**
 * What the page shows wrongly, measured in the browser. A string: the root tsconfig has no DOM
 * types. Text boxes clipped: an element whose content is wider than its box while it hides the
 * rest, or a select whose chosen option is wider than the select; elements that carry a title
 * (the full text on hover, as the schedule grid does) and visually hidden ones are skipped.
 */
const MEASURE = `(() => {
  const out = [];
  const doc = document.documentElement;
  // Inside a box that scrolls or clips on its own: not what widens the page.
  const scrolled = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
    return false;
  };
  if (doc.scrollWidth > doc.clientWidth + 1) {
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && !scrolled(el))
      .slice(0, 3)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
    out.push('page scrolls sideways: ' + doc.scrollWidth + ' px wide in ' + doc.clientWidth + ' px (' + wide.join(', ') + ')');
  }
  const hidden = (el) => !!el.closest('.visually-hidden, [hidden], [aria-hidden="true"]') || el.getClientRects().length === 0;
  const label = (el) => (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  for (const el of document.querySelectorAll('th, td, dt, dd, label, button, a, h1, h2, h3, .stat-label, .stat-value, .badge, .topbar-title, legend, caption')) {
    if (hidden(el) || el.closest('[title]')) continue;
    const cs = getComputedStyle(el);
    const hides = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
    if (hides && el.scrollWidth > el.clientWidth + 1) out.push('text cut: <' + el.tagName.toLowerCase() + '> "' + label(el) + '"');
  }
  const ctx = document.createElement('canvas').getContext('2d');
  for (const el of document.querySelectorAll('select')) {
    if (hidden(el)) continue;
    const cs = getComputedStyle(el);
    ctx.font = cs.font;
    const text = el.selectedOptions[0]?.text ?? '';
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16; // the arrow
    if (ctx.measureText(text).width > room + 1) out.push('select cut: "' + text.slice(0, 60) + '"');
  }
  return out;
})()`;

/** Loaded: no "Cargando…" left and the main heading drawn (the pages fetch after the first paint). */
const READY = `(() => !document.body.innerText.includes('Cargando…') && !!document.querySelector('h1, h2'))()`;

describe('layout: every page at laptop, phone and big-screen widths', () => {
  let api: TestApi;
  let web: WebServer;
  let day: LiveDay;
  let agendaToken = '';
  let browser: TestBrowser;

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.app.listen(0, '127.0.0.1');
    web = await webOrigin(api.app.getHttpServer().address().port);
    // Fixed data: 8 GADMs × 4 cooperants on 12 tables, scheduled and published, one held meeting.
    day = await publishLiveDay(api, { gadms: 8, cooperants: 4, tables: 12, minutes: 240 });
    agendaToken = await day.link('g1');
    await api.http
      .post(`/events/${day.eventId}/participants`)
      .set(bearer(api.tokens.admin))
      .send({ externalId: '0927', kind: 'gadm', name: 'GAD Municipal del Cantón General Antonio Elizalde (Bucay)' })
      .expect(201);
    browser = await launchBrowser(LAPTOP);
    await browser.context.addInitScript(`localStorage.setItem('rueda.token', ${JSON.stringify(api.tokens.admin)});`);
    browser.context.setDefaultTimeout(30_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  const pages = () => {
    const ev = `/app/events/${day.eventId}`;
    return [
      ['events', '/app/'],
      ['setup', `${ev}/setup`],
      ['records', `${ev}/records`],
      ['reach', `${ev}/reach`],
      ['matching', `${ev}/matching`],
      ['meetings', `${ev}/meetings`],
      ['schedule', `${ev}/schedule`],
      ['control', `${ev}/control`],
      ['after', `${ev}/after`],
      ['agenda', `/app/a/${agendaToken}`],
      ['self-service', `/app/a/${agendaToken}/datos`],
      ['notices', `/app/a/${agendaToken}/avisos`],
      ['registration', `/app/registro/${day.eventId}`],
      ['table', `/app/table/${day.eventId}/1`],
      ['board', `/app/board/${day.eventId}`],
      ['find', `/app/board/${day.eventId}/find`],
    ] as const;
  };

  async function check(page: Page, name: string, path: string, size: { width: number; height: number }, problems: Problem[]) {
    const errors: string[] = [];
    const onConsole = (m: { type: () => string; text: () => string }) => {
      if (m.type() === 'error') errors.push(m.text());
    };
    const onError = (e: Error) => errors.push(String(e));
    page.on('console', onConsole);
    page.on('pageerror', onError);
    await page.setViewportSize(size);
    await page.goto(`${web.url}${path}`);
    await page.waitForFunction(READY);
    // Charts and late lists settle on the next frames; wait for the network, not the clock.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForFunction(READY);
    for (const what of (await page.evaluate(MEASURE)) as string[]) problems.push({ page: name, width: size.width, what });
    for (const e of errors) problems.push({ page: name, width: size.width, what: `console: ${e}` });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}.png`), fullPage: true });
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }

  it.each([
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ])(
    '%s: nothing scrolls sideways, nothing is cut, no console error',
    async (_label, size) => {
      const page = await browser.context.newPage();
      const problems: Problem[] = [];
      for (const [name, path] of pages()) await check(page, name, path, size, problems);
      await page.close();
      expect(problems).toEqual([]);
    },
    300_000,
  );

  it('the board on the big screen', async () => {
    const page = await browser.context.newPage();
    const problems: Problem[] = [];
    await check(page, 'board', `/app/board/${day.eventId}`, BIG_SCREEN, problems);
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
