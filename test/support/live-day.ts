import { loadGadms } from '@rueda/domain';
import { bearer, eventually, type TestApi } from './api';
import { sessionAroundNow } from './sessions';

export interface LiveDay {
  eventId: string;
  timeZone: string;
  /** Participant ids by key (g1…, c1…) and their first delegate's id by the same key. */
  p: Record<string, string>;
  delegates: Record<string, string>;
  /** A participant's personal access token (rp_…), issued on demand. */
  link: (key: string) => Promise<string>;
}

export interface LiveDayOptions {
  gadms?: number;
  cooperants?: number;
  tables?: number;
  minutes?: number;
  settings?: Record<string, unknown>;
  /** Leave the slots already started (or starting within 20 minutes) unplanned: the default. */
  onlyAhead?: boolean;
  /** Which GADM (1-based) asks to meet which cooperant (1-based): every pair by default. */
  pairs?: (gadm: number, cooperant: number) => boolean;
}

/**
 * A published Jornada happening now (see sessionAroundNow): GADMs g1…gN and cooperants c1…cM,
 * one delegate each, every GADM asked to meet every cooperant, scheduled on the worker (the
 * test must have started it) and published.
 */
export async function publishLiveDay(api: TestApi, opts: LiveDayOptions = {}): Promise<LiveDay> {
  const admin = bearer(api.tokens.admin);
  const { timeZone, session } = sessionAroundNow(opts.minutes ?? 180);
  const eventId = (
    await api.http
      .post('/events')
      .set(admin)
      .send({
        name: 'Jornada de hoy',
        venue: 'Quito',
        timeZone,
        sessions: [session],
        tableCount: opts.tables ?? 3,
        settings: opts.settings ?? {},
      })
      .expect(201)
  ).body.id as string;
  const p: Record<string, string> = {};
  const delegates: Record<string, string> = {};
  // Real INEC codes in order: Azuay's cantons (0101…) first, as earlier tests expect.
  const codes = loadGadms()
    .map((g) => g.inecCode)
    .sort();
  const keys = [
    ...Array.from({ length: opts.gadms ?? 3 }, (_, i) => [`g${i + 1}`, codes[i], 'gadm'] as const),
    ...Array.from({ length: opts.cooperants ?? 2 }, (_, i) => [`c${i + 1}`, `COOP${i + 1}`, 'cooperant'] as const),
  ];
  for (const [key, externalId, kind] of keys) {
    const name = kind === 'gadm' ? `GAD Municipal ${externalId}` : `Cooperante ${externalId}`;
    p[key] = (await api.http.post(`/events/${eventId}/participants`).set(admin).send({ externalId, kind, name }).expect(201)).body.id;
    delegates[key] = (
      await api.http
        .post(`/events/${eventId}/delegates`)
        .set(admin)
        .send({ participantId: p[key], externalId: `D-${externalId}`, fullName: `Delegado ${externalId}`, email: `${key}@example.org` })
        .expect(201)
    ).body.id;
  }
  if (opts.onlyAhead !== false) {
    const slots = (await api.http.get(`/events/${eventId}/slots`).set(admin)).body as { id: string; startsAt: string }[];
    const gone = slots.filter((x) => Date.parse(x.startsAt) < Date.now() + 20 * 60_000).map((x) => x.id);
    for (const id of Object.values(p)) {
      await api.http.put(`/events/${eventId}/participants/${id}/unavailability`).set(admin).send({ slotIds: gone }).expect(200);
    }
  }
  const wanted = opts.pairs ?? (() => true);
  for (const [gi, g] of keys.filter((k) => k[2] === 'gadm').entries())
    for (const [ci, c] of keys.filter((k) => k[2] === 'cooperant').entries()) {
      if (!wanted(gi + 1, ci + 1)) continue;
      await api.http.post(`/events/${eventId}/meetings`).set(admin).send({ participantAId: p[g[0]], participantBId: p[c[0]] }).expect(201);
    }
  const v = (await api.http.post(`/events/${eventId}/schedules`).set(admin).send({ timeLimitSeconds: 1, minMeetingsPerGadm: 0 })).body;
  await eventually(async () =>
    (await api.http.get(`/events/${eventId}/schedules/${v.id}`).set(admin)).body.status === 'draft' ? true : undefined,
  );
  await api.http.post(`/events/${eventId}/schedules/${v.id}/publish`).set(admin).expect(200);
  return {
    eventId,
    timeZone,
    p,
    delegates,
    link: async (key) =>
      (await api.http.post(`/events/${eventId}/participants/${p[key]}/access-link`).set(admin).expect(201)).body.token as string,
  };
}

/** A meeting of the day that starts later than `minutes` from now (so live operations may still touch it). */
export async function meetingAhead(api: TestApi, eventId: string, minutes = 15, exclude: string[] = []) {
  const rows = await api.query(
    `SELECT m.id, m.version, m.slot_id, m.table_id, m.participant_a_id, m.participant_b_id, t.number AS table_number
       FROM meetings m JOIN slots s ON s.id = m.slot_id JOIN tables t ON t.id = m.table_id
      WHERE m.event_id = $1 AND m.status = 'scheduled' AND s.starts_at > now() + make_interval(mins => $2) AND NOT (m.id = ANY($3::uuid[]))
      ORDER BY s.starts_at, t.number LIMIT 1`,
    [eventId, minutes, exclude],
  );
  return rows[0] as
    | {
        id: string;
        version: number;
        slot_id: string;
        table_id: string;
        participant_a_id: string;
        participant_b_id: string;
        table_number: number;
      }
    | undefined;
}
