// Recovery job time at Jornada size and at 10× the Jornada: `npx tsx bench/live/recovery-scale.ts
// [--cells 60] [--hogs 0] [--scales 1,10] [--queries]`.
//
// Seeds its own PostgreSQL database (rueda_bench_recovery) with a generated day per scale (the
// Jornada: 301 participants, 60 tables, 24 slots, ~1,400 meetings, a waitlist and 3,000 match
// candidates; 10×: 3,010 participants, 600 tables, ~14,000 meetings, 30,000 candidates), then for
// `--cells` meetings of later slots: a no-show (SetMeetingStatus) and the recovery job's use case
// (RecoverCell) on the real unit of work, each timed, the scales taking turns cell by cell.
// Baseline in the same run: the whole-day reading the job did before (loadLiveState +
// proposeReplacement) for the same cells. `--hogs N` keeps N busy processes running meanwhile
// (the "loaded" figures); `--queries` also prints the median time of each SQL statement
// RecoverCell sends (what still grows with the event). Drops its database at the end.
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { fixedClock, RecoverCell, SetMeetingStatus, UseCases, WORKER } from '@rueda/application';
import { proposeReplacement } from '@rueda/live';
import { createDataSource, loadLiveState, TypeOrmUnitOfWork } from '@rueda/persistence';
import { seedLiveState } from '../../test/support/seed-day';
import { serviceUrls, startHogs, withDb } from './services';
import { recoveryDay } from './recovery-day';

const { values: opt } = parseArgs({
  options: {
    cells: { type: 'string', default: '60' },
    hogs: { type: 'string', default: '0' },
    scales: { type: 'string', default: '1,10' },
    queries: { type: 'boolean', default: false },
  },
});
const CELLS = Number(opt.cells);
const HOGS = Number(opt.hogs);
const DB_NAME = 'rueda_bench_recovery';
const STAFF = { type: 'user' as const, userId: '00000000-0000-4000-8000-000000000002', role: 'staff' as const, email: 'bench@rueda.test' };

/** While `into` is set, every statement sent through TypeORM is counted and timed under its first 90 characters. */
const perQuery: { into: Map<string, number[]> | null } = { into: null };
const send = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = async function (this: PostgresQueryRunner, ...args: Parameters<typeof send>) {
  const t = performance.now();
  try {
    return await send.apply(this, args);
  } finally {
    const key = args[0].replace(/\s+/g, ' ').trim().slice(0, 90);
    perQuery.into?.set(key, [...(perQuery.into.get(key) ?? []), performance.now() - t]);
  }
} as typeof send;

/**
 * The work a recovery does, whatever the machine's load: statements sent, and among them the
 * pages of candidates (waiting meetings or matches) and the people reads (one per page that
 * brought new pairs). Recognised by their text, before and after the candidates' query skipped
 * busy pairs (issue 10).
 */
function workOf(byQuery: Map<string, number[]>, recoveries: number) {
  let statements = 0;
  let pages = 0;
  let people = 0;
  for (const [sql, ts] of byQuery) {
    statements += ts.length;
    if (/^WITH ps AS/.test(sql)) people += ts.length;
    else if (
      /^SELECT (w\.)?id, (w\.)?participant_a_id AS a, (w\.)?participant_b_id AS b, (w\.)?weight FROM meetings|^SELECT c\.participant_id AS a, c\.counterpart_id AS b, c\.score FROM match_counterparts/.test(
        sql,
      )
    )
      pages += ts.length;
  }
  const per = (n: number) => (n / recoveries).toFixed(2);
  return `${per(statements)} statements, ${per(pages)} candidate pages, ${per(people)} people reads per recovery`;
}

const count = (m: Map<string, number[]>) => [...m.values()].reduce((n, ts) => n + ts.length, 0);

function quantiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] };
}
const fmt = (x: ReturnType<typeof quantiles>) =>
  `median ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, max ${x.max.toFixed(1)} ms (n = ${x.n})`;

