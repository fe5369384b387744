import { bearer, eventually, SAMPLE_EVENT, type TestApi } from '../support/api';
import type { TestSmtp } from '../support/smtp';
import { startMailingApi } from '../support/mailing-api';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { webOrigin, type WebServer } from './support/web-server';

/**
 * What the demo acts out, in the browser: a GADM corrects a demand through its personal link
 * (a wrong amount is refused next to the field), an organiser approves it in the review queue
 * and the GADM is emailed; a new cooperant registers through the public form; the email's
 * preferences link opens the participant's notification choices.
 */
describe('self-service in the browser', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let web: WebServer;
  let browser: TestBrowser;
  let ev = '';
  let token = '';
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    ({ smtp, api } = await startMailingApi({
      NOTIFY_DIGEST_SECONDS: '0.3',
    }));
    await api.app.listen(0, '127.0.0.1');
    web = await webOrigin(api.app.getHttpServer().address().port);
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ ...SAMPLE_EVENT, settings: { selfServiceDeadline: deadline, registrationOpen: true } })
        .expect(201)
    ).body.id;
    const cuenca = (
      await api.http
        .post(`/events/${ev}/participants`)
        .set(admin())
        .send({ externalId: '0101', kind: 'gadm', name: 'GAD Municipal de Cuenca', email: 'cuenca@rueda.test' })
        .expect(201)
    ).body.id;
    await api.http
      .post(`/events/${ev}/demands`)
      .set(admin())
      .send({ participantId: cuenca, externalId: 'D1', title: 'Agua potable', amountUsd: 100000, sectors: ['AGUA'] })
      .expect(201);
    token = (await api.http.post(`/events/${ev}/participants/${cuenca}/access-link`).set(admin()).expect(201)).body.token;
    browser = await launchBrowser({ width: 390, height: 844 });
    browser.context.setDefaultTimeout(30_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
    await smtp?.stop();
  });

  it('a GADM corrects a demand through its link; a wrong amount is refused next to the field', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/a/${token}/datos`);
    await page.getByRole('heading', { name: 'Mis datos', level: 1 }).waitFor();
    await page.getByRole('button', { name: /^Editar: Agua potable/ }).click();
    const amount = page.getByLabel('Monto (USD)');
    const save = page.locator('form').filter({ has: amount }).getByRole('button', { name: 'Guardar', exact: true });
    await amount.fill('-5');
    await save.click();
    await page.getByText('Revise los campos marcados.', { exact: false }).waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    const described = await amount.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).innerText()).not.toBe('');
    await amount.fill('250000');
    await save.click();
    await page.getByText('Guardado. La organización lo revisará.').waitFor();
    await page.getByText(/1 cambio espera la revisión/).waitFor();
    const [row] = await api.query(`SELECT amount_usd FROM demands WHERE event_id = $1`, [ev]);
    expect(Number(row.amount_usd)).toBe(250000);
    // Nothing scrolls sideways on a phone.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'self-service-390');
    await page.close();
  }, 120_000);

  it('the organiser sees the change before and after and approves it; the GADM is emailed', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(`localStorage.setItem('rueda.token', ${JSON.stringify(api.tokens.admin)});`);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${web.url}/app/events/${ev}/reach`);
    await page.getByRole('heading', { name: 'Cambios por revisar' }).waitFor();
    const group = page.locator('article', { hasText: '0101 · GAD Municipal de Cuenca' });
    await group
      .getByRole('cell', { name: /^250000/ })
      .first()
      .waitFor();
    await group.getByRole('button', { name: 'Aprobar' }).click();
    await page.getByText('Cambios de GAD Municipal de Cuenca aprobados.').waitFor();
    await page.getByText('No hay cambios por revisar.').waitFor();
    const mail = await eventually(
      async () => smtp.received.find((r) => r.envelopeTo.includes('cuenca@rueda.test') && /Datos aprobados/.test(r.mail.subject ?? '')),
      30_000,
    );
    expect(mail.mail.text).toContain('La organización aprobó los cambios de sus datos.');
    // The participants' page shows each one's link state.
    await page.getByRole('cell', { name: /GAD Municipal de Cuenca/ }).waitFor();
    await page.close();
  }, 120_000);

  it('the preferences link of every email turns emails off', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/a/${token}/avisos`);
    await page.getByRole('heading', { name: 'Avisos', level: 1 }).waitFor();
    await page.getByLabel('Por correo electrónico').uncheck();
    await page.getByRole('button', { name: 'Guardar preferencias' }).click();
    await page.getByText('Preferencias guardadas.').waitFor();
    const [prefs] = await api.query(
      `SELECT np.email FROM notification_prefs np JOIN participants p ON p.id = np.participant_id WHERE p.event_id = $1`,
      [ev],
    );
    expect(prefs.email).toBe(false);
    await page.close();
  }, 60_000);

  it('a cooperant not in the catalogue registers through the public form; missing fields are named', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/app/registro/${ev}`);
    await page.getByRole('heading', { name: 'Registro de cooperantes' }).waitFor();
    await page.getByRole('button', { name: 'Enviar registro' }).click();
    await page.getByText('Revise los campos marcados.', { exact: false }).waitFor();
    expect(await page.getByLabel('Nombre *', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Nombre *', { exact: true }).fill('Fundación Agua Viva');
    await page.getByLabel('Correo *', { exact: true }).fill('contacto@aguaviva.test');
    await page.getByLabel('Nombre de la persona de contacto *').fill('Ana Pérez');
    await page.getByLabel('Título *').fill('Asistencia técnica en agua potable');
    await page.getByLabel('Agua potable y saneamiento').check();
    await page.getByRole('button', { name: 'Enviar registro' }).click();
    await page.getByText('Recibimos su registro. Le escribiremos a contacto@aguaviva.test').waitFor();
    const [reg] = await api.query(`SELECT status, data FROM registrations WHERE event_id = $1`, [ev]);
    expect(reg.status).toBe('pending');
    expect(reg.data.offers[0]).toMatchObject({ title: 'Asistencia técnica en agua potable', sectors: ['AGUA'] });
    await page.close();
  }, 60_000);
});
