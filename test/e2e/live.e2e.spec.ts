import { randomUUID } from 'node:crypto';
import { bearer, eventually, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { LiveHub } from '../../apps/api/src/platform/live-hub';
import { LiveTestClient } from '../support/live-client';

describe('live agendas over socket.io', () => {
  let api: TestApi;
  let base: string;
  let ev: string;
  const p: Record<string, { id: string; token: string }> = {};
  const meetings: { id: string; a: string; b: string }[] = [];
  const clients: LiveTestClient[] = [];
  const admin = () => bearer(api.tokens.admin);
  const client = (token: string, req = {}) => {
    const c = new LiveTestClient(base, token, req);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
    base = await api.listen();
    ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({ ...SAMPLE_EVENT, tableCount: 4 })
    ).body.id;
    for (const [key, externalId, kind] of [
      ['nabon', '0104', 'gadm'],
      ['cuenca', '0101', 'gadm'],
      ['giron', '0102', 'gadm'],
      ['jica', 'JICA', 'cooperant'],
      ['caf', 'CAF', 'cooperant'],
    ]) {
      const id = (await api.http.post(`/events/${ev}/participants`).set(admin()).send({ externalId, kind, name: externalId })).body.id;
      const token = (await api.http.post(`/events/${ev}/participants/${id}/access-link`).set(admin())).body.token;
      p[key] = { id, token };
    }
    for (const g of ['nabon', 'cuenca', 'giron'])
      for (const c of ['jica', 'caf']) {
        const m = (await api.http.post(`/events/${ev}/meetings`).set(admin()).send({ participantAId: p[g].id, participantBId: p[c].id }))
          .body;
        meetings.push({ id: m.id, a: g, b: c });
      }
    const v = (await api.http.post(`/events/${ev}/schedules`).set(admin()).send({ timeLimitSeconds: 1 })).body;
    await eventually(async () =>
      (await api.http.get(`/events/${ev}/schedules/${v.id}`).set(admin())).body.status === 'draft' ? true : undefined,
    );
    await api.http.post(`/events/${ev}/schedules/${v.id}/publish`).set(admin()).expect(200);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await api?.close();
  });

  const setStatus = (meetingId: string, status: string) =>
    api.http.post(`/events/${ev}/live/meetings/${meetingId}/status`).set(bearer(api.tokens.staff)).send({ status }).expect(200);

  it("a participant's agenda carries time, table and counterpart", async () => {
    const rows = (await api.http.get('/me/meetings').set(bearer(p.nabon.token)).expect(200)).body;
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({
        status: 'scheduled',
        slotCode: expect.stringMatching(/^S\d{2}$/),
        tableNumber: expect.any(Number),
        counterpartKind: 'cooperant',
      });
      expect(['JICA', 'CAF']).toContain(r.counterpartName);
      expect(new Date(r.startsAt).getTime()).toBeLessThan(new Date(r.endsAt).getTime());
    }
  });

  it('refuses a connection without a valid token, saying why', async () => {
    const c = client('rp_not-a-real-token');
    await eventually(async () => (c.byes.length ? true : undefined), 5000);
    expect(c.byes[0].code).toBe('unauthenticated');
    await eventually(async () => (!c.socket.connected ? true : undefined), 5000);
  });

  it("a participant gets its own changes and never another participant's", async () => {
    // A participant's link decides its event: naming another one changes nothing.
    const nabon = client(p.nabon.token, { eventId: randomUUID() });
    const cuenca = client(p.cuenca.token);
    const ackN = await nabon.subscribe();
    await cuenca.subscribe();
    expect(ackN.ok).toBe(true);
    // The publish already touched Nabón's agenda: it is in the replay.
    expect(nabon.applied.map((m) => m.type)).toContain('schedule.published');
    const mine = meetings.find((m) => m.a === 'nabon')!;
    await setStatus(mine.id, 'checked_in');
    await eventually(
      async () =>
        nabon.applied.some((m) => m.type === 'meeting.updated' && (m.payload as { id: string }).id === mine.id) ? true : undefined,
      5000,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(cuenca.applied.filter((m) => m.type === 'meeting.updated')).toEqual([]);
    // A participant never receives the routing (whom a change names); what it gets concerns it.
    for (const m of nabon.received) {
      expect(m).not.toHaveProperty('participants');
      expect(m).not.toHaveProperty('tables');
    }
    for (const m of nabon.applied.filter((x) => x.type.startsWith('meeting.')))
      expect([
        (m.payload as { participantAId: string }).participantAId,
        (m.payload as { participantBId: string }).participantBId,
      ]).toContain(p.nabon.id);
  });

  it('a client that drops mid-stream gets exactly what it missed: no gap, no duplicate', async () => {
    const staff = client(api.tokens.staff, { eventId: ev });
    await staff.subscribe();
    const startSeq = Math.max(0, ...staff.seqs());
    const ids = meetings.filter((m) => m.a !== 'nabon').map((m) => m.id);
    await setStatus(ids[0], 'checked_in');
    await setStatus(ids[1], 'checked_in');
    await eventually(async () => (staff.seqs().filter((s) => s > startSeq).length >= 2 ? true : undefined), 5000);
    staff.drop();
    // Changes while the client is away.
    await setStatus(ids[2], 'checked_in');
    await setStatus(ids[0], 'held');
    await setStatus(ids[3], 'checked_in');
    const ack = await staff.reconnect();
    expect(ack.missed.map((m) => m.seq)).toEqual([startSeq + 3, startSeq + 4, startSeq + 5]);
    await setStatus(ids[1], 'held');
    await eventually(async () => (staff.seqs().includes(startSeq + 6) ? true : undefined), 5000);
    const after = staff.seqs().filter((s) => s > startSeq);
    expect(after).toEqual([1, 2, 3, 4, 5, 6].map((i) => startSeq + i));
    // The log is the same as what the client applied.
    const log = (await api.http.get(`/events/${ev}/live/log?after=${startSeq}`).set(admin()).expect(200)).body;
    expect(log.map((m: { seq: number }) => m.seq)).toEqual(after.slice(0, log.length));
  });

  it('a change made on one API node reaches a client connected to another (Redis adapter)', async () => {
    const nodeB = await api.startNode();
    const onB = new LiveTestClient(nodeB, api.tokens.staff, { eventId: ev });
    clients.push(onB);
    await onB.subscribe();
    const before = Math.max(0, ...onB.seqs());
    const target = meetings.find((m) => m.a === 'nabon' && m.b === 'caf')!;
    await setStatus(target.id, 'checked_in'); // through node A (supertest on the first app)
    await eventually(
      async () => (onB.applied.some((m) => m.seq > before && (m.payload as { id: string }).id === target.id) ? true : undefined),
      5000,
    );
  });

  it('table staff can mark a meeting over the socket; participants cannot', async () => {
    const staff = client(api.tokens.staff, { eventId: ev });
    await staff.subscribe();
    const target = meetings.find((m) => m.a === 'giron' && m.b === 'jica')!;
    const [row] = await api.query('SELECT version FROM meetings WHERE id = $1', [target.id]);
    const res = await staff.socket
      .timeout(5000)
      .emitWithAck('meeting:status', { meetingId: target.id, status: 'held', version: row.version });
    expect(res).toMatchObject({ ok: true, meeting: { id: target.id, status: 'held' } });
    const stale = await staff.socket
      .timeout(5000)
      .emitWithAck('meeting:status', { meetingId: target.id, status: 'no_show', version: row.version });
    expect(stale).toMatchObject({ ok: false, code: 'version_conflict', kind: 'conflict', current: { id: target.id, status: 'held' } });
    const participant = client(p.giron.token);
    await participant.subscribe();
    const refused = await participant.socket.timeout(5000).emitWithAck('meeting:status', { meetingId: target.id, status: 'cancelled' });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden', kind: 'forbidden', es: expect.any(String), en: expect.any(String) });
  });

  it('a publish reaches every subscriber of the event live, table views included, naming nobody', async () => {
    const [table] = await api.query(`SELECT id FROM tables WHERE event_id = $1 ORDER BY number LIMIT 1`, [ev]);
    const tableClient = client(api.tokens.staff, { eventId: ev, tableId: table.id });
    const giron = client(p.giron.token);
    await tableClient.subscribe();
    await giron.subscribe();
    const v = (await api.http.post(`/events/${ev}/schedules`).set(admin()).send({ timeLimitSeconds: 1 })).body;
    await eventually(async () =>
      (await api.http.get(`/events/${ev}/schedules/${v.id}`).set(admin())).body.status === 'draft' ? true : undefined,
    );
    await api.http.post(`/events/${ev}/schedules/${v.id}/publish`).set(admin()).expect(200);
    for (const c of [tableClient, giron]) {
      const msg = await eventually(async () =>
        c.applied.find((m) => m.type === 'schedule.published' && (m.payload as { versionId: string }).versionId === v.id),
      );
      expect(msg).not.toHaveProperty('participants');
    }
  });

  it('a stale update gets 409 with the current state; a double check-in is harmless', async () => {
    const target = meetings.find((m) => m.a === 'cuenca' && m.b === 'caf')!;
    const [row] = await api.query('SELECT version FROM meetings WHERE id = $1', [target.id]);
    const stale = await api.http
      .post(`/events/${ev}/live/meetings/${target.id}/status`)
      .set(bearer(api.tokens.staff))
      .send({ status: 'held', version: row.version - 1 })
      .expect(409);
    expect(stale.body.current).toMatchObject({ id: target.id, version: row.version });
    const [d] = await api.query(
      `INSERT INTO delegates (event_id, participant_id, external_id, full_name, version) VALUES ($1, $2, 'DEL-1', 'Ana', 1) RETURNING id`,
      [ev, p.cuenca.id],
    );
    const first = (await api.http.post(`/events/${ev}/live/checkins`).set(bearer(api.tokens.staff)).send({ delegateId: d.id }).expect(200))
      .body;
    const again = (await api.http.post(`/events/${ev}/live/checkins`).set(bearer(api.tokens.staff)).send({ delegateId: d.id }).expect(200))
      .body;
    expect(first.alreadyCheckedIn).toBe(false);
    expect(again).toMatchObject({ alreadyCheckedIn: true, delegate: { checkedInAt: first.delegate.checkedInAt } });
  });
});