async function main() {
  const hogs: ChildProcess[] = [];
  const { db: base } = serviceUrls();
  const admin = new Client({ connectionString: withDb(base, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  const ds = createDataSource(withDb(base, DB_NAME));
  try {
    await ds.initialize();
    await ds.runMigrations();
    // Busy processes of our own: the machine is loaded while the benchmark runs.
    hogs.push(...startHogs(HOGS));
    console.log(
      `${cpus().length} CPU (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; ${new Date().toISOString()}; ` +
        `load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')}; ${HOGS} busy processes of our own`,
    );
    const results: Record<string, { job: number; whole: number }> = {};
    // Every scale is seeded first, then their cells alternate (×1, ×10, ×1, …): a change in the
    // machine's load during the run weighs on both scales alike, not on the ratio.
    const runs = [];
    for (const scale of opt.scales.split(',').map(Number)) {
      const day = recoveryDay(scale);
      const t0 = performance.now();
      const { eventId } = await seedLiveState((sql, p) => ds.query(sql, p), day);
      await ds.query(`ANALYZE`);
      const [{ n: meetings }] = await ds.query(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1`, [eventId]);
      const targets: { id: string; version: number }[] = await ds.query(
        `SELECT m.id, m.version FROM meetings m JOIN slots s ON s.id = m.slot_id
          WHERE m.event_id = $1 AND m.status = 'scheduled' AND s.starts_at > $2 ORDER BY md5(m.id::text) LIMIT $3`,
        [eventId, new Date(day.now.getTime() + 20 * 60_000), CELLS],
      );
      console.log(
        `×${scale}: ${day.participants.length} participants, ${day.tables.length} tables, ${day.slots.length} slots, ${meetings} meetings ` +
          `(${day.candidates.length} candidates generated), seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${targets.length} freed cells`,
      );
      const clock = fixedClock(day.now);
      const useCases = new UseCases(new TypeOrmUnitOfWork(ds, { dispatch: () => undefined }, clock), clock);
      runs.push({
        scale,
        day,
        eventId,
        targets,
        useCases,
        job: [] as number[],
        whole: [] as number[],
        outcomes: new Map<string, number>(),
        byQuery: new Map<string, number[]>(),
        restQuery: new Map<string, number[]>(),
      });
    }
    for (let i = 0; i < CELLS; i++) {
      for (const { day, eventId, targets, useCases, job, whole, outcomes, byQuery, restQuery } of runs) {
        const t = targets[i];
        if (!t) continue;
        perQuery.into = restQuery;
        const freed = await useCases.execute(SetMeetingStatus, STAFF, { eventId, meetingId: t.id, status: 'no_show' });
        perQuery.into = null;
        const cell = { slotId: freed.slotId!, tableId: freed.tableId! };
        // Baseline: what the job read before, the whole day, for the same cell (read only).
        const w0 = performance.now();
        await ds.transaction(async (m) => {
          await m.query(`SELECT id FROM events WHERE id = $1 FOR UPDATE`, [eventId]);
          const state = await loadLiveState(m, eventId, day.now, { matchCandidates: 5 });
          proposeReplacement(state, { ...cell, meetingId: t.id }, { protectMinutes: 10, allowMoves: true, limit: 5 });
        });
        whole.push(performance.now() - w0);
        const j0 = performance.now();
        perQuery.into = byQuery;
        const r = await useCases.execute(RecoverCell, WORKER, { eventId, ...cell, freedMeetingId: t.id, requestId: `bench-${t.id}` });
        perQuery.into = null;
        job.push(performance.now() - j0);
        outcomes.set(r.proposal.status, (outcomes.get(r.proposal.status) ?? 0) + 1);
      }
    }
    for (const { scale, job, whole, outcomes, byQuery, restQuery } of runs) {
      // The first few warm caches and plans.
      const jq = quantiles(job.slice(5));
      const wq = quantiles(whole.slice(5));
      results[scale] = { job: jq.p50, whole: wq.p50 };
      console.log(`\n×${scale}: RecoverCell (no-show → best replacement applied or proposed, one transaction): ${fmt(jq)}`);
      console.log(`×${scale}: baseline, the whole day read and ranked (loadLiveState + proposeReplacement): ${fmt(wq)}`);
      console.log(`×${scale}: work of RecoverCell (all ${job.length} cells): ${workOf(byQuery, job.length)}`);
      console.log(`×${scale}: statements of the no-show (SetMeetingStatus): ${(count(restQuery) / job.length).toFixed(2)} per no-show`);
      if (opt.queries) {
        // Every statement, the most sent first: the round trips are what a no-show costs (issue 10).
        for (const [name, m] of [
          ['RecoverCell', byQuery],
          ['SetMeetingStatus', restQuery],
        ] as const) {
          console.log(`  ${name}:`);
          const rows = [...m].map(([sql, ts]) => ({ sql, ...quantiles(ts), sum: ts.reduce((a, b) => a + b, 0) }));
          for (const r of rows.sort((a, b) => b.n - a.n || b.sum - a.sum))
            console.log(
              `  ${(r.n / job.length).toFixed(2).padStart(5)} ×  ${(r.sum / job.length).toFixed(2).padStart(6)} ms/job  median ${r.p50.toFixed(2)} ms  ${r.sql}`,
            );
        }
      }
      console.log(`×${scale}: outcomes ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
    const scales = Object.keys(results).map(Number);
    if (scales.length >= 2) {
      const [a, b] = [Math.min(...scales), Math.max(...scales)];
      const ratio = results[b].job / results[a].job;
      console.log(
        `\nRecoverCell median ×${b} / ×${a}: ${ratio.toFixed(2)} (target ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'MISSED'}); ` +
          `baseline whole-day median ×${b} / ×${a}: ${(results[b].whole / results[a].whole).toFixed(2)}`,
      );
    }
    console.log(
      `load average at end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    for (const h of hogs) h.kill('SIGKILL');
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
