import { CreateEvent, ReplaceSessions, SetUnavailability, UpdateEvent } from '@rueda/application';
import { ADMIN, seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';
import { refusal } from '../support/refusals';

const session = { day: '2026-11-25', startTime: '09:00', endTime: '10:00', slotMinutes: 20 };

/** The event use cases against the real PostgreSQL: an event, its sessions, slots and tables change together or not at all. */
describe('event use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-01T12:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('creates the event with its sessions, the slots they make in its zone and numbered tables', async () => {
    const ev = await env.useCases.execute(CreateEvent, ADMIN, { name: 'Rueda Quito', sessions: [session], tableCount: 2 });
    expect(ev).toMatchObject({ name: 'Rueda Quito', timeZone: 'America/Guayaquil', version: 1, sessions: [{ day: '2026-11-25' }] });
    const slots = await env.q(`SELECT code, starts_at FROM slots WHERE event_id = $1 ORDER BY ordinal`, [ev.id]);
    expect(slots.map((s: { starts_at: Date }) => s.starts_at.toISOString())).toEqual([
      '2026-11-25T14:00:00.000Z',
      '2026-11-25T14:20:00.000Z',
      '2026-11-25T14:40:00.000Z',
    ]);
    expect(await env.q(`SELECT number, label FROM tables WHERE event_id = $1 ORDER BY number`, [ev.id])).toEqual([
      { number: 1, label: 'Mesa 1' },
      { number: 2, label: 'Mesa 2' },
    ]);
  });

  it('sessions that cannot make slots leave no event behind', async () => {
    const before = await env.q(`SELECT count(*)::int AS n FROM events`);
    const e = await refusal(
      env.useCases.execute(CreateEvent, ADMIN, { name: 'Rota', sessions: [{ ...session, breaks: [{ start: '09:40', end: '09:20' }] }] }),
    );
    expect(e.code).toBe('invalid_sessions');
    expect(await env.q(`SELECT count(*)::int AS n FROM events`)).toEqual(before);
  });

  it('a new time zone moves the slots while none is used, and is refused once a meeting sits in one', async () => {
    const ev = await env.useCases.execute(CreateEvent, ADMIN, { name: 'Zonas', sessions: [session] });
    const moved = await env.useCases.execute(UpdateEvent, ADMIN, {
      eventId: ev.id,
      version: 1,
      timeZone: 'America/Bogota',
      settings: { protectMinutes: 5 },
    });
    expect(moved).toMatchObject({ timeZone: 'America/Bogota', version: 2, settings: { protectMinutes: 5 } });
    const day = await seedDay(env);
    const [a, b] = [await day.participant('0101', 'gadm'), await day.participant('GIZ', 'cooperant')];
    await day.meeting(a, b, 'scheduled', { slot: 0, table: 0 });
    const e = await refusal(env.useCases.execute(UpdateEvent, ADMIN, { eventId: day.eventId, version: 1, timeZone: 'Pacific/Galapagos' }));
    expect(e.code).toBe('slots_in_use');
    const again = await refusal(env.useCases.execute(ReplaceSessions, ADMIN, { eventId: day.eventId, sessions: [session] }));
    expect(again.code).toBe('slots_in_use');
    expect(await env.q(`SELECT count(*)::int AS n FROM slots WHERE event_id = $1`, [day.eventId])).toEqual([{ n: 6 }]);
  });

  it('a stale version is refused with the current event', async () => {
    const ev = await env.useCases.execute(CreateEvent, ADMIN, { name: 'Versión' });
    await env.useCases.execute(UpdateEvent, ADMIN, { eventId: ev.id, version: 1, name: 'Versión 2' });
    const e = await refusal(env.useCases.execute(UpdateEvent, ADMIN, { eventId: ev.id, version: 1, name: 'Versión 3' }));
    expect(e.kind).toBe('conflict');
    expect(e.details?.current).toMatchObject({ name: 'Versión 2', version: 2 });
  });

  it("unavailability takes only the event's own slots, once each, and only from admins", async () => {
    const [day, other] = [await seedDay(env), await seedDay(env)];
    const p = await day.participant('0101', 'gadm');
    const e = await refusal(
      env.useCases.execute(SetUnavailability, ADMIN, { eventId: day.eventId, participantId: p, slotIds: [day.slots[0], other.slots[0]] }),
    );
    expect(e.fields).toEqual([{ path: 'slotIds', es: `franja desconocida: ${other.slots[0]}`, en: `unknown slot: ${other.slots[0]}` }]);
    const set = await env.useCases.execute(SetUnavailability, ADMIN, {
      eventId: day.eventId,
      participantId: p,
      slotIds: [day.slots[1], day.slots[1]],
    });
    expect(set).toEqual([day.slots[1]]);
    expect(
      (await refusal(env.useCases.execute(SetUnavailability, STAFF, { eventId: day.eventId, participantId: p, slotIds: [] }))).kind,
    ).toBe('forbidden');
  });
});