describe('live sockets and token lifetime', () => {
  let api: TestApi;
  let base: string;
  const clients: LiveTestClient[] = [];
  beforeAll(async () => {
    api = await startTestApi({ LIVE_TOKEN_CHECK_MS: '200' });
    base = await api.listen();
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    delete process.env.LIVE_TOKEN_CHECK_MS;
    await api?.close();
  });

  it('an expired organiser session is disconnected with a clear reason', async () => {
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body.id;
    const c = new LiveTestClient(base, api.tokens.staff, { eventId: ev });
    clients.push(c);
    expect((await c.subscribe()).ok).toBe(true);
    await api.query(
      `UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = 'staff@rueda.test')`,
    );
    await eventually(async () => (c.byes.length ? true : undefined), 5000);
    expect(c.byes[0]).toMatchObject({ code: 'token_expired', es: expect.stringContaining('venció') });
    await eventually(async () => (!c.socket.connected ? true : undefined), 5000);
  });

  it('a re-issued personal link disconnects the old one', async () => {
    const ev = (await api.http.post('/events').set(bearer(api.tokens.admin)).send(SAMPLE_EVENT)).body.id;
    const pid = (
      await api.http.post(`/events/${ev}/participants`).set(bearer(api.tokens.admin)).send({ externalId: '0104', kind: 'gadm', name: 'N' })
    ).body.id;
    const old = (await api.http.post(`/events/${ev}/participants/${pid}/access-link`).set(bearer(api.tokens.admin))).body.token;
    const c = new LiveTestClient(base, old);
    clients.push(c);
    expect((await c.subscribe()).ok).toBe(true);
    await api.http.post(`/events/${ev}/participants/${pid}/access-link`).set(bearer(api.tokens.admin)).expect(201);
    await eventually(async () => (c.byes.length ? true : undefined), 5000);
    expect(c.byes[0].code).toBe('token_revoked');
  });
});

