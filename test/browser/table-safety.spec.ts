import type { Page } from 'playwright-core';
import { startTestApi, TestApi } from '../support/api';
import { meetingAhead, publishLiveDay, type LiveDay } from '../support/live-day';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

describe('table view and control room: confirm a no-show, undo a mark, correct a status', () => {
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
    day = await publishLiveDay(api, { gadms: 1, cooperants: 1, tables: 1, settings: { recoveryMode: 'confirm' } });
    browser = await launchBrowser({ width: 390, height: 844 });
    browser.context.setDefaultTimeout(20_000);
    page = await browser.context.newPage();
    await page.goto(`${web.url}/app/login`);
    await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.staff);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  const status = async (id: string) => (await api.query(`SELECT status FROM meetings WHERE id = $1`, [id]))[0].status as string;

  it('asks before a no-show, lets the table undo it, and the control room corrects a status with a reason', async () => {
    const m = (await meetingAhead(api, day.eventId))!;
    await page.goto(`${web.url}/app/table/${day.eventId}/${m.table_number}`);
    const noShow = page.getByRole('button', { name: /^No asistió:/ }).first();
    await noShow.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('¿Confirma que').waitFor();
    await screenshot(page, 'table-confirm-no-show');
    await dialog.getByRole('button', { name: 'Volver' }).click();
    expect(await status(m.id)).toBe('scheduled');
    await noShow.click();
    await page.getByRole('button', { name: 'Sí, no asistió' }).click();
    const undo = page.getByRole('button', { name: /^Deshacer \(\d+ s\)$/ });
    await undo.waitFor();
    expect(await status(m.id)).toBe('no_show');
    await screenshot(page, 'table-undo');
    await undo.click();
    await page.getByText(/^Marca deshecha:/).waitFor();
    expect(await status(m.id)).toBe('scheduled');

    // The control room: the organiser corrects it to held, with a reason; the history shows who and why.
    await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.admin);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${web.url}/app/events/${day.eventId}/control`);
    const panel = page.getByRole('region', { name: 'Corregir el estado de una reunión' });
    await panel.waitFor();
    const option = await panel
      .getByLabel('Reunión')
      .locator('option', { hasText: `Mesa ${m.table_number}` })
      .first()
      .getAttribute('value');
    await panel.getByLabel('Reunión').selectOption(option!);
    await panel.getByLabel('Estado correcto').selectOption('held');
    await panel.getByLabel('Motivo').fill('Se reunieron aunque la mesa no lo marcó');
    await panel.getByRole('button', { name: 'Corregir' }).click();
    await panel.getByText('Estado corregido a «Realizada».').waitFor();
    expect(await status(m.id)).toBe('held');
    const history = panel.getByRole('table', { name: 'Historial de la reunión' });
    await history.getByText('Se reunieron aunque la mesa no lo marcó').waitFor();
    expect(await history.getByText('admin@rueda.test').count()).toBe(1);
    expect(await history.getByText('staff@rueda.test').count()).toBe(2);
    await screenshot(page, 'control-room-correction');
  }, 120_000);
});
