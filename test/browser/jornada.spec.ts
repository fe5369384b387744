import type { Locator, Page } from 'playwright-core';
import { bearer, startTestApi, TestApi } from '../support/api';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

/**
 * One whole Jornada through the organiser console, from an empty database: needs the SPA built
 * first (`npx vite build --config apps/web/vite.config.ts`).
 */
const BOM = '\uFEFF';
const csv = (lines: string[]) => Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');

const PARTICIPANTS = csv([
  'id;tipo_participante;nombre;tipo;origen;email',
  '0104;gadm;GAD Municipal de Nabón;;;alcaldia@nabon.gob.ec',
  '0701;gadm;GAD Municipal de Machala;;;',
  '0301;gadm;GAD Municipal de Azogues;;;',
  '1701;gadm;GAD Metropolitano de Quito;;;',
  'JICA;cooperante;Agencia de Cooperación Internacional del Japón;BILATERAL;Japón;',
  'CAF;cooperante;CAF - Banco de Desarrollo de América Latina;MULTILATERAL;Regional;',
  'GIZ;cooperante;Cooperación Alemana GIZ;BILATERAL;Alemania;',
]);
const DELEGATES = csv([
  'id;participante;nombres;apellidos;cargo;email',
  '0104-1;0104;María;Quezada;Alcaldesa;alcaldesa@nabon.gob.ec',
  'JICA-1;JICA;Kenji;Tanaka;Representante residente;',
]);
const DEMANDS_HEAD = 'id;participante;titulo;descripcion;sectores;modalidades;monto_usd';
const DEMANDS_BAD = csv([DEMANDS_HEAD, 'D-0104-1;0104;Planta de agua potable para Nabón;Estudios y diseños;AGUA;ASIST_TEC;250000', 'D-9999-1;9999;Demanda de un GADM que no existe;Sin participante;AGUA;;']);
const DEMANDS = csv([
  DEMANDS_HEAD,
  'D-0104-1;0104;Planta de agua potable para Nabón;Estudios y diseños de la planta de tratamiento de agua potable;AGUA;ASIST_TEC;250000',
  'D-0701-1;0701;Gestión integral de residuos sólidos de Machala;Relleno sanitario y reciclaje con gestores de base;RESIDUOS;FIN_NR;800000',
  'D-0301-1;0301;Movilidad sostenible en Azogues;Plan de movilidad y ciclovías para el centro histórico;MOVILIDAD;ASIST_TEC;120000',
]);
const OFFERS = csv([
  'id;participante;titulo;descripcion;sectores;modalidades;regiones;monto_min_usd;monto_max_usd',
  'O-JICA-1;JICA;Agua segura para municipios;Asistencia técnica en agua potable y saneamiento;AGUA;ASIST_TEC;Sierra, Costa;50000;2000000',
  'O-CAF-1;CAF;Ciudades con movilidad sostenible;Preinversión en movilidad urbana y transporte;MOVILIDAD;ASIST_TEC, CREDITO;Sierra;50000;5000000',
  'O-GIZ-1;GIZ;Economía circular local;Gestión de residuos sólidos y reciclaje inclusivo;RESIDUOS;FIN_NR, ASIST_TEC;Costa, Sierra;10000;1000000',
]);

