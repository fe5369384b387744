import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { sessionAroundNow } from '../support/sessions';
import { bearer, startTestApi, TestApi } from '../support/api';
import { launchBrowser, screenshot, TestBrowser } from './support/browser';
import { webOrigin, WebServer } from './support/web-server';

/**
 * One whole Jornada through the organiser console, from an empty database: needs the SPA built
 * first (`npx vite build --config apps/web/vite.config.ts`).
 */
/**
 * Live operations act on the real clock: one session around "now" (started 30 minutes ago,
 * three hours long), in a fixed-offset time zone where it is late morning whatever the hour
 * the test runs (see test/e2e/live-ops.e2e.spec.ts).
 */
function todaysSession() {
  const { timeZone, session } = sessionAroundNow(180);
  return { timeZone, day: session.day, startTime: session.startTime, endTime: session.endTime };
}

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
const DEMANDS_BAD = csv([
  DEMANDS_HEAD,
  'D-0104-1;0104;Planta de agua potable para Nabón;Estudios y diseños;AGUA;ASIST_TEC;250000',
  'D-9999-1;9999;Demanda de un GADM que no existe;Sin participante;AGUA;;',
]);
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
    await page.getByRole('button', { name: /^Importar \d+ filas?$/ }).click();
    await page.getByText(/^Importación hecha/).waitFor();
  };
  /** Form controls a screen reader could not name (must stay empty). A string: the root tsconfig has no DOM types. */
  const unlabeled = (p: Page) =>
    p.evaluate(`[...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && !el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120))`) as Promise<string[]>;
  const tab = (name: string) => page.getByRole('navigation', { name: 'Secciones de la Jornada' }).getByRole('link', { name }).click();

  it('login → Jornada → imports → matching → meetings → schedule → publish → agenda → live day → reports → outcome', async () => {
    // Login (Spanish by default).
    await page.goto(`${web.url}/app/`);
    await page.getByRole('heading', { name: 'Rueda de Negocios' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await screenshot(page, '01-login');
    await page.getByLabel('Correo electrónico').fill('admin@rueda.test');
    await page.getByLabel('Contraseña').fill('admin-password-1');
    await page.getByRole('button', { name: 'Ingresar' }).click();

    // Create the Jornada: today, three hours of 20-minute slots around the real clock, 4 tables.
    const today = todaysSession();
    await page.getByRole('button', { name: 'Nueva Jornada' }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('Jornada de Cooperación Internacional 2026');
    await page.getByLabel('Lugar').fill('Quito, Centro de Convenciones');
    await page.getByLabel('Zona horaria').fill(today.timeZone);
    await page.getByLabel('Número de mesas').fill('4');
    await page.getByLabel('Nombre de la sesión').fill('Mañana');
    await page.getByLabel('Día').fill(today.day);
    await page.getByLabel('Inicio').fill(today.startTime);
    await page.getByLabel('Fin', { exact: true }).fill(today.endTime);
    await page.getByLabel('Minutos por reunión').fill('20');
    await page.getByLabel('Minutos entre reuniones').fill('0');
    await screenshot(page, '02-create-jornada');
    expect(await unlabeled(page)).toEqual([]);
    await page.getByRole('button', { name: 'Crear Jornada' }).click();
    await page.waitForURL(/\/app\/events\/[0-9a-f-]{36}\/setup$/);
    eventId = /events\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByText('Reuniones posibles').waitFor();
    await see(page.locator('.stat', { hasText: 'Franjas' }).locator('.stat-value')).hasText('9');

    // Imports: participants, then a demands file with a bad row (commit disabled), then the good one, then offers.
    await upload('participants', 'participantes.csv', PARTICIPANTS);
    await see(page.getByText('Sin problemas: el archivo se puede importar.')).isVisible();
    await screenshot(page, '03-import-dry-run');
    await commit();
    await upload('demands', 'demandas.csv', DEMANDS_BAD);
    const commitBtn = page.getByRole('button', { name: /^Importar \d+ filas?$/ });
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
    await api.http
      .patch(`/events/${eventId}/participants/${nabon.id}`)
      .set(bearer(api.tokens.admin))
      .send({ version: nabon.version, phone: '07 222 0000' })
      .expect(200);
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
    await page
      .locator('.match', { hasText: 'Planta de agua potable para Nabón' })
      .filter({ hasText: 'Ciudades con movilidad sostenible' })
      .getByRole('button', { name: 'Bloquear par' })
      .click();
    await page.getByText(/^Par bloqueado/).waitFor();

    // Meetings: accept the requests on behalf of the cooperants, add a mandatory meeting.
    await tab('Reuniones');
    const accept = page.getByRole('button', { name: /^Aceptar la solicitud/ });
    await accept.first().waitFor();
    expect(await accept.count()).toBe(2);
    await accept.first().click();
    await see(accept).hasCount(1);
    // The row leaves the list of requests with a word saying what happened to it.
    await see(page.getByText(/^Solicitud aceptada: .+ ⇄ .+\. La reunión queda lista para agendar/)).isVisible();
    await accept.first().click();
    await see(accept).hasCount(0);
    await page.getByLabel('Participante A (solicitante)').selectOption({ label: 'GAD Metropolitano de Quito' });
    await page.getByLabel('Participante B').selectOption({ label: 'Agencia de Cooperación Internacional del Japón' });
    await page.getByRole('button', { name: 'Añadir reunión', exact: true }).click();
    await page.getByText('Reunión añadida.').waitFor();
    await page.getByLabel('Estado').selectOption('accepted');
    await see(page.locator('tbody tr')).hasCount(4);
    // A meeting's window (slots it may take) is edited on its row; every slot ticked, then cleared.
    await page
      .getByRole('button', { name: /^Ventana de la reunión / })
      .first()
      .click();
    const windowBoxes = page.locator('.window-editor input[type=checkbox]');
    const slotCount = await windowBoxes.count();
    expect(slotCount).toBeGreaterThan(1);
    for (let i = 0; i < slotCount; i++) await windowBoxes.nth(i).check();
    expect(await unlabeled(page)).toEqual([]);
    await page.getByRole('button', { name: 'Guardar ventana' }).click();
    await page.getByText(`Ventana guardada: ${slotCount} franjas.`).waitFor();
    const [windowed] = await api.query(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1 AND allowed_slot_ids IS NOT NULL`, [
      eventId,
    ]);
    expect(windowed.n).toBe(1);
    await page.getByRole('button', { name: 'Quitar la ventana' }).click();
    await page.getByText('Ventana quitada: cualquier franja.').waitFor();
    await page.getByRole('button', { name: 'Cerrar' }).click();
    await screenshot(page, '07-meetings');
    expect(await unlabeled(page)).toEqual([]);

    // The morning is under way: the slots already started (or about to) are unavailable for everybody,
    // so the meetings land in slots still ahead.
    const admin = bearer(api.tokens.admin);
    const slots = (await api.http.get(`/events/${eventId}/slots`).set(admin)).body as { id: string; startsAt: string }[];
    const gone = slots.filter((x) => new Date(x.startsAt).getTime() < Date.now() + 20 * 60_000).map((x) => x.id);
    for (const { id } of await api.query(`SELECT id FROM participants WHERE event_id = $1`, [eventId])) {
      await api.http.put(`/events/${eventId}/participants/${id}/unavailability`).set(admin).send({ slotIds: gone }).expect(200);
    }

    // Scheduling: generate (short time limit), review the draft, publish.
    await tab('Agenda');
    // The idle measure is an event setting: saved on change (breaks), then back to the default
    // (holes) so the rest of the walk meets the schedule it always did.
    const measure = page.getByLabel('Cómo se cuentan las esperas');
    await measure.selectOption('breaks');
    await page.getByText('Medida de espera guardada: Esperas entre reuniones (pausas).').waitFor();
    const [{ settings }] = await api.query(`SELECT settings FROM events WHERE id = $1`, [eventId]);
    expect(settings.idleMeasure).toBe('breaks');
    await measure.selectOption('holes');
    await page.getByText('Medida de espera guardada: Franjas libres entre reuniones (huecos).').waitFor();
    await page.getByLabel('Tiempo máximo (segundos)').fill('2');
    await page.getByRole('button', { name: 'Generar', exact: true }).click();
    await page.getByRole('heading', { name: /Versión 1/ }).waitFor();
    if (await page.getByRole('progressbar', { name: 'Progreso de la generación' }).isVisible())
      await screenshot(page, '08a-schedule-generating', false);
    await page.getByRole('button', { name: 'Publicar' }).waitFor({ timeout: 30_000 });
    await see(page.locator('.stat', { hasText: 'Reuniones agendadas' }).locator('.stat-value')).hasText('4');
    // The proof as the solver wrote it (four meetings: normally proven within the 2 s).
    const [{ bounds }] = await api.query(`SELECT bounds FROM schedule_versions WHERE event_id = $1 AND status = 'draft'`, [eventId]);
    expect(bounds.idleMeasure).toBe('holes');
    await see(page.locator('.stat', { hasText: 'Demostración' }).locator('.stat-value')).hasText(
      bounds.optimal ? '✓ Óptimo demostrado' : 'Sin demostrar',
    );
    await see(page.locator('.stat', { has: page.locator('.stat-label', { hasText: /^Huecos$/ }) }).locator('.stat-hint')).containsText(
      'mínimo demostrado',
    );
    await see(page.getByRole('heading', { name: 'Reparto de las esperas' })).isVisible();
    await see(page.getByRole('img', { name: /número de participantes según cuántas esperas/ })).isVisible();
    await page.locator('.grid td[data-meeting]').first().waitFor();
    expect(await page.locator('.grid td[data-meeting]').count()).toBe(4);
    await screenshot(page, '08-schedule-draft');
    expect(await unlabeled(page)).toEqual([]);

    // Drafts are edited by hand: a drop on a slot nobody can make is refused with its reason and
    // the meeting snaps back; a drop on a cell free for both moves it.
    const [draft] = await api.query(`SELECT id FROM schedule_versions WHERE event_id = $1 AND status = 'draft'`, [eventId]);
    const draftRows = (await api.query(
      `SELECT a.meeting_id, a.slot_id, a.table_id, m.participant_a_id AS a, m.participant_b_id AS b
         FROM schedule_assignments a JOIN meetings m ON m.id = a.meeting_id WHERE a.schedule_version_id = $1`,
      [draft.id],
    )) as { meeting_id: string; slot_id: string; table_id: string; a: string; b: string }[];
    const tableIds = (await api.query(`SELECT id FROM tables WHERE event_id = $1 ORDER BY number`, [eventId])).map(
      (r: { id: string }) => r.id as string,
    );
    const dragged = draftRows[0];
    const draftCell = page.locator(`td[data-meeting="${dragged.meeting_id}"]`);
    await drag(draftCell, page.locator(`td[data-slot="${gone[0]}"][data-table="${tableIds[tableIds.length - 1]}"]`));
    await page.locator('.move-feedback .alert-error').waitFor();
    expect(await draftCell.getAttribute('data-slot')).toBe(dragged.slot_id);
    await screenshot(page, '08b-schedule-draft-move-refused');
    let target: { slot: string; table: string } | undefined;
    for (const sl of slots.filter((x) => !gone.includes(x.id)).reverse()) {
      const there = draftRows.filter((r) => r.slot_id === sl.id && r.meeting_id !== dragged.meeting_id);
      if (there.some((r) => [r.a, r.b].some((x) => x === dragged.a || x === dragged.b))) continue;
      const table = tableIds.find(
        (tb: string) => !there.some((r) => r.table_id === tb) && !(sl.id === dragged.slot_id && tb === dragged.table_id),
      );
      if (table) {
        target = { slot: sl.id, table };
        break;
      }
    }
    await drag(draftCell, page.locator(`td[data-slot="${target!.slot}"][data-table="${target!.table}"]`));
    await page.getByText(/^Reunión movida:/).waitFor();
    await page.locator(`td[data-meeting="${dragged.meeting_id}"][data-slot="${target!.slot}"][data-table="${target!.table}"]`).waitFor();
    await see(page.locator('.stat', { hasText: 'Reuniones agendadas' }).locator('.stat-value')).hasText('4');
    await page.getByRole('button', { name: 'Publicar' }).click();
    await page.locator('#review-title .badge', { hasText: 'Publicada' }).waitFor();
    await see(page.getByRole('button', { name: 'Regenerar conservando lo publicado' })).isVisible();

    // Personal access link → the participant's agenda shows its meetings.
    await tab('Registros');
    await page
      .getByRole('row', { name: /GAD Municipal de Nabón/ })
      .getByRole('button', { name: 'Enlace personal' })
      .click();
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
    await see(agenda.locator('.agenda-item')).containsText('Mesa ');
    await screenshot(agenda, '10-participant-agenda');
    await agenda.emulateMedia({ media: 'print' });
    await screenshot(agenda, '11-participant-agenda-print');
    await agenda.close();

    // Control room: the live grid with statuses, on the socket.
    await tab('Sala de control');
    await page.locator('.grid td[data-meeting]').first().waitFor();
    expect(await page.locator('.grid td[data-meeting]').count()).toBe(4);
    await see(page.locator('.stat', { hasText: 'Agendada' }).locator('.stat-value')).hasText('4');
    await page.locator('.live-indicator.live-live').waitFor();
    await screenshot(page, '12-control-room');
    expect(await unlabeled(page)).toEqual([]);

    // Confirm-first recovery: a freed table waits for the organiser's decision.
    await page.getByLabel('Confirmar antes: proponer y esperar mi decisión').check();
    await page.getByRole('button', { name: 'Guardar modo' }).click();
    await page.getByText('Modo de recuperación guardado.').waitFor();

    const staffToken = bearer(api.tokens.staff);
    const meetingOf = async (externalId: string) =>
      (
        await api.query(
          `SELECT m.id, m.slot_id, m.table_id, t.number AS table_number FROM meetings m
         JOIN participants pa ON pa.id = m.participant_a_id JOIN participants pb ON pb.id = m.participant_b_id JOIN tables t ON t.id = m.table_id
        WHERE m.event_id = $1 AND $2 IN (pa.external_id, pb.external_id) AND m.status IN ('scheduled', 'checked_in') LIMIT 1`,
          [eventId, externalId],
        )
      )[0] as { id: string; slot_id: string; table_id: string; table_number: number };
    const nabonMeeting = await meetingOf('0104');
    const machala = await meetingOf('0701');
    const quito = await meetingOf('1701');

    // Staff table view: the delegates of the next round arrive (a table whose first round has some).
    const firstRounds = await api.query(
      `SELECT DISTINCT ON (t.number) t.number, pa.external_id AS a, pb.external_id AS b FROM meetings m JOIN tables t ON t.id = m.table_id JOIN slots s ON s.id = m.slot_id
         JOIN participants pa ON pa.id = m.participant_a_id JOIN participants pb ON pb.id = m.participant_b_id
        WHERE m.event_id = $1 AND m.status = 'scheduled' ORDER BY t.number, s.ordinal`,
      [eventId],
    );
    const withDelegates =
      firstRounds.find((r: { a: string; b: string }) => [r.a, r.b].some((x) => x === '0104' || x === 'JICA')) ?? firstRounds[0];
    const staff = await browser.context.newPage();
    staff.on('pageerror', (e) => errors.push(String(e)));
    await staff.goto(`${web.url}/app/table/${eventId}/${withDelegates.number}`);
    await staff.locator('.round').first().waitFor();
    await staff
      .getByRole('button', { name: /^Llegaron:/ })
      .first()
      .click();
    await staff.locator('.round-head .badge-checked_in').first().waitFor();
    const arrive = staff.getByRole('button', { name: /^Registrar llegada: / }).first();
    if (await arrive.count()) {
      await arrive.click();
      await staff
        .getByText(/^Llegó \d\d:\d\d$/)
        .first()
        .waitFor();
    }
    await screenshot(staff, '13-table-view');
    await see(page.locator('.stat', { hasText: 'Delegados registrados' }).locator('.stat-value')).containsText(' / 2');

    // Booked too late for the schedule and free when Machala's meeting is: the waiting meeting
    // (a GADM free at that slot with a new cooperant) is the best candidate for the freed table.
    const koica = (
      await api.http
        .post(`/events/${eventId}/participants`)
        .set(admin)
        .send({ externalId: 'KOICA', kind: 'cooperant', name: 'KOICA Corea' })
        .expect(201)
    ).body.id;
    const [freeGadm] = await api.query(
      `SELECT p.id FROM participants p WHERE p.event_id = $1 AND p.kind = 'gadm' AND p.external_id <> '0701'
          AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = $2 AND m.status IN ('scheduled', 'checked_in') AND p.id IN (m.participant_a_id, m.participant_b_id))
        ORDER BY p.external_id LIMIT 1`,
      [eventId, machala.slot_id],
    );
    // (Should every other GADM be busy then, Machala itself: the engine still proposes the waiting meeting.)
    const gadmId =
      freeGadm?.id ?? (await api.query(`SELECT id FROM participants WHERE event_id = $1 AND external_id = '0701'`, [eventId]))[0].id;
    await api.http.post(`/events/${eventId}/meetings`).set(admin).send({ participantAId: gadmId, participantBId: koica }).expect(201);

    // A no-show at the table view…
    await staff.goto(`${web.url}/app/table/${eventId}/${machala.table_number}`);
    await staff.getByRole('button', { name: /^No asistió: .*Machala/ }).click();
    // A no-show is confirmed before it is recorded (table safety).
    await staff.getByRole('alertdialog').getByRole('button', { name: 'Sí, no asistió' }).click();
    await staff.locator('.round', { hasText: 'Machala' }).locator('.round-head .badge-no_show').waitFor();
    await screenshot(staff, '17-table-no-show');
    await staff.close();
    // …is an alert in the control room, and the replacement proposal appears there; accept it.
    await page.locator('.no-show-alert', { hasText: 'GAD Municipal de Machala' }).waitFor();
    await page.locator(`td[data-slot="${machala.slot_id}"][data-table="${machala.table_id}"] .grid-freed`).waitFor();
    const proposal = page.locator('.proposal').first();
    await proposal.waitFor({ timeout: 20_000 });
    await see(proposal).containsText('KOICA Corea');
    await screenshot(page, '18-control-room-no-show-proposal');
    await proposal.getByRole('button', { name: /^Aceptar la propuesta/ }).click();
    await page.getByText(/^Propuesta aceptada:/).waitFor();
    await page
      .locator(`td[data-slot="${machala.slot_id}"][data-table="${machala.table_id}"][data-meeting]`, { hasText: 'KOICA Corea' })
      .waitFor();
    await page.locator('.recent-replacements li', { hasText: 'KOICA Corea' }).waitFor();

    // A walk-in: the first table and slot free for both.
    await page.getByLabel('Participante A', { exact: true }).selectOption({ label: 'GAD Municipal de Azogues' });
    await page.getByLabel('Participante B', { exact: true }).selectOption({ label: 'Cooperación Alemana GIZ' });
    await page.getByRole('button', { name: 'Agendar reunión espontánea' }).click();
    await page.getByText(/^Reunión espontánea agendada: GAD Municipal de Azogues ⇄ Cooperación Alemana GIZ/).waitFor();

    // Drag and drop: onto a taken table it is refused with the reason and snaps back; onto a free cell it moves.
    const source = page.locator(`td[data-meeting="${quito.id}"]`);
    const [taken] = await api.query(
      `SELECT m.slot_id, m.table_id FROM meetings m JOIN slots s ON s.id = m.slot_id
        WHERE m.event_id = $1 AND m.status IN ('scheduled', 'checked_in') AND m.id <> $2 AND s.starts_at > now() + interval '15 minutes'
        ORDER BY s.ordinal LIMIT 1`,
      [eventId, quito.id],
    );
    await drag(source, page.locator(`td[data-slot="${taken.slot_id}"][data-table="${taken.table_id}"]`));
    await page.locator('.move-feedback .alert-error').waitFor();
    await see(page.locator('.move-feedback')).containsText('No se movió GAD Metropolitano de Quito');
    expect(await source.getAttribute('data-slot')).toBe(quito.slot_id);
    await screenshot(page, '19-move-refused');
    const freeCellFor = async (meetingId: string) =>
      (
        await api.query(
          `SELECT s.id AS slot_id, t.id AS table_id FROM slots s CROSS JOIN tables t
        WHERE s.event_id = $1 AND t.event_id = $1 AND s.starts_at > now() + interval '15 minutes'
          AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = s.id AND m.table_id = t.id AND m.status IN ('scheduled', 'checked_in', 'held'))
          AND NOT EXISTS (SELECT 1 FROM meetings m JOIN meetings q ON q.id = $2 WHERE m.slot_id = s.id AND m.status IN ('scheduled', 'checked_in', 'held') AND m.id <> q.id
                          AND (m.participant_a_id IN (q.participant_a_id, q.participant_b_id) OR m.participant_b_id IN (q.participant_a_id, q.participant_b_id)))
        ORDER BY s.ordinal DESC, t.number LIMIT 1`,
          [eventId, meetingId],
        )
      )[0] as { slot_id: string; table_id: string };
    const free = await freeCellFor(quito.id);
    await drag(source, page.locator(`td[data-slot="${free.slot_id}"][data-table="${free.table_id}"]`));
    await page.getByText(/^Reunión movida: GAD Metropolitano de Quito/).waitFor();
    await page.locator(`td[data-meeting="${quito.id}"][data-slot="${free.slot_id}"][data-table="${free.table_id}"]`).waitFor();
    // The keyboard alternative: the meeting and the target cell chosen in a form.
    const free2 = await freeCellFor(quito.id);
    await page.getByLabel('Reunión a mover').selectOption(quito.id);
    await page.getByLabel('Franja de destino').selectOption(free2.slot_id);
    await page.getByLabel('Mesa de destino').selectOption(free2.table_id);
    await page.getByRole('button', { name: 'Mover', exact: true }).click();
    await page.locator(`td[data-meeting="${quito.id}"][data-slot="${free2.slot_id}"][data-table="${free2.table_id}"]`).waitFor();

    // A delay of the rest of the day from the next slot.
    const [nextSlot] = await api.query(`SELECT id FROM slots WHERE event_id = $1 AND starts_at > now() ORDER BY ordinal LIMIT 1`, [
      eventId,
    ]);
    await page.getByLabel('Desde la franja').selectOption(nextSlot.id);
    await page.getByLabel('Minutos', { exact: true }).fill('10');
    await page.getByLabel('Alcance').selectOption('rest-of-day');
    await page.getByRole('button', { name: 'Aplicar retraso' }).click();
    await page.getByText(/^Retraso aplicado: \d+ franja/).waitFor();
    await page.locator('.feed li', { hasText: 'Franjas retrasadas' }).waitFor();
    await screenshot(page, '20-control-room-live-changes');
    expect(await unlabeled(page)).toEqual([]);

    // Big-screen board at a moment during the first round.
    const [first] = await api.query(
      `SELECT s.starts_at AS "startsAt" FROM meetings m JOIN slots s ON s.id = m.slot_id WHERE m.event_id = $1 AND m.status = 'scheduled' ORDER BY s.ordinal LIMIT 1`,
      [eventId],
    );
    const board = await browser.context.newPage();
    board.on('pageerror', (e) => errors.push(String(e)));
    await board.goto(`${web.url}/app/board/${eventId}?at=${new Date(new Date(first.startsAt).getTime() + 5 * 60_000).toISOString()}`);
    await board.getByRole('heading', { name: /Ronda actual/ }).waitFor();
    await screenshot(board, '14-board', false);
    await board.close();

    // After: two meetings held, a commitment recorded from one of them.
    await api.http.post(`/events/${eventId}/live/meetings/${nabonMeeting.id}/status`).set(staffToken).send({ status: 'held' }).expect(200);
    const walkIn = (await api.query(`SELECT m.id FROM meetings m WHERE m.event_id = $1 AND m.origin = 'walk_in'`, [eventId]))[0];
    if (walkIn)
      await api.http.post(`/events/${eventId}/live/meetings/${walkIn.id}/status`).set(staffToken).send({ status: 'held' }).expect(200);
    await api.http
      .post(`/events/${eventId}/commitments`)
      .set(admin)
      .send({ meetingId: nabonMeeting.id, title: 'Estudios de la planta de agua de Nabón', amountUsd: 250000 })
      .expect(201);

    // Reports, one click away: figures, charts, tables and every download.
    await tab('Después');
    await page.getByRole('heading', { name: 'Resultados de la Jornada' }).waitFor();
    await see(page.locator('.stat', { has: page.locator('.stat-label', { hasText: /^Realizadas?$/ }) }).locator('.stat-value')).hasText(
      walkIn ? '2' : '1',
    );
    await see(page.locator('.chart-card canvas')).hasCount(4);
    await page.locator('.commitment', { hasText: 'Estudios de la planta de agua de Nabón' }).waitFor();
    // Both sides of each held meeting still owe their outcome (plural rules: 1 reunión, 2 reuniones).
    await see(page.locator('#missing-title + p + p')).hasText(walkIn ? '4 reuniones de 4 participantes' : '2 reuniones de 2 participantes');
    await screenshot(page, '21-reports');
    expect(await unlabeled(page)).toEqual([]);
    const [xlsxDownload, xlsxResponse] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().endsWith('/reports/all.xlsx')),
      page.getByRole('button', { name: 'Libro completo (Excel)' }).click(),
    ]);
    expect(xlsxResponse.status()).toBe(200);
    expect(xlsxResponse.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsxResponse.request().url()).not.toMatch(/token/i);
    expect(xlsxDownload.suggestedFilename()).toBe('reportes-rueda.xlsx');
    const xlsx = readFileSync((await xlsxDownload.path())!);
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    // The saved file is the whole response (Express sends its length).
    expect(xlsx.length).toBe(Number(xlsxResponse.headers()['content-length']));
    expect(xlsx.length).toBeGreaterThan(5_000);
    await page.getByText('Descargado: reportes-rueda.xlsx').waitFor();
    // The book of agendas is a job with a progress bar, then a download.
    await page.getByRole('button', { name: 'Preparar PDF de agendas' }).click();
    await page.getByRole('button', { name: 'Descargar agendas' }).waitFor({ timeout: 30_000 });
    // Commitments move forward.
    await page.getByLabel('Nueva etapa para Estudios de la planta de agua de Nabón').selectOption('negotiation');
    await page.getByRole('button', { name: 'Cambiar etapa' }).click();
    await page.getByText('Etapa actualizada: Estudios de la planta de agua de Nabón → En negociación.').waitFor();
    await screenshot(page, '22-reports-downloads-follow-up');

    // The participant records the outcome of the held meeting; a bad field is explained next to it.
    const participant = await browser.context.newPage();
    participant.on('pageerror', (e) => errors.push(String(e)));
    await participant.goto(link.replace(/^https?:\/\/[^/]+/, web.url));
    const form = participant.locator('form.outcome-form', { hasText: 'Agencia de Cooperación Internacional del Japón' });
    await form.waitFor();
    await form.getByLabel('Interés (1 = poco, 5 = mucho)').selectOption('4');
    await form.getByLabel('Misión técnica').check();
    await form.getByLabel('Perfil de proyecto').check();
    await form.getByLabel('Monto estimado (USD)').fill('-5');
    await form.getByLabel('Nombre del contacto 1').fill('Kenji Tanaka');
    await form.getByLabel('Correo del contacto 1').fill('kenji@');
    await form.getByRole('button', { name: 'Guardar resultado' }).click();
    await form.locator('.field-error', { hasText: 'El monto no puede ser negativo' }).waitFor();
    await form.locator('.field-error', { hasText: 'Correo inválido' }).waitFor();
    expect(await form.getByLabel('Monto estimado (USD)').getAttribute('aria-invalid')).toBe('true');
    expect(await unlabeled(participant)).toEqual([]);
    await screenshot(participant, '23-outcome-errors');
    await form.getByLabel('Monto estimado (USD)').fill('250000');
    await form.getByLabel('Correo del contacto 1').fill('tanaka.kenji@jica.go.jp');
    await form.getByRole('button', { name: 'Guardar resultado' }).click();
    await participant.getByText(/^¡Gracias! Resultado guardado/).waitFor();
    const [outcome] = await api.query(`SELECT interest, next_steps, amount_usd FROM meeting_outcomes WHERE meeting_id = $1`, [
      nabonMeeting.id,
    ]);
    expect(outcome).toMatchObject({ interest: 4, next_steps: ['TECH_MISSION', 'PROJECT_PROFILE'] });
    expect(Number(outcome.amount_usd)).toBe(250000);
    await see(participant.locator('.agenda-item')).containsText('Realizada');
    await screenshot(participant, '24-participant-outcome-saved');
    await participant.close();

    // English on request, remembered, with the lang attribute switched.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Results of the event' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, '25-reports-en');
    await page.goto(`${web.url}/app/events/${eventId}/control`);
    await page.getByRole('heading', { name: 'Control room', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Replacement proposals' }).waitFor();
    await screenshot(page, '15-control-room-en');

    // Tablet width: the schedule review still reads well.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${web.url}/app/events/${eventId}/schedule`);
    await page.locator('.grid td[data-meeting]').first().waitFor();
    await screenshot(page, '16-schedule-tablet-en');

    expect(errors).toEqual([]);
    // A safety net only: the walk is bounded by its steps; a loaded 2-core machine needs several times the quiet 60 s.
  }, 300_000);
});

/** HTML5 drag and drop of a grid cell: both ends in view first (the page must not scroll mid-drag). */
async function drag(source: Locator, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  await source.dragTo(target);
}

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
    hasText: (s: string) =>
      retry(
        async () => (await loc.first().innerText()).trim() === s,
        async () => `expected text "${s}", got "${await loc.first().innerText()}"`,
      ),
    containsText: (s: string) =>
      retry(
        async () => (await loc.first().innerText()).includes(s),
        async () => `expected to contain "${s}", got "${await loc.first().innerText()}"`,
      ),
    hasCount: (n: number) =>
      retry(
        async () => (await loc.count()) === n,
        async () => `expected ${n} elements, got ${await loc.count()}`,
      ),
    isVisible: () =>
      retry(
        () => loc.first().isVisible(),
        async () => 'expected element to be visible',
      ),
  };
}
