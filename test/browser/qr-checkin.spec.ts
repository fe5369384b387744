import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { signCheckInCode } from '@rueda/domain';
import { startTestApi, TestApi } from '../support/api';
import { publishLiveDay, type LiveDay } from '../support/live-day';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { writeQrVideo } from './support/fake-camera';
import { webOrigin, WebServer } from './support/web-server';

/**
 * Check-in by QR in Chromium: the agenda shows the delegate's code; the table view reads it
 * through the camera (Chromium's fake camera plays a video of the code) and from a photo (the
 * agenda's own QR image, captured from the page). Headless Chromium on Linux has no
 * BarcodeDetector, so this exercises the jsQR path.
 */
describe('check-in by QR code in the browser', () => {
  let api: TestApi;
  let web: WebServer;
  let day: LiveDay;
  let dir: string;
  let agendaQr: Buffer;
  let code: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.listen();
    web = await webOrigin(api.app.getHttpServer().address().port);
    day = await publishLiveDay(api, { gadms: 2, cooperants: 1 });
    dir = mkdtempSync(join(tmpdir(), 'rueda-qr-'));
  }, 180_000);
  afterAll(async () => {
    await web?.close();
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const staffPage = async (browser: TestBrowser): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/login`);
    await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.staff);
    await page.goto(`${web.url}/app/table/${day.eventId}/1`);
    await page.getByRole('heading', { name: 'Registrar llegada con código QR' }).waitFor();
    return page;
  };
  const checkedIn = async (key: string) =>
    (await api.query(`SELECT checked_in_at FROM delegates WHERE id = $1`, [day.delegates[key]]))[0].checked_in_at as Date | null;

  it('the agenda shows the delegate’s QR code', async () => {
    const browser = await launchBrowser({ width: 390, height: 844 });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${web.url}/app/a/${await day.link('g1')}`);
      const img = page.getByRole('img', { name: 'Código QR de llegada de Delegado 0101' });
      await img.waitFor();
      code = (await img.getAttribute('data-code'))!;
      expect(code).toMatch(/^RQ1\./);
      await page.getByRole('heading', { name: 'Su código de llegada' }).waitFor();
      agendaQr = await img.screenshot();
      await screenshot(page, 'agenda-checkin-qr');
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('the table view reads it through the camera and checks the delegate in; a second scan says so', async () => {
    const video = join(dir, 'qr.y4m');
    writeQrVideo(code, video);
    const browser = await launchBrowser({
      args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    browser.context.setDefaultTimeout(20_000);
    try {
      const page = await staffPage(browser);
      expect(await checkedIn('g1')).toBeNull();
      await page.getByRole('button', { name: 'Escanear código QR' }).click();
      await page.getByText(/^Llegada registrada: Delegado 0101 \(GAD Municipal 0101\) a las \d{2}:\d{2}\.$/).waitFor();
      expect(await checkedIn('g1')).not.toBeNull();
      await screenshot(page, 'table-qr-checked-in');
      await page.getByRole('button', { name: 'Detener la cámara' }).click();
      // The same code again, from the agenda's own image this time: already checked in, nothing changes.
      const at = (await checkedIn('g1'))!.getTime();
      await page.locator('.qr-scanner input[type=file]').setInputFiles({ name: 'agenda.png', mimeType: 'image/png', buffer: agendaQr });
      await page
        .getByText(/^Ya estaba registrado: Delegado 0101 \(GAD Municipal 0101\) llegó a las \d{2}:\d{2}\. No se cambió nada\.$/)
        .waitFor();
      expect((await checkedIn('g1'))!.getTime()).toBe(at);
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('a forged or expired code, or a photo with no code, is refused in words and checks nobody in', async () => {
    const browser = await launchBrowser();
    browser.context.setDefaultTimeout(20_000);
    try {
      const page = await staffPage(browser);
      const [{ value: key }] = await api.query(`SELECT value FROM install_secrets WHERE name = 'checkin-hmac'`);
      const feed = async (text: string | null) =>
        page.locator('.qr-scanner input[type=file]').setInputFiles({
          name: 'qr.png',
          mimeType: 'image/png',
          buffer: text === null ? agendaQr.subarray(0, 0) : await QRCode.toBuffer(text, { type: 'png', margin: 3, width: 300 }),
        });
      const forged = signCheckInCode('not-this-installation', {
        eventId: day.eventId,
        delegateId: day.delegates.g2,
        expiresAt: new Date(Date.now() + 3600_000),
      });
      await feed(forged);
      await page.getByText('Este código QR no es un código de llegada de esta Jornada (o fue alterado). No se registró a nadie.').waitFor();
      const expired = signCheckInCode(key, {
        eventId: day.eventId,
        delegateId: day.delegates.g2,
        expiresAt: new Date(Date.now() - 60_000),
      });
      await feed(expired);
      await page
        .getByText(
          /^Este código QR caducó el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: pida al delegado que abra su agenda de nuevo\. No se registró a nadie\.$/,
        )
        .waitFor();
      await feed(null);
      await page.getByText('No se encontró un código QR legible en la imagen.').waitFor();
      expect(await checkedIn('g2')).toBeNull();
      await screenshot(page, 'table-qr-refused');
    } finally {
      await browser.close();
    }
  }, 90_000);
});
