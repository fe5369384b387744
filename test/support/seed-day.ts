import { randomUUID } from 'node:crypto';
import type { LiveState } from '@rueda/live';

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * Writes a generated day (libs/live's generateLiveState) into PostgreSQL as the API would have
 * left it, in a few bulk statements (a 10× Jornada in seconds): slots, tables (reserved ones
 * too), participants with one delegate each (checked in or not), unavailability, every meeting,
 * the waitlist as requested meetings and the match candidates as a finished scoring run.
 * Returns the event id and the uuid given to each generated id.
 */
export async function seedLiveState(
  q: Query,
  state: LiveState,
  settings: Record<string, unknown> = { recoveryMode: 'automatic', protectMinutes: 10 },
): Promise<{ eventId: string; id: (generated: string) => string }> {
  const ids = new Map<string, string>();
  const id = (g: string) => {
    let u = ids.get(g);
    if (!u) ids.set(g, (u = randomUUID()));
    return u;
  };
  const bulk = (sql: string, rows: unknown[]) => (rows.length ? q(sql, [JSON.stringify(rows)]) : Promise.resolve([]));
  const [ev] = (await q(`INSERT INTO events (name, time_zone, settings, version) VALUES ('Jornada (seed)', $1, $2, 1) RETURNING id`, [
    state.timeZone ?? 'America/Guayaquil',
    JSON.stringify(settings),
  ])) as { id: string }[];
  const eventId = ev.id;
  await bulk(
    `INSERT INTO slots (id, event_id, code, ordinal, starts_at, ends_at)
     SELECT x.id, x.event_id, x.code, x.ordinal, x.starts_at, x.ends_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, event_id uuid, code text, ordinal int, starts_at timestamptz, ends_at timestamptz)`,
    state.slots.map((s, i) => ({
      id: id(s.id),
      event_id: eventId,
      code: `S${String(i + 1).padStart(2, '0')}`,
      ordinal: i + 1,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
    })),
  );
  await bulk(
    `INSERT INTO participants (id, event_id, external_id, kind, name, parallel, max_meetings, left_at, version)
     SELECT x.id, x.event_id, x.external_id, x.kind, x.name, x.parallel, x.max_meetings, x.left_at, 1
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, event_id uuid, external_id text, kind text, name text, parallel int, max_meetings int, left_at timestamptz)`,
    state.participants.map((p) => ({
      id: id(p.id),
      event_id: eventId,
      external_id: p.id,
      kind: p.kind,
      name: p.id,
      parallel: p.parallel,
      max_meetings: p.maxMeetings ?? null,
      left_at: p.leftAt ?? null,
    })),
  );
  const reservedBy = new Map(state.participants.filter((p) => p.fixedTable).map((p) => [p.fixedTable!, p.id]));
  await bulk(
    `INSERT INTO tables (id, event_id, number, label, reserved_for_participant_id)
     SELECT x.id, x.event_id, x.number, x.label, x.reserved FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, event_id uuid, number int, label text, reserved uuid)`,
    state.tables.map((t) => ({
      id: id(t.id),
      event_id: eventId,
      number: t.number,
      label: `Mesa ${t.number}`,
      reserved: reservedBy.has(t.id) ? id(reservedBy.get(t.id)!) : null,
    })),
  );
  await bulk(
    `INSERT INTO delegates (event_id, participant_id, external_id, full_name, checked_in_at, version)
     SELECT x.event_id, x.participant_id, x.external_id, x.full_name, x.checked_in_at, 1
       FROM jsonb_to_recordset($1::jsonb) AS x(event_id uuid, participant_id uuid, external_id text, full_name text, checked_in_at timestamptz)`,
    state.participants.map((p) => ({
      event_id: eventId,
      participant_id: id(p.id),
      external_id: `D-${p.id}`,
      full_name: `Delegado ${p.id}`,
      checked_in_at: p.checkedIn ? state.now : null,
    })),
  );
  await bulk(
    `INSERT INTO unavailability (participant_id, slot_id) SELECT x.p, x.s FROM jsonb_to_recordset($1::jsonb) AS x(p uuid, s uuid)`,
    state.participants.flatMap((p) => [...p.unavailable].map((s) => ({ p: id(p.id), s: id(s) }))),
  );
  const meetingRow = (m: {
    id: string;
    a: string;
    b: string;
    status: string;
    slotId: string | null;
    tableId: string | null;
    weight: number;
  }) => ({
    id: id(m.id),
    event_id: eventId,
    a: id(m.a),
    b: id(m.b),
    status: m.status,
    slot_id: m.slotId ? id(m.slotId) : null,
    table_id: m.tableId ? id(m.tableId) : null,
    weight: m.weight,
  });
  // The waitlist: requested meetings of pairs that have none yet; matches: the newest finished run.
  const taken = new Set(state.meetings.map((m) => [m.a, m.b].sort().join('|')));
  const waitlist = state.candidates
    .filter((c) => c.source === 'waitlist' && !taken.has([c.a, c.b].sort().join('|')) && taken.add([c.a, c.b].sort().join('|')))
    .map((c, i) => ({ id: `W${i}`, a: c.a, b: c.b, status: 'requested', slotId: null, tableId: null, weight: 1 + 4 * c.score }));
  await bulk(
    `INSERT INTO meetings (id, event_id, participant_a_id, participant_b_id, origin, status, slot_id, table_id, weight, version)
     SELECT x.id, x.event_id, x.a, x.b, 'request', x.status, x.slot_id, x.table_id, x.weight, 1
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, event_id uuid, a uuid, b uuid, status text, slot_id uuid, table_id uuid, weight real)`,
    [...state.meetings, ...waitlist].map(meetingRow),
  );
  const matches = state.candidates.filter((c) => c.source === 'match' || c.source === 'mutual');
  if (matches.length) {
    const [run] = (await q(`INSERT INTO match_runs (event_id, data_version, status) VALUES ($1, 1, 'done') RETURNING id`, [eventId])) as {
      id: string;
    }[];
    const seen = new Set<string>();
    const rank = new Map<string, number>();
    await bulk(
      `INSERT INTO match_counterparts (run_id, participant_id, counterpart_id, rank, score)
       SELECT x.run_id, x.p, x.c, x.rank, x.score FROM jsonb_to_recordset($1::jsonb) AS x(run_id uuid, p uuid, c uuid, rank int, score real)`,
      matches
        .filter((c) => !seen.has(`${c.a}|${c.b}`) && seen.add(`${c.a}|${c.b}`))
        .map((c) => {
          const r = (rank.get(c.a) ?? 0) + 1;
          rank.set(c.a, r);
          return { run_id: run.id, p: id(c.a), c: id(c.b), rank: Math.min(r, 5), score: c.score };
        }),
    );
  }
  return { eventId, id };
}
