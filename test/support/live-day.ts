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
  // A big hall is set up ten requests at a time (seconds, not minutes, on a loaded machine); a
  // small day one by one, in order, as the tests written for it expect.
  const inBatches = async <T>(items: readonly T[], fn: (x: T) => Promise<void>) => {
    const size = keys.length > 20 ? 10 : 1;
    for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
  };
  await inBatches(keys, async ([key, externalId, kind]) => {
    const name = kind === 'gadm' ? `GAD Municipal ${externalId}` : `Cooperante ${externalId}`;
    p[key] = (await api.http.post(`/events/${eventId}/participants`).set(admin).send({ externalId, kind, name }).expect(201)).body.id;
    delegates[key] = (
      await api.http
        .post(`/events/${eventId}/delegates`)
        .set(admin)
        .send({ participantId: p[key], externalId: `D-${externalId}`, fullName: `Delegado ${externalId}`, email: `${key}@example.org` })
        .expect(201)
    ).body.id;
  });
  if (opts.onlyAhead !== false) {
    const slots = (await api.http.get(`/events/${eventId}/slots`).set(admin)).body as { id: string; startsAt: string }[];
    const gone = slots.filter((x) => Date.parse(x.startsAt) < Date.now() + 20 * 60_000).map((x) => x.id);
    for (const id of Object.values(p)) {
      await api.http.put(`/events/${eventId}/participants/${id}/unavailability`).set(admin).send({ slotIds: gone }).expect(200);
    }
  }
  const wanted = opts.pairs ?? (() => true);
  const pairs = keys
    .filter((k) => k[2] === 'gadm')
    .flatMap((g, gi) => keys.filter((k) => k[2] === 'cooperant').flatMap((c, ci) => (wanted(gi + 1, ci + 1) ? [[g, c] as const] : [])));
  await inBatches(pairs, async ([g, c]) => {
    await api.http.post(`/events/${eventId}/meetings`).set(admin).send({ participantAId: p[g[0]], participantBId: p[c[0]] }).expect(201);
  });
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

/**
 * Lays a published day out as a full hall, whatever the scheduler chose: with pairs g_i–c_i and
 * g_i–c_(i+1) (see publishLiveDay's `pairs`), slot 4 holds all n tables, slot 5 holds n − 6 and
 * slot 6 the last 6. Statuses step out of the table index first, so no two rows ever collide.
 */
export async function fillHall(api: TestApi, day: LiveDay, n = 60): Promise<{ roundStart: Date }> {
  const slots = await api.query(`SELECT id, starts_at FROM slots WHERE event_id = $1 ORDER BY ordinal`, [day.eventId]);
  const tables = await api.query(`SELECT id, number FROM tables WHERE event_id = $1 ORDER BY number`, [day.eventId]);
  await api.query(`UPDATE meetings SET status = 'requested' WHERE event_id = $1`, [day.eventId]);
  for (let i = 1; i <= n; i++) {
    const place = async (c: number, slot: string, table: number) =>
      api.query(
        `UPDATE meetings SET status = 'scheduled', slot_id = $1, table_id = $2
          WHERE participant_a_id = $3 AND participant_b_id = $4 OR participant_a_id = $4 AND participant_b_id = $3`,
        [slot, tables[table - 1].id, day.p[`g${i}`], day.p[`c${c}`]],
      );
    await place(i, slots[3].id, i);
    await (i <= n - 6 ? place(i + 1, slots[4].id, i) : place((i % n) + 1, slots[5].id, i - (n - 6)));
  }
  return { roundStart: new Date(slots[3].starts_at) };
}
