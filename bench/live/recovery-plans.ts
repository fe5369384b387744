// The query plans of a recovery's page reads at one scale: `npx tsx bench/live/recovery-plans.ts
// [scale, default 10] [--all]`. Seeds the day of bench/live/recovery-scale.ts into its own
// database (rueda_explain), frees 12 cells, runs RecoverCell on each, then prints EXPLAIN
// (ANALYZE, BUFFERS) of its candidate pages and people reads (the first of each, or --all) and
// a summary: buffers and execution time per statement kind. What to look at when the recovery
// starts growing with the event (a scan whose rows follow the event's size, not the candidates).
import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { fixedClock, RecoverCell, SetMeetingStatus, UseCases, WORKER } from '@rueda/application';
import { createDataSource, TypeOrmUnitOfWork } from '@rueda/persistence';
import { seedLiveState } from '../../test/support/seed-day';
import { serviceUrls, withDb } from './services';
import { recoveryDay } from './recovery-day';
const STAFF = { type: 'user' as const, userId: '00000000-0000-4000-8000-000000000002', role: 'staff' as const, email: 'bench@rueda.test' };
/** Statements RecoverCell sends, with their parameters, while `on`. */
const captured: { sql: string; params: unknown[] }[] = [];
let on = false;
const send = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = async function (this: PostgresQueryRunner, ...args: Parameters<typeof send>) {
  if (on) captured.push({ sql: args[0], params: (args[1] as unknown[]) ?? [] });
  return send.apply(this, args);
} as typeof send;
async function main() {
  const scale = Number(process.argv[2] ?? 10);
  const DB = 'rueda_explain';
  const { db: base } = serviceUrls();
  const admin = new Client({ connectionString: withDb(base, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  const ds = createDataSource(withDb(base, DB));
  await ds.initialize();
  await ds.runMigrations();
  const day = recoveryDay(scale);
  const { eventId } = await seedLiveState((sql, p) => ds.query(sql, p), day);
  await ds.query('ANALYZE');
  const targets: { id: string }[] = await ds.query(
    `SELECT m.id FROM meetings m JOIN slots s ON s.id = m.slot_id WHERE m.event_id = $1 AND m.status = 'scheduled' AND s.starts_at > $2 ORDER BY md5(m.id::text) LIMIT 12`,
    [eventId, new Date(day.now.getTime() + 20 * 60_000)],
  );
  const clock = fixedClock(day.now);
  const uc = new UseCases(new TypeOrmUnitOfWork(ds, { dispatch: () => undefined }, clock), clock);
  for (const t of targets) {
    const freed = await uc.execute(SetMeetingStatus, STAFF, { eventId, meetingId: t.id, status: 'no_show' });
    on = true;
    await uc.execute(RecoverCell, WORKER, {
      eventId,
      slotId: freed.slotId!,
      tableId: freed.tableId!,
      freedMeetingId: t.id,
      requestId: `x-${t.id}`,
    });
    on = false;
  }
  const pick = captured.filter((c) => /^\s*(SELECT w\.id|WITH ps AS|SELECT c\.participant_id)/.test(c.sql));
  const seen = new Set<string>();
  const summary = new Map<string, { n: number; buffers: number; ms: number }>();
  for (const c of pick) {
    const k = c.sql.slice(0, 40);
    if (seen.has(k) && !process.argv.includes('--all')) continue;
    seen.add(k);
    const rows: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.params);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const kind = c.sql.replace(/\s+/g, ' ').trim().slice(0, 20);
    const sum = summary.get(kind) ?? { n: 0, buffers: 0, ms: 0 };
    sum.n += 1;
    sum.buffers += Number(/hit=(\d+)/.exec(plan.find((l) => l.includes('Buffers')) ?? '')?.[1] ?? 0);
    sum.ms += Number(/Execution Time: ([\d.]+)/.exec(plan[plan.length - 1])?.[1] ?? 0);
    summary.set(kind, sum);
    console.log('-----', c.sql.replace(/\s+/g, ' ').slice(0, 100));
    console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  console.log(`${pick.length} page reads in ${targets.length} recoveries`);
  for (const [kind, x] of summary)
    console.log(`${kind}…: ${x.n} plans, ${(x.buffers / x.n).toFixed(0)} buffers and ${(x.ms / x.n).toFixed(2)} ms each`);
  await ds.destroy();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
}
void main();