describe('organiser console: a whole Jornada in the browser', () => {
  let api: TestApi;
  let web: WebServer;
  let browser: TestBrowser;
  let page: Page;
  let eventId = '';
  const errors: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    await api.app.listen(0, '127.0.0.1');
    web = await webOrigin(api.app.getHttpServer().address().port);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    browser.context.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => void d.accept());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  const upload = async (kind: string, name: string, file: Buffer) => {
    await page.getByLabel('Tabla', { exact: true }).selectOption(kind);
    await page.getByLabel('Archivo', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Validar (sin escribir)' }).click();
    await page.getByRole('heading', { name: 'Resultado de la validación' }).waitFor();
  };
  const commit = async () => {
    await page.getByRole('button', { name: /^Importar \d+ filas$/ }).click();
    await page.getByText(/^Importación hecha/).waitFor();
  };
  /** Form controls a screen reader could not name (must stay empty). A string: the root tsconfig has no DOM types. */
  const unlabeled = (p: Page) =>
    p.evaluate(`[...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && !el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120))`) as Promise<string[]>;
  const tab = (name: string) => page.getByRole('navigation', { name: 'Secciones de la Jornada' }).getByRole('link', { name }).click();

  it('login → Jornada → imports → matching → meetings → schedule → publish → agenda → control room', async () => {
    // Login (Spanish by default).
    await page.goto(`${web.url}/app/`);
    await page.getByRole('heading', { name: 'Rueda de Negocios' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await screenshot(page, '01-login');
    await page.getByLabel('Correo electrónico').fill('admin@rueda.test');
    await page.getByLabel('Contraseña').fill('admin-password-1');
    await page.getByRole('button', { name: 'Ingresar' }).click();

    // Create the Jornada: one morning of 20-minute slots with a coffee break, 4 tables.
    await page.getByRole('button', { name: 'Nueva Jornada' }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('Jornada de Cooperación Internacional 2026');
    await page.getByLabel('Lugar').fill('Quito, Centro de Convenciones');
    await page.getByLabel('Número de mesas').fill('4');
    await page.getByLabel('Nombre de la sesión').fill('Mañana');
    await page.getByLabel('Día').fill('2026-11-25');
    await page.getByLabel('Inicio').fill('09:00');
    await page.getByLabel('Fin', { exact: true }).fill('11:00');
    await page.getByLabel('Minutos por reunión').fill('20');
    await page.getByLabel('Minutos entre reuniones').fill('0');
    await page.getByLabel('Pausas').fill('10:00-10:20');
    await screenshot(page, '02-create-jornada');
    expect(await unlabeled(page)).toEqual([]);
    await page.getByRole('button', { name: 'Crear Jornada' }).click();
    await page.waitForURL(/\/app\/events\/[0-9a-f-]{36}\/setup$/);
    eventId = /events\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByText('Reuniones posibles').waitFor();
    await see(page.locator('.stat', { hasText: 'Franjas' }).locator('.stat-value')).hasText('5');

    // Imports: participants, then a demands file with a bad row (commit disabled), then the good one, then offers.
    await upload('participants', 'participantes.csv', PARTICIPANTS);
    await see(page.getByText('Sin problemas: el archivo se puede importar.')).isVisible();
    await screenshot(page, '03-import-dry-run');
    await commit();
    await upload('demands', 'demandas.csv', DEMANDS_BAD);
    const commitBtn = page.getByRole('button', { name: /^Importar \d+ filas$/ });
    expect(await commitBtn.isDisabled()).toBe(true);
    await see(page.locator('tr.sev-error').first()).containsText('3');
    await screenshot(page, '04-import-errors');
    expect(await unlabeled(page)).toEqual([]);
    await upload('demands', 'demandas.csv', DEMANDS);
    await commit();
    await upload('offers', 'ofertas.csv', OFFERS);
    await commit();
    await upload('delegates', 'delegados.csv', DELEGATES);
    await commit();
    expect((await api.query(`SELECT count(*)::int AS n FROM offers WHERE event_id = $1`, [eventId]))[0].n).toBe(3);

    // Records: edit a participant while someone else changed it → the conflict is explained.
    await tab('Registros');
    const nabonRow = page.getByRole('row', { name: /GAD Municipal de Nabón/ });
    await nabonRow.getByRole('button', { name: 'Editar' }).click();
    const [nabon] = await api.query(`SELECT id, version FROM participants WHERE event_id = $1 AND external_id = '0104'`, [eventId]);
    await api.http.patch(`/events/${eventId}/participants/${nabon.id}`).set(bearer(api.tokens.admin)).send({ version: nabon.version, phone: '07 222 0000' }).expect(200);
    await page.getByLabel('Teléfono').fill('07 333 1111');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByText('Otra persona cambió este registro mientras usted lo editaba.').waitFor();
    await screenshot(page, '05-record-conflict');
    expect(await unlabeled(page)).toEqual([]);
    await page.getByRole('button', { name: 'Guardar mis cambios encima' }).click();
    await page.getByRole('heading', { name: /^Editar:/ }).waitFor({ state: 'detached' });
    expect((await api.query(`SELECT phone FROM participants WHERE id = $1`, [nabon.id]))[0].phone).toBe('07 333 1111');

    // Matching: score, wait for the run, browse with reasons, request and add meetings.
    await tab('Afinidades');
    await page.getByRole('button', { name: 'Calcular', exact: true }).click();
    await page.locator('.match').first().waitFor({ timeout: 30_000 });
    await see(page.getByText('Terminado')).isVisible();
    await screenshot(page, '06-matching');
    expect(await unlabeled(page)).toEqual([]);
    const matchFor = (demandTitle: string) => page.locator('.match', { hasText: demandTitle }).first();
    await matchFor('Planta de agua potable para Nabón').getByRole('button', { name: 'Solicitar reunión' }).click();
    await page.getByText(/^Solicitud creada/).waitFor();
    await matchFor('Gestión integral de residuos').getByRole('button', { name: 'Solicitar reunión' }).click();
    await page.getByText(/^Solicitud creada: GAD Municipal de Machala/).waitFor();
    await matchFor('Movilidad sostenible en Azogues').getByRole('button', { name: 'Añadir reunión' }).click();
    await page.getByText(/^Reunión añadida/).waitFor();
    await page.locator('.match', { hasText: 'Planta de agua potable para Nabón' }).filter({ hasText: 'Ciudades con movilidad sostenible' }).getByRole('button', { name: 'Bloquear par' }).click();
    await page.getByText(/^Par bloqueado/).waitFor();

    // Meetings: accept the requests on behalf of the cooperants, add a mandatory meeting.
    await tab('Reuniones');
    const accept = page.getByRole('button', { name: /^Aceptar la solicitud/ });
    await accept.first().waitFor();
    expect(await accept.count()).toBe(2);
    await accept.first().click();
    await see(accept).hasCount(1);
    await accept.first().click();
    await see(accept).hasCount(0);
    await page.getByLabel('Participante A (solicitante)').selectOption({ label: 'GAD Metropolitano de Quito' });
    await page.getByLabel('Participante B').selectOption({ label: 'Agencia de Cooperación Internacional del Japón' });
    await page.getByRole('button', { name: 'Añadir reunión', exact: true }).click();
    await page.getByText('Reunión añadida.').waitFor();
    await page.getByLabel('Estado').selectOption('accepted');
    await see(page.locator('tbody tr')).hasCount(4);
    await screenshot(page, '07-meetings');
    expect(await unlabeled(page)).toEqual([]);

    // Scheduling: generate (short time limit), review the draft, publish.
    await tab('Agenda');
    await page.getByLabel('Tiempo máximo (segundos)').fill('2');
    await page.getByRole('button', { name: 'Generar', exact: true }).click();
    await page.getByRole('heading', { name: /Versión 1/ }).waitFor();
    if (await page.getByRole('progressbar', { name: 'Progreso de la generación' }).isVisible()) await screenshot(page, '08a-schedule-generating', false);
    await page.getByRole('button', { name: 'Publicar' }).waitFor({ timeout: 30_000 });
    await see(page.locator('.stat', { hasText: 'Reuniones agendadas' }).locator('.stat-value')).hasText('4');
    await page.locator('.grid td[data-meeting]').first().waitFor();
    expect(await page.locator('.grid td[data-meeting]').count()).toBe(4);
    await screenshot(page, '08-schedule-draft');
    expect(await unlabeled(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publicar' }).click();
    await page.locator('#review-title .badge', { hasText: 'Publicada' }).waitFor();
    await see(page.getByRole('button', { name: 'Regenerar conservando lo publicado' })).isVisible();

    // Personal access link → the participant's agenda shows its meetings.
    await tab('Registros');
    await page.getByRole('row', { name: /GAD Municipal de Nabón/ }).getByRole('button', { name: 'Enlace personal' }).click();
    const link = await page.getByTestId('access-link').inputValue();
    expect(link).toMatch(/\/app\/a\/.+/);
    await screenshot(page, '09-access-link');
    const agenda = await browser.context.newPage();
    agenda.on('pageerror', (e) => errors.push(String(e)));
    await agenda.goto(link.replace(/^https?:\/\/[^/]+/, web.url));
    await agenda.getByRole('heading', { name: 'Mi agenda' }).waitFor();
    await agenda.locator('.agenda-item').first().waitFor();
    await see(agenda.locator('.agenda-item')).hasCount(1);
    await see(agenda.locator('.agenda-item')).containsText('Agencia de Cooperación Internacional del Japón');
    await see(agenda.locator('.agenda-item')).containsText('Agendada');
    await screenshot(agenda, '10-participant-agenda');
    await agenda.emulateMedia({ media: 'print' });
    await screenshot(agenda, '11-participant-agenda-print');
    await agenda.close();

    // Control room: the published grid with statuses.
    await tab('Sala de control');
    await page.locator('.grid td[data-meeting]').first().waitFor();
    expect(await page.locator('.grid td[data-meeting]').count()).toBe(4);
    await see(page.locator('.stat', { hasText: 'Agendada' }).locator('.stat-value')).hasText('4');
    await screenshot(page, '12-control-room');

    // Staff table view: the status buttons are there; the REST endpoint may not exist yet.
    const [first] = await api.query(
      `SELECT t.number, s.starts_at AS "startsAt" FROM meetings m JOIN tables t ON t.id = m.table_id JOIN slots s ON s.id = m.slot_id
        WHERE m.event_id = $1 AND m.status = 'scheduled' ORDER BY s.ordinal, t.number LIMIT 1`, [eventId]);
    const staff = await browser.context.newPage();
    staff.on('pageerror', (e) => errors.push(String(e)));
    await staff.goto(`${web.url}/app/table/${eventId}/${first.number}`);
    await staff.locator('.round').first().waitFor();
    await staff.getByRole('button', { name: /^Llegaron:/ }).first().click();
    await staff.locator('.round-head .badge-checked_in').first().waitFor();
    await staff.getByRole('button', { name: /^Registrar llegada: María/ }).click();
    await staff.getByText(/^Llegó \d\d:\d\d$/).waitFor();
    await screenshot(staff, '13-table-view');
    // Big-screen board at a moment during the first round.
    await staff.goto(`${web.url}/app/board/${eventId}?at=${new Date(new Date(first.startsAt).getTime() + 5 * 60_000).toISOString()}`);
    await staff.getByRole('heading', { name: /Ronda actual/ }).waitFor();
    await screenshot(staff, '14-board', false);
    await staff.close();

    // English on request, remembered, with the lang attribute switched.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Control room', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Control room', exact: true }).waitFor();
    await screenshot(page, '15-control-room-en');

    // Tablet width: the schedule review still reads well.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${web.url}/app/events/${eventId}/schedule`);
    await page.locator('.grid td[data-meeting]').first().waitFor();
    await screenshot(page, '16-schedule-tablet-en');

    expect(errors).toEqual([]);
  }, 90_000);
});

/** Web-first checks with retries (playwright-core ships no `expect`). */
function see(loc: Locator) {
  const retry = async (check: () => Promise<boolean>, what: () => Promise<string>) => {
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      if (await check().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(await what().catch(() => 'check failed'));
  };
  return {
    hasText: (s: string) => retry(async () => (await loc.first().innerText()).trim() === s, async () => `expected text "${s}", got "${await loc.first().innerText()}"`),
    containsText: (s: string) => retry(async () => (await loc.first().innerText()).includes(s), async () => `expected to contain "${s}", got "${await loc.first().innerText()}"`),
    hasCount: (n: number) => retry(async () => (await loc.count()) === n, async () => `expected ${n} elements, got ${await loc.count()}`),
    isVisible: () => retry(() => loc.first().isVisible(), async () => 'expected element to be visible'),
  };
}
