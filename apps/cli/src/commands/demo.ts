import { parseArgs } from 'node:util';
import { demoDay, generateDemoJornada, Rng } from '@rueda/demo';
import { zonedTimeToUtc } from '@rueda/domain';
import { formatBilingual, formatUsd } from '@rueda/i18n';
import { answeredLine, loadedLine, matchingLine, placedLine, todayLine } from './demo-lines';
import { CreateUser, DeleteEvent, type EventView, EventsNamed } from '@rueda/application';
import { playThePast } from './demo-day';
import { editDemandThroughLink, inviteEveryone } from './demo-reach';
import { ApiCallError, ApiClient } from '../api-client';
import { CliCommand } from '../command';
import { withDatabase } from '../database';
import { CLI, cliUseCases, loadRecords } from '../load';

const EVENT_NAME = 'Jornada de Cooperación Internacional 2026 — Rueda de Negocios (demo)';
const ADMIN_EMAIL = 'admin@rueda.local';

const say = (s: string) => process.stdout.write(`${s}\n`);

const REBASED = {
  es: 'El día cambió mientras se generaba el borrador: publicado conservando {kept, plural, one {# cambio en vivo} other {# cambios en vivo}} ({lost, plural, one {# ubicación del borrador cedida} other {# ubicaciones del borrador cedidas}})',
  en: 'The day changed while the draft was built: published keeping {kept, plural, one {# live change} other {# live changes}} ({lost, plural, one {# draft placement} other {# draft placements}} given up)',
};

/**
 * Publishes a draft; if the live day moved on while it was built (a replacement job from an
 * earlier run's no-shows, say), the API refuses it as stale and the demo publishes it rebased,
 * keeping the live changes where they are — what an organiser would choose on the day.
 */
async function publishKeepingTheDay(api: ApiClient, path: string) {
  try {
    await api.call('POST', path);
  } catch (e) {
    if (!(e instanceof ApiCallError) || e.code !== 'stale_draft') throw e;
    const r = await api.call<{ rebased: { kept: unknown[]; conflicts: unknown[] } }>('POST', path, { rebase: true });
    const m = formatBilingual(REBASED, { kept: r.rebased.kept.length, lost: r.rebased.conflicts.length });
    say(`${m.es} / ${m.en}`);
  }
}

/**
 * Loads the demo Jornada (idempotent: same seed, same data, upserted) and drives it through
 * the running API: scoring, meeting requests and answers, and — as those capabilities land —
 * the schedule and the live day.
 */
