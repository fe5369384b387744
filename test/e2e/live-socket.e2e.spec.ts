import { randomUUID } from 'node:crypto';
import { formatLocal } from '@rueda/domain';
import { bearer, eventually, startTestApi, TestApi } from '../support/api';
import { LiveTestClient } from '../support/live-client';

/**
 * The socket handlers run the HTTP routes' use cases: same validation, same authorisation,
 * same transaction; anything malformed is answered `{ok: false, code, kind, es, en}`.
 */
describe('live socket requests: one command path, always answered', () => {
  let api: TestApi;
  let base: string;
  const clients: LiveTestClient[] = [];
  const admin = () => bearer(api.tokens.admin);

  beforeAll(async () => {
    api = await startTestApi();
    base = await api.listen();
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await api?.close();
  });

  const staffClient = async (eventId: string) => {
    const c = new LiveTestClient(base, api.tokens.staff, { eventId });
    clients.push(c);
    await c.subscribe();
    return c;
  };

  /** Tomorrow's Jornada with two scheduled meetings side by side in the first slot (tables 1 and 2). */
  async function twoScheduledMeetings() {
    const day = formatLocal(new Date(Date.now() + 86_400_000), 'America/Guayaquil').slice(0, 10);
    const ev = (
      await api.http
        .post('/events')
        .set(admin())
        .send({
          name: 'Mañana',
          sessions: [{ day, startTime: '09:00', endTime: '10:00', slotMinutes: 20 }],
          tableCount: 2,
        })
        .expect(201)
    ).body;
    const ids: Record<string, string> = {};
    for (const [key, externalId, kind] of [
      ['g1', '0101', 'gadm'],
      ['g2', '0102', 'gadm'],
      ['c1', 'JICA', 'cooperant'],
      ['c2', 'CAF', 'cooperant'],
    ]) {
      ids[key] = (
        await api.http.post(`/events/${ev.id}/participants`).set(admin()).send({ externalId, kind, name: externalId }).expect(201)
      ).body.id;
    }
    const meeting = async (a: string, b: string) =>
      (await api.http.post(`/events/${ev.id}/meetings`).set(admin()).send({ participantAId: ids[a], participantBId: ids[b] }).expect(201))
        .body.id as string;
    const [slot] = await api.query(`SELECT id FROM slots WHERE event_id = $1 ORDER BY ordinal LIMIT 1`, [ev.id]);
    const tables = await api.query(`SELECT id FROM tables WHERE event_id = $1 ORDER BY number`, [ev.id]);
    const first = await meeting('g1', 'c1');
    const second = await meeting('g2', 'c2');
    // Placed as a publish would place them.
    await api.query(`UPDATE meetings SET status = 'scheduled', slot_id = $2, table_id = $3 WHERE id = $1`, [first, slot.id, tables[0].id]);
    await api.query(`UPDATE meetings SET status = 'scheduled', slot_id = $2, table_id = $3 WHERE id = $1`, [second, slot.id, tables[1].id]);
    return { ev: ev.id as string, first, second, slot: slot.id as string, table1: tables[0].id as string };
  }

  it('refuses `accepted` over the socket as the HTTP route does, so a table never holds two meetings', async () => {
    const { ev, first, second, slot, table1 } = await twoScheduledMeetings();
    const staff = await staffClient(ev);
    const res = await staff.socket.timeout(5000).emitWithAck('meeting:status', { meetingId: first, status: 'accepted' as never });
    expect(res).toMatchObject({ ok: false, code: 'validation_failed', kind: 'invalid', fields: [{ path: 'status' }] });
    const [row] = await api.query(`SELECT status, slot_id, table_id FROM meetings WHERE id = $1`, [first]);
    expect(row).toEqual({ status: 'scheduled', slot_id: slot, table_id: table1 });
    // The HTTP route says the same, in the same words.
    const http = await api.http
      .post(`/events/${ev}/live/meetings/${first}/status`)
      .set(bearer(api.tokens.staff))
      .send({ status: 'accepted' })
      .expect(400);
    expect(http.body).toMatchObject({
      code: 'validation_failed',
      kind: 'invalid',
      fields: [{ path: 'status', es: res.ok ? '' : res.fields![0].es }],
    });
    // So the other meeting cannot be moved onto the first one's table.
    const move = await api.http
      .post(`/events/${ev}/live/meetings/${second}/move`)
      .set(bearer(api.tokens.staff))
      .send({ slotId: slot, tableId: table1 })
      .expect(409);
    expect(move.body.code).toBe('cell_unavailable');
    const atTable = await api.query(
      `SELECT id FROM meetings WHERE slot_id = $1 AND table_id = $2 AND status IN ('accepted', 'scheduled', 'checked_in', 'held')`,
      [slot, table1],
    );
    expect(atTable).toEqual([{ id: first }]);
  });

  it('a valid status over the socket is the use case: saved, versioned, pushed', async () => {
    const { ev, first } = await twoScheduledMeetings();
    const staff = await staffClient(ev);
    const [{ version }] = await api.query(`SELECT version FROM meetings WHERE id = $1`, [first]);
    const res = await staff.socket.timeout(5000).emitWithAck('meeting:status', { meetingId: first, status: 'checked_in', version });
    expect(res).toMatchObject({ ok: true, meeting: { id: first, status: 'checked_in', version: version + 1 } });
    const pushed = await eventually(async () =>
      staff.applied.find((m) => m.type === 'meeting.updated' && (m.payload as { id: string }).id === first),
    );
    expect(pushed.payload).toMatchObject({ status: 'checked_in', version: version + 1 });
    const unknown = randomUUID();
    const missing = await staff.socket.timeout(5000).emitWithAck('meeting:status', { meetingId: unknown, status: 'held' });
    expect(missing).toEqual({
      ok: false,
      code: 'not_found',
      kind: 'not_found',
      es: `Reunión no encontrada: ${unknown}`,
      en: `Meeting not found: ${unknown}`,
    });
  });

  it('answers every malformed request with a bilingual refusal naming the field', async () => {
    const { ev } = await twoScheduledMeetings();
    const staff = await staffClient(ev);
    const ask = (event: 'subscribe' | 'meeting:status', payload: unknown) =>
      (staff.socket.timeout(5000) as unknown as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck(event, payload);

    expect(await ask('meeting:status', { meetingId: 'not-a-uuid', status: 'held' })).toEqual({
      ok: false,
      code: 'validation_failed',
      kind: 'invalid',
      es: 'Datos inválidos en «meetingId»: identificador UUID inválido',
      en: 'Invalid data in "meetingId": invalid UUID',
      fields: [{ path: 'meetingId', es: 'identificador UUID inválido', en: 'invalid UUID' }],
    });
    expect(await ask('subscribe', { eventId: ev, lastSeq: 1e308 })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fields: [{ path: 'lastSeq', es: 'debe ser ≤ 9.007.199.254.740.991', en: 'must be ≤ 9,007,199,254,740,991' }],
    });
    expect(await ask('subscribe', null)).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fields: [{ path: '', es: 'se esperaba objeto, llegó nulo', en: 'expected object, received null' }],
    });
    expect(await ask('meeting:status', null)).toMatchObject({ ok: false, code: 'validation_failed', kind: 'invalid' });
    expect(await ask('subscribe', { eventId: ev, tableId: randomUUID() })).toMatchObject({
      ok: false,
      code: 'not_found',
      kind: 'not_found',
    });
    expect(await ask('subscribe', {})).toMatchObject({ ok: false, code: 'validation_failed', fields: [{ path: 'eventId' }] });

    // Without an acknowledgement callback the refusal comes as a `refused` event.
    const refused = new Promise((resolve) => staff.socket.once('refused', resolve));
    (staff.socket as unknown as { emit: (e: string, p: unknown) => void }).emit('meeting:status', {
      meetingId: randomUUID(),
      status: 'held',
    });
    expect(await refused).toMatchObject({
      ok: false,
      code: 'ack_required',
      kind: 'invalid',
      event: 'meeting:status',
      es: expect.any(String),
    });
  });
});
