import { io } from 'socket.io-client';
import { LEFT_OUT } from '@rueda/persistence';
import { bearer, eventually, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';

describe('scheduling as a BullMQ job: draft, review, publish, regenerate the unpublished part', () => {
  let api: TestApi;
  let ev: string;
  const gadms: string[] = [];
  const coops: string[] = [];
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    // 8 slots, 3 tables: capacity binds, so some meetings must stay unscheduled.
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ ...SAMPLE_EVENT, tableCount: 3 })
    ).body.id;
    for (const code of ['0101', '0102', '0103', '0104', '0105', '0106']) {
      gadms.push(
        (
          await api.http
            .post(`/events/${ev}/participants`)
            .set(admin())
            .send({ externalId: code, kind: 'gadm', name: `GADM ${code}` })
        ).body.id,
      );
    }
    for (const code of ['JICA', 'CAF', 'GIZ']) {
      coops.push(
        (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId: code, kind: 'cooperant', name: code })).body.id,
      );
    }
    for (const g of gadms)
      for (const c of coops) {
        await api.http.post(`/events/${ev}/meetings`).set(admin()).send({ participantAId: g, participantBId: c }).expect(201);
      }
  });
  afterAll(async () => api?.close());

  const generate = async (body: object = {}) => {
    const v = (
      await api.http
        .post(`/events/${ev}/schedules`)
        .set(admin())
        .send({ timeLimitSeconds: 2, ...body })
        .expect(201)
    ).body;
    expect(v.status).toBe('generating');
    return eventually(async () => {
      const got = (await api.http.get(`/events/${ev}/schedules/${v.id}`).set(admin())).body;
      return got.status === 'draft' ? got : undefined;
    });
  };

  it('generates a draft with figures, a proven bound and the unscheduled meetings with reasons', async () => {
    const draft = await generate();
    // 18 meetings of weight 1; each cooperant can hold at most 8 (one per slot): bound 18, all placeable in 8 slots × 3 tables.
    expect(draft.stats.scheduled).toBe(18);
    expect(draft.bounds.weightUpperBound).toBeGreaterThanOrEqual(draft.stats.weight);
    expect(draft.quality.ratio).toBeCloseTo(1, 5);
    const rows = (await api.http.get(`/events/${ev}/schedules/${draft.id}/assignments`).set(bearer(api.tokens.staff)).expect(200)).body;
    expect(rows).toHaveLength(18);
    const cells = new Set(rows.map((r: { slotId: string; tableId: string }) => `${r.slotId}|${r.tableId}`));
    expect(cells.size).toBe(18);
    expect(rows[0]).toMatchObject({
      slot: expect.stringMatching(/^S\d{2}$/),
      table: expect.any(Number),
      participantA: expect.stringMatching(/^GADM/),
    });
  });

  it('a draft can be edited by hand: conflicts are refused and explained, moves re-measure the figures', async () => {
    const draft = await generate({ mode: 'full', seed: 11 });
    const rows = (await api.http.get(`/events/${ev}/schedules/${draft.id}/assignments`).set(admin())).body as {
      meetingId: string;
      slotId: string;
      tableId: string;
      participantAId: string;
      participantBId: string;
    }[];
    const [x] = rows;
    const clash = rows.find((r) => r.meetingId !== x.meetingId && r.slotId !== x.slotId);
    const refused = await api.http
      .put(`/events/${ev}/schedules/${draft.id}/assignments/${x.meetingId}`)
      .set(admin())
      .send({ slotId: clash!.slotId, tableId: clash!.tableId })
      .expect(409);
    expect(refused.body.messages.es).toMatch(/mesa|ocupad|reunión/i);
    const out = (await api.http.delete(`/events/${ev}/schedules/${draft.id}/assignments/${x.meetingId}`).set(admin()).expect(200)).body;
    expect(out.stats.scheduled).toBe(17);
    expect(out.unscheduled.map((u: { meeting: string }) => u.meeting)).toContain(x.meetingId);
    const back = (
      await api.http
        .put(`/events/${ev}/schedules/${draft.id}/assignments/${x.meetingId}`)
        .set(admin())
        .send({ slotId: x.slotId, tableId: x.tableId })
        .expect(200)
    ).body;
    expect(back.stats).toMatchObject({ scheduled: 18, editedByHand: true });
    expect(back.unscheduled.map((u: { meeting: string }) => u.meeting)).not.toContain(x.meetingId);
  });

  it('publishing places the meetings; regenerating keeps published meetings where they were', async () => {
    const versions = (await api.http.get(`/events/${ev}/schedules`).set(admin())).body;
    const published = (await api.http.post(`/events/${ev}/schedules/${versions[0].id}/publish`).set(admin()).expect(200)).body;
    expect(published.status).toBe('published');
    const placed = await api.query(`SELECT id, slot_id, table_id FROM meetings WHERE event_id = $1 AND status = 'scheduled' ORDER BY id`, [
      ev,
    ]);
    expect(placed).toHaveLength(18);
    // A new meeting arrives after publication: only it is planned; the rest stay put.
    const extra = (
      await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId: 'KOICA', kind: 'cooperant', name: 'KOICA' })
    ).body.id;
    await api.http.post(`/events/${ev}/meetings`).set(admin()).send({ participantAId: gadms[0], participantBId: extra }).expect(201);
    const next = await generate({ mode: 'keep-published', seed: 7 });
    expect(next.number).toBeGreaterThan(published.number);
    const rows = (await api.http.get(`/events/${ev}/schedules/${next.id}/assignments`).set(admin())).body as {
      meetingId: string;
      slotId: string;
      tableId: string;
    }[];
    for (const p of placed) {
      expect(rows.find((r) => r.meetingId === p.id)).toMatchObject({ slotId: p.slot_id, tableId: p.table_id });
    }
    await api.http.post(`/events/${ev}/schedules/${next.id}/publish`).set(admin()).expect(200);
    const statuses = await api.query(
      `SELECT status, count(*)::int AS n FROM schedule_versions WHERE event_id = $1 GROUP BY status ORDER BY status`,
      [ev],
    );
    expect(statuses).toEqual(expect.arrayContaining([{ status: 'published', n: 1 }, expect.objectContaining({ status: 'superseded' })]));
    await api.http.post(`/events/${ev}/schedules/${versions[0].id}/publish`).set(admin()).expect(409);
  });

  it('reports progress to organisers over the websocket while the solver runs in its own thread', async () => {
    const base = await api.listen();
    const socket = io(`${base}/live`, { auth: { token: api.tokens.staff }, transports: ['websocket'], forceNew: true });
    const seen: { phase: string; percent: number; bound?: number }[] = [];
    socket.on('progress', (p) => seen.push(p));
    await new Promise<void>((r) => socket.once('connect', () => r()));
    await socket.timeout(5000).emitWithAck('subscribe', { eventId: ev });
    try {
      const draft = await generate({ timeLimitSeconds: 2, mode: 'full', seed: 3 });
      await eventually(async () => (seen.some((p) => p.phase === 'done') ? true : undefined), 5000);
      expect(seen.map((p) => p.percent)).toEqual([...seen.map((p) => p.percent)].sort((a, b) => a - b));
      expect(seen.some((p) => p.phase === 'solving')).toBe(true);
      expect(seen.at(-1)).toMatchObject({ phase: 'done', percent: 100, bound: draft.bounds.weightUpperBound });
    } finally {
      socket.disconnect();
    }
  });

  it('exports the event as rueda.schedule-instance/1 with pins for the published meetings', async () => {
    const inst = (await api.http.get(`/events/${ev}/schedules/instance`).set(admin()).expect(200)).body;
    expect(inst.format).toBe('rueda.schedule-instance/1');
    expect(inst.slots).toHaveLength(8);
    const [{ n }] = await api.query(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1 AND status = 'scheduled'`, [ev]);
    expect(n).toBeGreaterThanOrEqual(18);
    expect(inst.meetings.filter((m: { pinned?: unknown }) => m.pinned)).toHaveLength(n);
  });

  it('keeps a meeting inside its window (set per meeting), refusing windows that name unknown slots or leave no slot', async () => {
    const slots = (await api.http.get(`/events/${ev}/slots`).set(admin()).expect(200)).body as { id: string }[];
    const meetings = (await api.http.get(`/events/${ev}/meetings`).set(admin()).expect(200)).body.items as { id: string }[];
    const target = meetings[0].id;
    const late = [slots[6].id, slots[7].id];
    const unknown = await api.http
      .put(`/events/${ev}/meetings/${target}/window`)
      .set(admin())
      .send({ allowedSlotIds: [late[0], '00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(unknown.body.fields).toEqual([
      expect.objectContaining({ path: 'allowedSlotIds.1', en: expect.stringContaining('unknown slot') }),
    ]);
    const meeting = meetings.find((m) => m.id === target) as unknown as { participantAId: string };
    await api.http
      .put(`/events/${ev}/participants/${meeting.participantAId}/unavailability`)
      .set(admin())
      .send({ slotIds: late })
      .expect(200);
    const closed = await api.http.put(`/events/${ev}/meetings/${target}/window`).set(admin()).send({ allowedSlotIds: late }).expect(400);
    expect(closed.body.messages.en).toContain('leaves no slot where both participants are available');
    await api.http
      .put(`/events/${ev}/participants/${meeting.participantAId}/unavailability`)
      .set(admin())
      .send({ slotIds: [] })
      .expect(200);
    await api.http.put(`/events/${ev}/meetings/${target}/window`).set(admin()).send({ allowedSlotIds: late }).expect(200);

    const draft = await generate({ mode: 'full', seed: 5 });
    const rows = (await api.http.get(`/events/${ev}/schedules/${draft.id}/assignments`).set(admin())).body as {
      meetingId: string;
      slotId: string;
    }[];
    expect(late).toContain(rows.find((r) => r.meetingId === target)?.slotId);
    expect(draft.stats).toEqual(expect.objectContaining({ holes: expect.any(Number), breaks: expect.any(Number) }));
    expect(draft.bounds).toEqual(expect.objectContaining({ idleMeasure: 'holes', idleLowerBound: expect.any(Number) }));

    // Availability set afterwards closes the window: the next draft still comes, and says so.
    await api.http
      .put(`/events/${ev}/participants/${meeting.participantAId}/unavailability`)
      .set(admin())
      .send({ slotIds: late })
      .expect(200);
    const without = await generate({ mode: 'full', seed: 5 });
    expect(without.unscheduled).toContainEqual(expect.objectContaining({ meeting: target, reason: LEFT_OUT.windowClosed }));
    await api.http
      .put(`/events/${ev}/participants/${meeting.participantAId}/unavailability`)
      .set(admin())
      .send({ slotIds: [] })
      .expect(200);
    await api.http.put(`/events/${ev}/meetings/${target}/window`).set(admin()).send({ allowedSlotIds: null }).expect(200);
  });

  it('the organiser picks the idle measure per event; a draft carries its proof and how waits fall, re-measured after a hand edit', async () => {
    const version = async () => (await api.http.get(`/events/${ev}`).set(admin()).expect(200)).body.version;
    const bad = await api.http
      .patch(`/events/${ev}`)
      .set(admin())
      .send({ version: await version(), settings: { idleMeasure: 'gaps' } })
      .expect(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path)).toContain('settings.idleMeasure');
    await api.http
      .patch(`/events/${ev}`)
      .set(admin())
      .send({ version: await version(), settings: { idleMeasure: 'breaks' } })
      .expect(200);
    try {
      const draft = await generate({ mode: 'full', seed: 3 });
      expect(draft.bounds).toMatchObject({ idleMeasure: 'breaks', idleLowerBound: expect.any(Number), optimal: expect.any(Boolean) });
      expect(draft.bounds.idleGap).toBe(draft.stats.breaks - draft.bounds.idleLowerBound);
      expect(draft.bounds.optimal).toBe(draft.bounds.gap === 0 && draft.bounds.idleGap === 0);
      // How waits fall: one count per participant with meetings, by the event's measure.
      const rows = (await api.http.get(`/events/${ev}/schedules/${draft.id}/assignments`).set(admin())).body as {
        meetingId: string;
        participantAId: string;
        participantBId: string;
      }[];
      const idle = draft.fairness.idle as { measure: string; spread: number; max: number; histogram: Record<string, number> };
      expect(idle.measure).toBe('breaks');
      const withMeetings = new Set(rows.flatMap((r) => [r.participantAId, r.participantBId]));
      expect(Object.values(idle.histogram).reduce((a, b) => a + b, 0)).toBe(withMeetings.size);
      expect(Object.entries(idle.histogram).reduce((a, [k, n]) => a + Number(k) * n, 0)).toBe(draft.stats.breaks);
      // Removing a meeting by hand opens the weight gap: the draft no longer claims to be optimal.
      const out = (await api.http.delete(`/events/${ev}/schedules/${draft.id}/assignments/${rows[0].meetingId}`).set(admin()).expect(200))
        .body;
      expect(out.stats).toMatchObject({ scheduled: draft.stats.scheduled - 1, editedByHand: true });
      expect(out.stats.weight).toBeLessThan(draft.stats.weight);
      expect(out.bounds).toMatchObject({ idleMeasure: 'breaks', weightUpperBound: draft.bounds.weightUpperBound, optimal: false });
      expect(out.bounds.gap).toBeGreaterThan(0);
      expect(Object.entries(out.fairness.idle.histogram as Record<string, number>).reduce((a, [k, n]) => a + Number(k) * n, 0)).toBe(
        out.stats.breaks,
      );
    } finally {
      await api.http
        .patch(`/events/${ev}`)
        .set(admin())
        .send({ version: await version(), settings: { idleMeasure: 'holes' } })
        .expect(200);
    }
  });
});