const command: CliCommand = {
  description: 'Jornada de demostración / Demo Jornada',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        api: { type: 'string', default: 'http://127.0.0.1:3000' },
        seed: { type: 'string', default: '2026' },
        // The clock, for tests: the demo happens "today" around this instant.
        now: { type: 'string', default: process.env.RUEDA_DEMO_NOW },
      },
    });
    const seed = Number(values.seed);
    const password = process.env.RUEDA_ADMIN_PASSWORD ?? 'rueda-demo-2026';
    const demo = generateDemoJornada({ seed });
    const now = values.now ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new Error(`--now: fecha inválida / invalid date: ${values.now}`);
    const today = demoDay(now);

    // Through the API's use cases: the admin account as `users create` sets it up, the stale
    // Jornada deleted as DELETE /events does, the event and its data loaded in one transaction
    // by the event creation and import use cases (a bad record refuses it all, nothing written).
    const eventId = await withDatabase(async (ds) => {
      const useCases = cliUseCases(ds);
      await useCases.execute(CreateUser, CLI, {
        email: ADMIN_EMAIL,
        name: 'Administración Rueda',
        role: 'admin',
        password,
        onExisting: 'reset',
      });
      let event: EventView | undefined = (await useCases.ask(EventsNamed, CLI, { name: EVENT_NAME }))[0];
      const days = ((event?.sessions ?? []) as { day: string }[]).map((x) => x.day);
      // The demo Jornada is always today's: one left from another day is built again.
      if (event && days.some((d) => d !== today.day)) {
        say(`La Jornada de demostración era del ${days[0]}: se rehace para hoy / The demo Jornada was on another day: rebuilt for today.`);
        await useCases.execute(DeleteEvent, CLI, { eventId: event.id });
        event = undefined;
      }
      const target = event
        ? { eventId: event.id }
        : {
            create: {
              name: EVENT_NAME,
              venue: 'Quito — Centro de Convenciones Metropolitano',
              timeZone: today.timeZone,
              settings: {
                // Participants keep their data through their links until the end of today.
                selfServiceDeadline: zonedTimeToUtc(today.day, '23:59', today.timeZone).toISOString(),
                registrationOpen: true,
                branding: { color: '#0b5c8c', organiser: 'AME — Asociación de Municipalidades Ecuatorianas' },
              },
            },
          };
      const loaded = await loadRecords(useCases, target, demo, 'demo');
      return loaded.event.id;
    });
    say(
      `Datos cargados / Data loaded: ${loadedLine({ participants: demo.participants.length, delegates: demo.delegates.length, demands: demo.demands.length, offers: demo.offers.length })}.`,
    );

    const api = new ApiClient(values.api!);
    await api.login(ADMIN_EMAIL, password);
    const ev = `/events/${eventId}`;
    const event = await api.call<{ version: number; sessions: unknown[] }>('GET', ev);
    if (event.sessions.length === 0) {
      await api.call('PUT', `${ev}/sessions`, { sessions: today.sessions });
      for (let n = 1; n <= 60; n++) await api.call('POST', `${ev}/tables`, { number: n, label: `Mesa ${n}` });
    }

    // Everybody invited by email (the mail catcher shows them); one GADM corrects a demand through its link.
    const links = await inviteEveryone(api, ev, say);
    const edit = await editDemandThroughLink(api, ev, links);
    if (edit)
      say(
        `Autoservicio / Self-service: ${edit.name} cambió el monto de su demanda «${edit.demand}» a ${formatUsd(edit.amountUsd)} ` +
          'con su enlace personal; la organización lo aprobó.',
      );

    // Scoring on the worker.
    await api.call('POST', `${ev}/matching/runs`, { top: 10 });
    const run = await api.waitFor<{ status: string; progress: number; stats: Record<string, number> } | null>(
      `${ev}/matching/runs/latest`,
      (r) => r?.status === 'done' || r?.status === 'failed',
    );
    if (run?.status !== 'done') throw new Error('matching failed');
    say(
      `Afinidades / Matching: ${matchingLine({ pairs: run.stats.pairs, seconds: Number(run.stats.seconds), stored: run.stats.stored })}.`,
    );

    const meetings = await requestMeetings(api, ev, seed);
    say(`Reuniones / Meetings: ${answeredLine(meetings)}.`);

    // The schedule: generated on the worker, then published (announced over the websocket).
    const version = await api.call<{ id: string }>('POST', `${ev}/schedules`, {
      timeLimitSeconds: 10,
      minMeetingsPerGadm: 1,
      mode: 'keep-published',
      seed: 1,
    });
    const draft = await api.waitFor<{
      status: string;
      stats: Record<string, number>;
      bounds: Record<string, number>;
      quality?: { ratio: number };
    }>(`${ev}/schedules/${version.id}`, (v) => v.status === 'draft' || v.status === 'failed', 180_000);
    if (draft.status !== 'draft') throw new Error('scheduling failed');
    await publishKeepingTheDay(api, `${ev}/schedules/${version.id}/publish`);
    say(
      `Agenda / Schedule: ${placedLine({ scheduled: draft.stats.scheduled, holes: draft.stats.holes, weight: Number(draft.stats.weight), bound: Number(draft.bounds.weightUpperBound), ratio: draft.quality?.ratio ?? 0 })}; publicada / published.`,
    );

    const past = await playThePast(api, ev, now, seed);
    say(
      `Hoy / Today ${today.day.split('-').reverse().join('/')} (${today.timeZone}), ${today.sessions.map((x) => `${x.startTime}–${x.endTime}`).join(' y ')}: ` +
        `${todayLine(past)}.`,
    );

    say('');
    say(`Consola / Console:      ${values.api}/app/   (${ADMIN_EMAIL} / ${password})`);
    say(`Sala de control:        ${values.api}/app/events/${eventId}/control`);
    say(`Pantalla / Board:       ${values.api}/app/board/${eventId}`);
    say(`Mesa 1 / Table 1:       ${values.api}/app/table/${eventId}/1`);
    say(`API docs (OpenAPI):     ${values.api}/docs`);
    say(`Salud / Health:         ${values.api}/health`);
    say(`Colas / Queues:         ${values.api}/queues   (inicie sesión como administrador / sign in as an admin)`);
    if (process.env.MAIL_WEB_URL)
      say(`Correo / Mail catcher: ${process.env.MAIL_WEB_URL}   (invitaciones y avisos / invitations and notifications)`);
    say(`Registro público / Public registration: ${values.api}/app/registro/${eventId}`);
    say('Agendas personales (enlaces enviados por correo) / Personal agendas (links sent by email):');
    const shown = [...links.values()].filter((l) => l.link.includes('/app/a/'));
    for (const l of [...shown.slice(0, 2), ...shown.slice(-1)]) say(`  ${l.name}: ${l.link}`);
    return 0;
  },
};
export default command;

