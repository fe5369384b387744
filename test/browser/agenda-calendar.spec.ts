import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { bearer, startTestApi, TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

describe('participant agenda: calendar subscription and hybrid meetings', () => {
  let api: TestApi;
  let web: WebServer;
  let browser: TestBrowser;
  let page: Page;
  let day: LiveDay;

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.listen();
    web = await webOrigin(api.app.getHttpServer().address().port);
    day = await publishLiveDay(api, { gadms: 1, cooperants: 2 });
    const c1 = (await api.http.get(`/events/${day.eventId}/participants/${day.p.c1}`).set(bearer(api.tokens.admin))).body;
    await api.http
      .patch(`/events/${day.eventId}/participants/${day.p.c1}`)
      .set(bearer(api.tokens.admin))
      .send({ version: c1.version, remote: true, videoUrl: 'https://meet.example.org/coop1' })
      .expect(200);
    browser = await launchBrowser({ width: 390, height: 844 });
    browser.context.setDefaultTimeout(15_000);
    page = await browser.context.newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  }, 120_000);

  it('shows the video-call link of a hybrid meeting and subscribes the phone’s calendar with a webcal link', async () => {
    await page.goto(`${web.url}/app/a/${await day.link('g1')}`);
    await page.getByRole('heading', { name: 'Mi agenda', exact: true }).waitFor();
    const join = page.getByRole('link', { name: 'Unirse a la videollamada' });
    await join.first().waitFor();
    expect(await join.first().getAttribute('href')).toBe('https://meet.example.org/coop1');
    await page.getByRole('button', { name: 'Crear enlace de calendario' }).click();
    const url = await page.getByLabel('Enlace de suscripción (no lo comparta)').inputValue();
    expect(url).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/calendar\/rc_[\w-]+\.ics$/);
    expect(await page.getByRole('link', { name: 'Abrir en mi calendario' }).getAttribute('href')).toBe(url);
    // The link works as a calendar app would fetch it, and a real parser reads it.
    const ics = await (await fetch(url.replace(/^webcal:/, 'http:'))).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.length).toBe(2);
    expect(events.map((v) => v.getFirstPropertyValue('url')).filter(Boolean)).toEqual(['https://meet.example.org/coop1']);
    // At phone width the calendar section stays within the screen.
    await screenshot(page, 'agenda-calendar-390');
    const wide = await page.evaluate(
      `[...document.querySelectorAll('.calendar-feed, .calendar-feed *, .video-link *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => el.tagName + '.' + el.className).slice(0, 10)`,
    );
    expect(wide).toEqual([]);
    // Revoked: the same URL answers 404.
    await page.getByRole('button', { name: 'Revocar el enlace' }).click();
    await page.getByRole('button', { name: 'Crear enlace de calendario' }).waitFor();
    expect((await fetch(url.replace(/^webcal:/, 'http:'))).status).toBe(404);
  }, 120_000);
});