describe('revoking a personal link over Redis', () => {
  let api: TestApi;
  let base: string;
  const clients: LiveTestClient[] = [];
  const connect = async (token: string) => {
    const c = new LiveTestClient(base, token);
    clients.push(c);
    expect((await c.subscribe()).ok).toBe(true);
    return c;
  };
  beforeAll(async () => {
    // Only the Redis path drops sockets here: the periodic token check stays out of the way.
    api = await startTestApi({ LIVE_TOKEN_CHECK_MS: '600000' });
    base = await api.listen();
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    delete process.env.LIVE_TOKEN_CHECK_MS;
    await api?.close();
  });

  it("a re-issued link's first socket survives the old link's drop, however late Redis delivers it", async () => {
    const admin = bearer(api.tokens.admin);
    const ev = (await api.http.post('/events').set(admin).send(SAMPLE_EVENT)).body.id;
    const participant = async (externalId: string) =>
      (await api.http.post(`/events/${ev}/participants`).set(admin).send({ externalId, kind: 'gadm', name: externalId })).body.id as string;
    const issue = async (pid: string) =>
      (await api.http.post(`/events/${ev}/participants/${pid}/access-link`).set(admin).expect(201)).body.token as string;
    const [a, b] = [await participant('0104'), await participant('0105')];
    const bOld = await connect(await issue(b));
    await issue(a);

    // What this node publishes through Redis waits until the new link's socket is in.
    const adapter = api.app.get(LiveHub).namespace!.adapter as unknown as {
      pubClient: { publish: (...args: unknown[]) => Promise<unknown> };
    };
    const publish = adapter.pubClient.publish.bind(adapter.pubClient);
    const held: unknown[][] = [];
    adapter.pubClient.publish = async (...args: unknown[]) => held.push(args);
    let aNew: LiveTestClient;
    try {
      aNew = await connect(await issue(a));
    } finally {
      adapter.pubClient.publish = publish;
    }
    for (const args of held) await publish(...args);

    // Published after the held drop on the same connection, so handled after it on this node.
    await issue(b);
    await eventually(async () => (!bOld.socket.connected ? true : undefined), 5000);
    expect(bOld.byes[0]?.code).toBe('token_revoked');
    const ack = await aNew.socket.timeout(5000).emitWithAck('replay', { lastSeq: aNew.sync.head ?? 0 });
    expect(ack).toMatchObject({ ok: true });
    expect(aNew.socket.connected).toBe(true);
    expect(aNew.byes).toEqual([]);
  });
});