interface MatchItem {
  gadmId: string;
  cooperantId: string;
  demandId: string;
  offerId: string;
  rank: number;
}

/** Each GADM asks its best-matched cooperants; cooperants answer most of them, some ask back. */
async function requestMeetings(api: ApiClient, ev: string, seed: number) {
  const rng = new Rng(seed + 7);
  const items: MatchItem[] = [];
  for (let page = 1; ; page++) {
    const res = await api.call<{ items: MatchItem[]; total: number }>('GET', `${ev}/matches?pageSize=500&page=${page}`);
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) break;
  }
  const existing = await api.call<{ total: number }>('GET', `${ev}/meetings?pageSize=1`);
  const counts = { accepted: 0, declined: 0, open: 0, mandatory: 0 };
  if (existing.total > 0) {
    // A re-run: the meetings are already there, some of them placed by the published schedule.
    const total = async (status: string) => (await api.call<{ total: number }>('GET', `${ev}/meetings?status=${status}&pageSize=1`)).total;
    for (const status of ['accepted', 'scheduled', 'checked_in', 'held']) counts.accepted += await total(status);
    counts.declined = await total('declined');
    counts.open = await total('requested');
    return counts;
  }
  const seen = new Set<string>();
  const withMeeting = new Set<string>();
  for (const m of items.filter((x) => x.rank <= 4)) {
    const pair = `${m.gadmId}|${m.cooperantId}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    try {
      const req = await api.call<{ id: string; status: string }>('POST', `${ev}/meetings/requests`, {
        requesterId: m.gadmId,
        counterpartId: m.cooperantId,
        demandId: m.demandId,
        offerId: m.offerId,
      });
      if (req.status === 'accepted') {
        counts.accepted++;
        withMeeting.add(m.gadmId);
        continue;
      }
      const roll = rng.float();
      if (roll < 0.85) {
        await api.call('POST', `${ev}/meetings/${req.id}/accept`, {});
        counts.accepted++;
        withMeeting.add(m.gadmId);
      } else if (roll < 0.95) {
        await api.call('POST', `${ev}/meetings/${req.id}/decline`, {});
        counts.declined++;
      } else counts.open++;
    } catch (e) {
      if (!(e instanceof ApiCallError && e.status === 409)) throw e;
    }
  }
  // Organisers make sure no GADM that came with a demand leaves without a meeting.
  const gadmsWithDemands = [...new Set(items.map((x) => x.gadmId))];
  for (const gadmId of gadmsWithDemands.filter((g) => !withMeeting.has(g)).slice(0, 15)) {
    const rec = await api.call<{ items: { counterpartId: string }[] }>('GET', `${ev}/participants/${gadmId}/recommendations`);
    for (const c of rec.items) {
      try {
        await api.call('POST', `${ev}/meetings`, { participantAId: gadmId, participantBId: c.counterpartId, mandatory: true });
        counts.mandatory++;
        break;
      } catch (e) {
        if (!(e instanceof ApiCallError && e.status === 409)) throw e;
      }
    }
  }
  return counts;
}
