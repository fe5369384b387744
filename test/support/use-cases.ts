import type { DataSource } from 'typeorm';
import { type CommittedBatch, type Dispatcher, fixedClock, type Principal, UseCases } from '@rueda/application';
import { TypeOrmUnitOfWork } from '@rueda/persistence';
import { createTestDatabase } from './database';

export const ADMIN: Principal = { type: 'user', userId: '00000000-0000-4000-8000-000000000001', role: 'admin', email: 'a@rueda.test' };
export const STAFF: Principal = { type: 'user', userId: '00000000-0000-4000-8000-000000000002', role: 'staff', email: 's@rueda.test' };

/**
 * The application layer on a fresh, migrated PostgreSQL database, with a clock the test moves
 * and a dispatcher that records what each committed use case delivers.
 */
export async function startUseCases(at: string) {
  const db = await createTestDatabase();
  const clock = fixedClock(at);
  const delivered: CommittedBatch[] = [];
  const dispatcher: Dispatcher = { dispatch: async (b) => void delivered.push(b) };
  const useCases = new UseCases(new TypeOrmUnitOfWork(db.dataSource, dispatcher, clock), clock);
  return {
    db: db.dataSource as DataSource,
    q: (sql: string, params?: unknown[]) => db.dataSource.query(sql, params),
    clock,
    delivered,
    /** What the last committed use case delivered. */
    last: () => delivered[delivered.length - 1],
    useCases,
    close: () => db.drop(),
  };
}

export type UseCaseEnv = Awaited<ReturnType<typeof startUseCases>>;

/**
 * A small day: one event in Guayaquil (UTC−5) on 2026-11-25 with 20-minute slots from 09:00 to
 * 11:00 and `tables` tables; participants and meetings are added by the test.
 */
export async function seedDay(env: UseCaseEnv, opts: { tables?: number; settings?: Record<string, unknown> } = {}) {
  const [ev] = await env.q(
    `INSERT INTO events (name, time_zone, settings, version) VALUES ('Jornada', 'America/Guayaquil', $1, 1) RETURNING id`,
    [JSON.stringify(opts.settings ?? {})],
  );
  const slots: string[] = [];
  for (let i = 0; i < 6; i++) {
    const start = new Date(Date.parse('2026-11-25T09:00:00-05:00') + i * 20 * 60_000);
    const [s] = await env.q(`INSERT INTO slots (event_id, code, ordinal, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      ev.id,
      `S${i + 1}`,
      i + 1,
      start,
      new Date(start.getTime() + 20 * 60_000),
    ]);
    slots.push(s.id);
  }
  const tables: string[] = [];
  for (let i = 1; i <= (opts.tables ?? 3); i++) {
    const [t] = await env.q(`INSERT INTO tables (event_id, number, label) VALUES ($1, $2, $3) RETURNING id`, [ev.id, i, `Mesa ${i}`]);
    tables.push(t.id);
  }
  const participant = async (externalId: string, kind: 'gadm' | 'cooperant') =>
    (
      await env.q(`INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, $2, $3, $2, 1) RETURNING id`, [
        ev.id,
        externalId,
        kind,
      ])
    )[0].id as string;
  const checkIn = async (participantId: string) =>
    env.q(
      `INSERT INTO delegates (event_id, participant_id, external_id, full_name, checked_in_at, version) VALUES ($1, $2, $3, 'D', now(), 1)`,
      [ev.id, participantId, `D-${participantId.slice(0, 8)}`],
    );
  const meeting = async (a: string, b: string, status: string, cell?: { slot: number; table: number }) =>
    (
      await env.q(
        `INSERT INTO meetings (event_id, participant_a_id, participant_b_id, origin, status, slot_id, table_id, version)
         VALUES ($1, $2, $3, 'organiser', $4, $5, $6, 1) RETURNING id`,
        [ev.id, a, b, status, cell ? slots[cell.slot] : null, cell ? tables[cell.table] : null],
      )
    )[0].id as string;
  return { eventId: ev.id as string, slots, tables, participant, checkIn, meeting };
}
