import { bearer, eventually, startTestApi, TestApi } from '../support/api';
import { LiveTestClient } from '../support/live-client';
import { sessionAroundNow } from '../support/sessions';

function todaysSessions() {
  const { timeZone, session } = sessionAroundNow(180);
  return { timeZone, sessions: [session] };
}

describe('live operations: no-show recovery, confirm-first, walk-in, delay, leave early, move', () => {
  let api: TestApi;
  let base: string;
  let ev: string;
  let staffClient: LiveTestClient;
  const p: Record<string, string> = {};
  const admin = () => bearer(api.tokens.admin);
  const staff = () => bearer(api.tokens.staff);
  const futureMeeting = async (exclude: string[] = []) => {
    const rows = await api.query(
      `SELECT m.id, m.slot_id, m.table_id, m.participant_a_id, m.participant_b_id FROM meetings m JOIN slots s ON s.id = m.slot_id
        WHERE m.event_id = $1 AND m.status = 'scheduled' AND s.starts_at > now() + interval '15 minutes' AND NOT (m.id = ANY($2::uuid[]))
        ORDER BY s.starts_at LIMIT 1`,
      [ev, exclude],
    );
    return rows[0] as { id: string; slot_id: string; table_id: string; participant_a_id: string; participant_b_id: string };
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    base = await api.listen();
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ name: 'Hoy', ...todaysSessions(), tableCount: 3, settings: { recoveryMode: 'automatic', protectMinutes: 5 } })
        .expect(201)
    ).body.id;
    for (const [key, externalId, kind] of [
      ['g1', '0101', 'gadm'],
      ['g2', '0102', 'gadm'],
      ['g3', '0103', 'gadm'],
      ['c1', 'JICA', 'cooperant'],
      ['c2', 'CAF', 'cooperant'],
    ]) {
      p[key] = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: externalId })).body.id;
      const d = (
        await api.http
          .post(`/events/${ev}/delegates`)
          .set(admin())
          .send({ participantId: p[key], externalId: `D-${externalId}`, fullName: `Delegado ${externalId}` })
      ).body.id;
      await api.http.post(`/events/${ev}/live/checkins`).set(staff()).send({ delegateId: d }).expect(200);
    }
    // The morning is already under way: plan only the slots still ahead.
    const slots = (await api.http.get(`/events/${ev}/slots`).set(admin())).body as { id: string; startsAt: string }[];
    const gone = slots.filter((x) => new Date(x.startsAt).getTime() < Date.now() + 20 * 60_000).map((x) => x.id);
    for (const key of Object.keys(p)) {
      await api.http.put(`/events/${ev}/participants/${p[key]}/unavailability`).set(admin()).send({ slotIds: gone }).expect(200);
    }
    for (const g of ['g1', 'g2', 'g3'])
      for (const c of ['c1', 'c2']) {
        await api.http.post(`/events/${ev}/meetings`).set(admin()).send({ participantAId: p[g], participantBId: p[c] }).expect(201);
      }
    const v = (await api.http.post(`/events/${ev}/schedules`).set(admin()).send({ timeLimitSeconds: 1, minMeetingsPerGadm: 0 })).body;
    await eventually(async () =>
      (await api.http.get(`/events/${ev}/schedules/${v.id}`).set(admin())).body.status === 'draft' ? true : undefined,
    );
    await api.http.post(`/events/${ev}/schedules/${v.id}/publish`).set(admin()).expect(200);
    // Booked too late for the schedule: the first candidate for a freed table.
    p.c3 = (
      await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId: 'KOICA', kind: 'cooperant', name: 'KOICA' })
    ).body.id;
    staffClient = new LiveTestClient(base, api.tokens.staff, { eventId: ev });
    await staffClient.subscribe();
  });
  afterAll(async () => {
    staffClient?.close();
    await api?.close();
  });

  it('a no-show frees a table and the recovery job fills it with the best waiting meeting (automatic)', async () => {
    const target = await futureMeeting();
    const waiting = (
      await api.http
        .post(`/events/${ev}/meetings`)
        .set(admin())
        .send({ participantAId: target.participant_a_id, participantBId: p.c3 })
        .expect(201)
    ).body;
    await api.http.post(`/events/${ev}/live/meetings/${target.id}/status`).set(staff()).send({ status: 'no_show' }).expect(200);
    const placed = await eventually(async () => {
      const [row] = await api.query(`SELECT status, slot_id, table_id FROM meetings WHERE id = $1`, [waiting.id]);
      return row.status === 'scheduled' ? row : undefined;
    });
    expect(placed).toMatchObject({ slot_id: target.slot_id, table_id: target.table_id });
    await eventually(async () =>
      staffClient.applied.some((m) => m.type === 'replacement.proposed' && (m.payload as { mode: string }).mode === 'automatic')
        ? true
        : undefined,
    );
    expect(staffClient.applied.some((m) => m.type === 'meeting.updated' && (m.payload as { id: string }).id === waiting.id)).toBe(true);
  });

  it('in confirm-first mode the proposal waits for an organiser, who accepts it', async () => {
    const evRow = (await api.http.get(`/events/${ev}`).set(admin())).body;
    await api.http
      .patch(`/events/${ev}`)
      .set(admin())
      .send({ version: evRow.version, settings: { recoveryMode: 'confirm' } })
      .expect(200);
    const target = await futureMeeting();
    const kfw = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId: 'KFW', kind: 'cooperant', name: 'KfW' }))
      .body.id;
    const waiting = (
      await api.http
        .post(`/events/${ev}/meetings`)
        .set(admin())
        .send({ participantAId: target.participant_a_id, participantBId: kfw })
        .expect(201)
    ).body;
    await api.http.post(`/events/${ev}/live/meetings/${target.id}/status`).set(staff()).send({ status: 'cancelled' }).expect(200);
    const proposal = await eventually(async () => {
      const list = (await api.http.get(`/events/${ev}/live/proposals?status=proposed`).set(staff())).body;
      return list.find((x: { slotId: string; tableId: string }) => x.slotId === target.slot_id && x.tableId === target.table_id);
    });
    const [still] = await api.query(`SELECT status FROM meetings WHERE id = $1`, [waiting.id]);
    expect(still.status).toBe('accepted');
    const done = (await api.http.post(`/events/${ev}/live/proposals/${proposal.id}/accept`).set(staff()).expect(200)).body;
    expect(done.status).toBe('applied');
    await api.http.post(`/events/${ev}/live/proposals/${proposal.id}/accept`).set(staff()).expect(409);
    const [row] = await api.query(`SELECT status, slot_id, table_id FROM meetings WHERE id = $1`, [done.resultMeetingId]);
    expect(row).toMatchObject({ status: 'scheduled', slot_id: target.slot_id, table_id: target.table_id });
  });

  it('a walk-in takes the earliest free table for both', async () => {
    const res = await api.http.post(`/events/${ev}/live/walk-ins`).set(staff()).send({ participantAId: p.g2, participantBId: p.c3 });
    if (res.status === 409) {
      // Only if every later cell is taken or someone is busy: the reason says so.
      expect(res.body.messages.es).toBeTruthy();
      return;
    }
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'scheduled', participantAId: p.g2, participantBId: p.c3 });
    const [slot] = await api.query(`SELECT starts_at FROM slots WHERE id = $1`, [res.body.slotId]);
    expect(new Date(slot.starts_at).getTime()).toBeGreaterThan(Date.now() - 20 * 60_000);
  });

  it('moving a meeting onto a busy table is refused with the reason; onto a free one it moves', async () => {
    const a = await futureMeeting();
    const cells = await api.query(
      `SELECT s.id AS slot_id, t.id AS table_id,
              EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = s.id AND m.table_id = t.id AND m.status IN ('scheduled','checked_in','held')) AS taken,
              EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = s.id AND m.status IN ('scheduled','checked_in','held') AND m.id <> $2
                       AND (m.participant_a_id IN ($3, $4) OR m.participant_b_id IN ($3, $4))) AS busy
         FROM slots s CROSS JOIN tables t WHERE s.event_id = $1 AND t.event_id = $1 AND s.starts_at > now() + interval '15 minutes'
        ORDER BY s.ordinal, t.number`,
      [ev, a.id, a.participant_a_id, a.participant_b_id],
    );
    const taken = cells.find(
      (c: { taken: boolean; slot_id: string; table_id: string }) => c.taken && !(c.slot_id === a.slot_id && c.table_id === a.table_id),
    );
    if (taken) {
      const clash = await api.http
        .post(`/events/${ev}/live/meetings/${a.id}/move`)
        .set(staff())
        .send({ slotId: taken.slot_id, tableId: taken.table_id })
        .expect(409);
      expect(clash.body.messages.es).toBeTruthy();
    }
    const free = cells.find((c: { taken: boolean; busy: boolean }) => !c.taken && !c.busy);
    expect(free).toBeDefined();
    const moved = (
      await api.http
        .post(`/events/${ev}/live/meetings/${a.id}/move`)
        .set(staff())
        .send({ slotId: free.slot_id, tableId: free.table_id })
        .expect(200)
    ).body;
    expect(moved).toMatchObject({ id: a.id, slotId: free.slot_id, tableId: free.table_id });
  });

  it('delaying the rest of the day shifts every later slot and tells the affected agendas', async () => {
    const [slot] = await api.query(`SELECT id, starts_at FROM slots WHERE event_id = $1 AND starts_at > now() ORDER BY ordinal LIMIT 1`, [
      ev,
    ]);
    const later = await api.query(`SELECT id, starts_at FROM slots WHERE event_id = $1 AND starts_at >= $2 ORDER BY ordinal`, [
      ev,
      slot.starts_at,
    ]);
    await api.http
      .post(`/events/${ev}/live/delays`)
      .set(staff())
      .send({ fromSlotId: slot.id, minutes: 10, scope: 'rest-of-day' })
      .expect(200);
    const after = await api.query(`SELECT id, starts_at FROM slots WHERE id = ANY($1::uuid[]) ORDER BY starts_at`, [
      later.map((x: { id: string }) => x.id),
    ]);
    after.forEach((x: { starts_at: Date }, i: number) =>
      expect(new Date(x.starts_at).getTime() - new Date(later[i].starts_at).getTime()).toBe(10 * 60_000),
    );
    await eventually(async () => (staffClient.applied.some((m) => m.type === 'slots.delayed') ? true : undefined));
  });

  it('a participant who leaves early frees its later meetings', async () => {
    await api.http.post(`/events/${ev}/live/participants/${p.g3}/leave`).set(staff()).send({}).expect(200);
    const stillOn = await api.query(
      `SELECT m.id FROM meetings m JOIN slots s ON s.id = m.slot_id WHERE m.event_id = $1 AND $2 IN (m.participant_a_id, m.participant_b_id)
          AND s.starts_at >= now() AND m.status IN ('scheduled', 'checked_in')`,
      [ev, p.g3],
    );
    expect(stillOn).toEqual([]);
    const [left] = await api.query(`SELECT left_at FROM participants WHERE id = $1`, [p.g3]);
    expect(left.left_at).not.toBeNull();
    await eventually(async () => (staffClient.applied.some((m) => m.type === 'participant.left') ? true : undefined));
  });
});
