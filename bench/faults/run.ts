// Fault suite of the live day (issue 10): `npx tsx bench/faults/run.ts [--changes 50] [--outage 10]
// [--timeout 240]`.
//
// Starts its OWN redis-server on a private loopback port (the shared one is never stopped), its
// own PostgreSQL database (rueda_bench_faults), 2 API nodes and a worker as real processes (the
// TypeScript sources, through test/support/register-ts.js), sets up a small Jornada happening now
// and follows it with socket.io clients on both nodes (organisers, board, tables, participants)
// running the pages' protocol (LiveSync: sequence checks, replay on a gap). Then:
//   1. Redis killed for --outage seconds while --changes live changes (check-ins, no-shows, moves,
//      walk-ins) go through HTTP on both nodes, plus a schedule and an agenda export; Redis restarted.
//      Counts 5xx, changes answered vs. committed, each client's stream vs. the log, rows left
//      stuck, and the time until every client is whole again.
//   2. The worker killed (SIGKILL) mid-job (a schedule job held at its save by a row lock), then
//      restarted 1 s later as scripts/supervise.sh would: time until the job is retried and done,
//      its result, duplicates.
//   3. One API node killed (SIGKILL) while changes go on through the other: its clients move to
//      the other node and resume from their last sequence; gap, duplicates, time.
// Each scenario prints its counts and times; the exit code is 1 when a zero-target is missed.
// Everything started is stopped and the database dropped at the end, on failure too.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { redisConnection } from '@rueda/config';
import { loadGadms } from '@rueda/domain';
import { QUEUES } from '@rueda/queues';
import { type LiveAudience, type LiveMessage, receives } from '@rueda/realtime';
import { LiveTestClient } from '../../test/support/live-client';
import { freePort, TestRedis } from '../../test/support/redis';
import { sessionAroundNow } from '../../test/support/sessions';
import { BenchStop, dropDatabase, serviceUrls, withDb } from '../live/services';

const { values: opt } = parseArgs({
  options: {
    changes: { type: 'string', default: '50' },
    outage: { type: 'string', default: '10' },
    timeout: { type: 'string', default: '240' },
  },
});
const CHANGES = Number(opt.changes);
const OUTAGE_MS = Number(opt.outage) * 1000;
/** The changes go on this long after Redis is back, so that some cross the restart. */
const TAIL_MS = 2000;
const ROOT = resolve(__dirname, '..', '..');
const LOGS = join(ROOT, '.rueda', 'bench-faults', 'logs');
const DB_NAME = 'rueda_bench_faults';
const QUEUE_PREFIX = `bf${Date.now().toString(36)}`;
const ADMIN = { email: 'bench-faults@rueda.test', password: 'bench-faults-password-1' };
const GADMS = 14;
const COOPS = 8;
const TABLES = 8;
/** Changes made with every part up, before the faults: the baseline of the same run. */
const BASELINE_CHANGES = 20;
/** socket.io-client's first reconnection delay (its `reconnectionDelay` default). */
const RECONNECT_DELAY_MS = 1000;

const t0 = Date.now();
const log = (s: string) => process.stdout.write(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Median and largest of some durations in ms. */
function fmtMs(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? `median ${s[Math.floor((s.length - 1) / 2)]} ms, max ${s[s.length - 1]} ms` : 'none';
}
const violations: string[] = [];
/** A zero-target (or the 30 s bound): printed, and the run exits 1 if any is missed. */
function target(ok: boolean, what: string) {
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) violations.push(what);
}

// ---------------------------------------------------------------- processes and cleanup

const children: ChildProcess[] = [];
const clients: Follower[] = [];
let redis: TestRedis | undefined;
let adminDbUrl = '';
let cleaning: Promise<void> | null = null;

async function cleanup() {
  cleaning ??= (async () => {
    for (const f of clients) f.c.close();
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    const deadline = Date.now() + 5000;
    while (children.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) await sleep(100);
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await redis?.kill();
    if (adminDbUrl) await dropDatabase(adminDbUrl, DB_NAME);
  })();
  return cleaning;
}
process.on('unhandledRejection', (e) => {
  if (!cleaning) process.stderr.write(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
});
const globalTimer = setTimeout(
  () => {
    process.stderr.write(`\nGLOBAL TIMEOUT after ${opt.timeout} s: stopping everything\n`);
    void cleanup().finally(() => process.exit(3));
  },
  Number(opt.timeout) * 1000,
);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void cleanup().finally(() => process.exit(130)));

let env: Record<string, string> = {};
const started = new Set<string>();

/** One of the server's programs, from its TypeScript sources, logging into .rueda/bench-faults/logs. */
function startProgram(name: string, app: 'api' | 'worker' | 'cli', extra: Record<string, string> = {}, args: string[] = []) {
  // A fresh log per run; a restarted program appends to its own.
  const fd = openSync(join(LOGS, `${name}.log`), started.has(name) ? 'a' : 'w');
  started.add(name);
  const proc = spawn(process.execPath, ['-r', join(ROOT, 'test', 'support', 'register-ts.js'), `apps/${app}/src/main.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...extra },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  children.push(proc);
  return proc;
}

const killed = (p: ChildProcess) =>
  new Promise<void>((r) => {
    if (p.exitCode !== null || p.signalCode !== null) return r();
    p.once('exit', () => r());
    p.kill('SIGKILL');
  });

async function waitHealthy(base: string) {
  const end = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`${base} not healthy after 90 s (logs in .rueda/bench-faults/logs)`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------- HTTP (no retries: every status counts)

let bases: string[] = [];
let adminToken = '';

async function call<T = any>(node: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  try {
    const r = await fetch(`${bases[node]}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : undefined) as T };
  } catch (e) {
    // No answer at all (refused, reset, timed out) counts as a server failure.
    return { status: 599, body: { error: (e as Error).message } as T };
  }
}
async function must<T = any>(node: number, method: string, path: string, body: unknown, status: number): Promise<T> {
  const r = await call<T>(node, method, path, body);
  if (r.status !== status) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not reached in ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------- the day and its followers

interface Follower {
  name: string;
  node: number;
  audience: LiveAudience;
  id?: string;
  c: LiveTestClient;
}

let db: Client;
let eventId = '';
const p: Record<string, string> = {};
const delegates: Record<string, string> = {};

async function setUpDay() {
  const { timeZone, session } = sessionAroundNow(300);
  eventId = (
    await must(
      0,
      'POST',
      '/events',
      { name: 'Jornada (bench faults)', venue: 'Quito', timeZone, sessions: [session], tableCount: TABLES },
      201,
    )
  ).id;
  const codes = loadGadms()
    .map((g) => g.inecCode)
    .sort();
  const keys = [
    ...Array.from({ length: GADMS }, (_, i) => [`g${i + 1}`, codes[i], 'gadm'] as const),
    ...Array.from({ length: COOPS }, (_, i) => [`c${i + 1}`, `COOP${i + 1}`, 'cooperant'] as const),
  ];
  const slots = await must<{ id: string; startsAt: string }[]>(0, 'GET', `/events/${eventId}/slots`, undefined, 200);
  const gone = slots.filter((x) => Date.parse(x.startsAt) < Date.now() + 20 * 60_000).map((x) => x.id);
  await Promise.all(
    keys.map(async ([key, externalId, kind], i) => {
      const name = kind === 'gadm' ? `GAD Municipal ${externalId}` : `Cooperante ${externalId}`;
      p[key] = (await must(i % 2, 'POST', `/events/${eventId}/participants`, { externalId, kind, name }, 201)).id;
      delegates[key] = (
        await must(
          i % 2,
          'POST',
          `/events/${eventId}/delegates`,
          { participantId: p[key], externalId: `D-${externalId}`, fullName: `Delegado ${externalId}` },
          201,
        )
      ).id;
      await must(i % 2, 'PUT', `/events/${eventId}/participants/${p[key]}/unavailability`, { slotIds: gone }, 200);
    }),
  );
  // Half of the pairs ask to meet (g_i with c_j when i + j is even); the other half are walk-ins to be.
  const asks: Promise<unknown>[] = [];
  for (let g = 1; g <= GADMS; g++)
    for (let c = 1; c <= COOPS; c++)
      if ((g + c) % 2 === 0)
        asks.push(must(g % 2, 'POST', `/events/${eventId}/meetings`, { participantAId: p[`g${g}`], participantBId: p[`c${c}`] }, 201));
  await Promise.all(asks);
  const v = await must(0, 'POST', `/events/${eventId}/schedules`, { timeLimitSeconds: 1, minMeetingsPerGadm: 0 }, 201);
  await waitFor(
    'first schedule',
    async () => ((await call(0, 'GET', `/events/${eventId}/schedules/${v.id}`)).body.status === 'draft' ? true : undefined),
    60_000,
    200,
  );
  await must(0, 'POST', `/events/${eventId}/schedules/${v.id}/publish`, undefined, 200);
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1 AND status = 'scheduled'`, [eventId])).rows;
  log(
    `event ${eventId}: ${GADMS} GADMs + ${COOPS} cooperants, ${TABLES} tables, ${slots.length} slots (${gone.length} gone), ${n} meetings published`,
  );
}

async function follow(name: string, node: number, audience: LiveAudience, id?: string) {
  let token = adminToken;
  let req: Record<string, string> = { eventId };
  if (audience === 'participant') {
    token = (await must(0, 'POST', `/events/${eventId}/participants/${id}/access-link`, undefined, 201)).token;
    req = {};
  } else if (audience === 'board') req = { eventId, view: 'board' };
  else if (audience === 'table') req = { eventId, tableId: id! };
  const c = new LiveTestClient(bases[node], token, req);
  clients.push({ name, node, audience, id, c });
  await c.subscribe();
}

/** The whole log of the event, through the API (paged). */
async function readLog(node = 0): Promise<LiveMessage[]> {
  const out: LiveMessage[] = [];
  for (let after = 0; ;) {
    const page = await must<LiveMessage[]>(node, 'GET', `/events/${eventId}/live/log?after=${after}`, undefined, 200);
    if (!page.length) return out;
    out.push(...page);
    after = page[page.length - 1].seq;
  }
}
const expectedOf = (f: Follower, all: LiveMessage[]) => all.filter((m) => receives(m, f.audience, f.id)).map((m) => m.seq);
const head = async () => Number((await db.query(`SELECT live_seq FROM events WHERE id = $1`, [eventId])).rows[0].live_seq);

/** Each follower's applied stream against the log: missing, extra (duplicates or foreign), out of order. */
function compareStreams(all: LiveMessage[], upTo = Infinity) {
  return clients.map((f) => {
    const want = expectedOf(f, all).filter((s) => s <= upTo);
    const got = f.c.seqs().filter((s) => s <= upTo);
    const have = new Set(got);
    const missing = want.filter((s) => !have.has(s)).length;
    const wanted = new Set(want);
    const extra = got.length - new Set(got).size + got.filter((s) => !wanted.has(s)).length;
    const disorder = got.filter((s, i) => i > 0 && s <= got[i - 1]).length;
    return { f, want: want.length, got: got.length, missing, extra, disorder, whole: missing === 0 && extra === 0 && disorder === 0 };
  });
}
/** Commit (the message's `at`) → applied at the client, per node of the client, for the messages in (from, to]. */
function delivery(all: LiveMessage[], from: number, to: number) {
  const at = new Map(all.filter((m) => m.seq > from && m.seq <= to).map((m) => [m.seq, Date.parse(m.at)]));
  const byNode: number[][] = [[], []];
  for (const f of clients)
    f.c.applied.forEach((m, i) => {
      const t = at.get(m.seq);
      if (t !== undefined) byNode[f.node].push(f.c.appliedAt[i] - t);
    });
  return byNode.map((xs, node) => `node ${node} ${fmtMs(xs)} (n = ${xs.length})`).join('; ');
}

/** When every follower holds its whole stream of `all` up to `upTo` (Date.now()), or NaN if not within `ms`. */
const whenWhole = (all: LiveMessage[], upTo: number, ms = 30_000) =>
  waitFor('clients whole', async () => (compareStreams(all, upTo).every((r) => r.whole) ? Date.now() : undefined), ms, 20).catch(() => NaN);

function printStreams(rows: ReturnType<typeof compareStreams>) {
  for (const node of [0, 1]) {
    const mine = rows.filter((r) => r.f.node === node);
    if (!mine.length) continue;
    const sum = (k: 'want' | 'got' | 'missing' | 'extra' | 'disorder') => mine.reduce((a, r) => a + r[k], 0);
    log(
      `  node ${node}: ${mine.length} clients, messages expected ${sum('want')}, applied ${sum('got')}, missing ${sum('missing')}, duplicate/foreign ${sum('extra')}, out of order ${sum('disorder')}`,
    );
  }
  for (const r of rows)
    log(
      `    ${r.f.name.padEnd(14)} node ${r.f.node} ${r.f.audience.padEnd(11)} expected ${r.want}, applied ${r.got}, received ${r.f.c.received.length}, missing ${r.missing}, extra ${r.extra}`,
    );
}

// ---------------------------------------------------------------- planned live changes

type Change =
  | { kind: 'checkin'; delegateId: string }
  | { kind: 'no_show'; meetingId: string }
  | { kind: 'move'; meetingId: string; slotId: string; tableId: string }
  | { kind: 'walk_in'; a: string; b: string; slotId: string; tableId: string };

/**
 * Changes that are all valid when made in order, whatever node answers: check-ins of delegates
 * not yet in, no-shows of meetings ahead, moves and walk-ins into cells free for the table and
 * both people (planned on the current state, so none refuses another).
 */
async function planChanges(n: number, checkedIn: Set<string>, lateSafe = 0): Promise<Change[]> {
  const ahead = (
    await db.query(
      `SELECT s.id, s.starts_at FROM slots s WHERE s.event_id = $1 AND s.starts_at > now() + interval '25 minutes' ORDER BY s.starts_at`,
      [eventId],
    )
  ).rows as { id: string }[];
  const tables = (await db.query(`SELECT id FROM tables WHERE event_id = $1 ORDER BY number`, [eventId])).rows as { id: string }[];
  const meetings = (
    await db.query(
      `SELECT m.id, m.slot_id, m.table_id, m.participant_a_id AS a, m.participant_b_id AS b FROM meetings m
        WHERE m.event_id = $1 AND m.status IN ('scheduled','checked_in','held') AND m.slot_id IS NOT NULL`,
      [eventId],
    )
  ).rows as { id: string; slot_id: string; table_id: string; a: string; b: string }[];
  const aheadIds = new Set(ahead.map((s) => s.id));
  const cell = new Set(meetings.map((m) => `${m.slot_id}/${m.table_id}`));
  const busy = new Set(meetings.flatMap((m) => [`${m.slot_id}/${m.a}`, `${m.slot_id}/${m.b}`]));
  const paired = new Set(
    (
      await db.query(
        `SELECT participant_a_id AS a, participant_b_id AS b FROM meetings WHERE event_id = $1 AND status NOT IN ('cancelled','declined','expired')`,
        [eventId],
      )
    ).rows.flatMap((r: { a: string; b: string }) => [`${r.a}/${r.b}`, `${r.b}/${r.a}`]),
  );
  const freeCell = (a: string, b: string) => {
    for (const s of ahead)
      for (const t of tables)
        if (!cell.has(`${s.id}/${t.id}`) && !busy.has(`${s.id}/${a}`) && !busy.has(`${s.id}/${b}`)) {
          cell.add(`${s.id}/${t.id}`);
          busy.add(`${s.id}/${a}`).add(`${s.id}/${b}`);
          return { slotId: s.id, tableId: t.id };
        }
    return undefined;
  };
  const movable = meetings.filter((m) => aheadIds.has(m.slot_id));
  const quarter = Math.ceil(n / 4);
  const checkins: Change[] = Object.values(delegates)
    .filter((d) => !checkedIn.has(d))
    .slice(0, quarter)
    .map((delegateId) => ({ kind: 'checkin', delegateId }));
  const noShows: Change[] = movable.splice(0, quarter).map((m) => ({ kind: 'no_show', meetingId: m.id }));
  const moves: Change[] = [];
  for (const m of movable.reverse()) {
    if (moves.length >= quarter) break;
    const to = freeCell(m.a, m.b);
    if (to) moves.push({ kind: 'move', meetingId: m.id, ...to });
  }
  const walkIns: Change[] = [];
  for (let g = 1; g <= GADMS && walkIns.length < n; g++)
    for (let c = 1; c <= COOPS && walkIns.length < n; c++) {
      const [a, b] = [p[`g${g}`], p[`c${c}`]];
      if (paired.has(`${a}/${b}`)) continue;
      const to = freeCell(a, b);
      if (to) {
        paired.add(`${a}/${b}`).add(`${b}/${a}`);
        walkIns.push({ kind: 'walk_in', a, b, ...to });
      }
    }
  const out: Change[] = [];
  const lists = [checkins, noShows, moves, walkIns];
  while (out.length < n && lists.some((l) => l.length)) for (const l of lists) if (l.length && out.length < n) out.push(l.shift()!);
  if (out.length < n) throw new BenchStop(`only ${out.length} valid changes could be planned, ${n} asked`);
  // The last `lateSafe` changes are check-ins and no-shows: made once the jobs run again, a move
  // or walk-in planned on the old state could meet a recovery's replacement in its cell (a fair 409).
  const tail: Change[] = [];
  for (let i = out.length - 1; i >= 0 && tail.length < lateSafe; i--)
    if (out[i].kind === 'checkin' || out[i].kind === 'no_show') tail.unshift(...out.splice(i, 1));
  out.push(...tail);
  for (const c of out) if (c.kind === 'checkin') checkedIn.add(c.delegateId);
  return out;
}

interface Made {
  change: Change;
  node: number;
  status: number;
  /** The id the change is about (meeting, delegate), for the check in the database and the log. */
  subject?: string;
  /** Found in the database as answered, read right after the answer (later jobs may move it on). */
  inDb?: boolean;
  ms: number;
  /** When the answer came (Date.now()). */
  at: number;
  /** A refusal's code and English reason. */
  error?: string;
}
const errorOf = (r: { status: number; body: any }) =>
  r.status >= 300 ? `${r.body?.code ?? r.body?.error ?? ''}: ${String(r.body?.en ?? r.body?.message ?? '').slice(0, 160)}` : undefined;

/** Makes the change through HTTP on `node`; a 2xx is then looked for in the database at once. */
async function make(change: Change, node: number): Promise<Made> {
  const start = Date.now();
  const m = { ...(await request(change, node)), ms: Date.now() - start, at: Date.now() };
  if (m.status >= 200 && m.status < 300) m.inDb = await inDatabase(m);
  return m;
}

async function request(change: Change, node: number): Promise<Omit<Made, 'ms' | 'at'>> {
  const ev = `/events/${eventId}`;
  if (change.kind === 'checkin') {
    const r = await call(node, 'POST', `${ev}/live/checkins`, { delegateId: change.delegateId });
    return { change, node, status: r.status, subject: change.delegateId, error: errorOf(r) };
  }
  if (change.kind === 'no_show') {
    const r = await call(node, 'POST', `${ev}/live/meetings/${change.meetingId}/status`, { status: 'no_show' });
    return { change, node, status: r.status, subject: change.meetingId, error: errorOf(r) };
  }
  if (change.kind === 'move') {
    const r = await call(node, 'POST', `${ev}/live/meetings/${change.meetingId}/move`, { slotId: change.slotId, tableId: change.tableId });
    return { change, node, status: r.status, subject: change.meetingId, error: errorOf(r) };
  }
  const r = await call(node, 'POST', `${ev}/live/walk-ins`, {
    participantAId: change.a,
    participantBId: change.b,
    slotId: change.slotId,
    tableId: change.tableId,
  });
  return { change, node, status: r.status, subject: r.body?.meeting?.id ?? r.body?.id, error: errorOf(r) };
}

/** Whether an answered change is in the database as answered. */
async function inDatabase(m: Made): Promise<boolean> {
  const c = m.change;
  if (c.kind === 'checkin')
    return (await db.query(`SELECT 1 FROM delegates WHERE id = $1 AND checked_in_at IS NOT NULL`, [c.delegateId])).rowCount === 1;
  if (c.kind === 'no_show')
    return (await db.query(`SELECT 1 FROM meetings WHERE id = $1 AND status = 'no_show'`, [c.meetingId])).rowCount === 1;
  const sql = `SELECT 1 FROM meetings WHERE event_id = $1 AND slot_id = $2 AND table_id = $3 AND status = 'scheduled' AND id = $4`;
  return !!m.subject && (await db.query(sql, [eventId, c.slotId, c.tableId, m.subject])).rowCount === 1;
}
const inLog = (m: Made, all: LiveMessage[], from: number) =>
  !!m.subject && all.some((x) => x.seq > from && JSON.stringify(x.payload).includes(m.subject!));

async function checkChanges(made: Made[], all: LiveMessage[], from: number) {
  let answered = 0;
  let found = 0;
  let logged = 0;
  const codes = new Map<number, number>();
  for (const m of made) {
    codes.set(m.status, (codes.get(m.status) ?? 0) + 1);
    if (m.status < 200 || m.status >= 300) continue;
    answered++;
    if (m.inDb) found++;
    if (inLog(m, all, from)) logged++;
  }
  const fives = made.filter((m) => m.status >= 500).length;
  const byKind = Object.entries(made.reduce<Record<string, number>>((a, m) => ((a[m.change.kind] = (a[m.change.kind] ?? 0) + 1), a), {}))
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  log(
    `  changes: ${made.length} requested (${byKind}); answers ${[...codes].map(([s, n]) => `${n}×${s}`).join(', ')}; answer time ${fmtMs(made.map((m) => m.ms))}`,
  );
  for (const m of made.filter((x) => x.status >= 300)) log(`    refused: ${m.change.kind} on node ${m.node} → ${m.status} ${m.error}`);
  log(`  committed: ${found} of ${answered} answered 2xx found in the database right after the answer, ${logged} named in the log`);
  target(fives === 0, `0 HTTP 5xx (got ${fives})`);
  target(answered === made.length, `every change answered 2xx (${answered}/${made.length})`);
  target(found === answered && logged === answered, `0 changes lost (${answered - Math.min(found, logged)} lost)`);
}

async function stuckRows() {
  const q = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  return {
    outbox: await q(`SELECT count(*)::int AS n FROM outbox_jobs WHERE dispatched_at IS NULL`),
    generating: await q(`SELECT count(*)::int AS n FROM schedule_versions WHERE status = 'generating'`),
    exports: await q(`SELECT count(*)::int AS n FROM export_files WHERE status IN ('queued','running')`),
  };
}

// ---------------------------------------------------------------- scenarios

async function redisOutage(checkedIn: Set<string>) {
  const spacing = (OUTAGE_MS + TAIL_MS) / CHANGES;
  {
    // Baseline: the same kinds of change at the same pace with Redis up.
    const plan = await planChanges(BASELINE_CHANGES, checkedIn);
    const from = await head();
    const start = Date.now();
    const made: Made[] = [];
    for (const [i, change] of plan.entries()) {
      await sleep(Math.max(0, start + i * spacing - Date.now()));
      made.push(await make(change, i % 2));
    }
    const lastAnswer = Date.now();
    const upTo = await head();
    const all = await readLog();
    const wholeAt = await whenWhole(all, upTo, 30_000);
    const fives = made.filter((m) => m.status >= 500).length;
    log(
      `baseline, Redis up: ${made.length} changes, ${fives} 5xx, answer time ${fmtMs(made.map((m) => m.ms))}; every client whole ${wholeAt - lastAnswer} ms after the last answer`,
    );
    log(`  commit → applied at each client: ${delivery(all, from, upTo)}`);
  }
  log(`scenario 1: Redis stopped ${OUTAGE_MS / 1000} s during ${CHANGES} live changes on 2 nodes`);
  const plan = await planChanges(CHANGES, checkedIn, Math.ceil((CHANGES * TAIL_MS) / (OUTAGE_MS + TAIL_MS)) + 2);
  const before = await head();
  await redis!.kill();
  const down = Date.now();
  let up = 0;
  let headDown = 0;
  let pendingJobs = 0;
  // Redis comes back after OUTAGE_MS whatever the changes are doing; from then on the clients are
  // watched until they hold every message committed while it was away.
  const restarted = (async () => {
    await sleep(Math.max(0, down + OUTAGE_MS - Date.now()));
    headDown = await head();
    pendingJobs = (await stuckRows()).outbox;
    await redis!.restart();
    up = Date.now();
    const outageLog = (await readLog()).filter((m) => m.seq <= headDown);
    const wholeAt = await whenWhole(outageLog, headDown, 30_000);
    return { outageLog, wholeMs: wholeAt - up };
  })();
  const made: Made[] = [];
  let version = { status: 0, body: undefined as any };
  let book = { status: 0, body: undefined as any };
  for (const [i, change] of plan.entries()) {
    await sleep(Math.max(0, down + i * spacing - Date.now()));
    made.push(await make(change, i % 2));
    if (i === Math.floor(CHANGES / 3)) {
      // Work for the worker asked while Redis is away: a schedule and the book of agendas.
      version = await call(1, 'POST', `/events/${eventId}/schedules`, { timeLimitSeconds: 1, mode: 'keep-published' });
      book = await call(0, 'POST', `/events/${eventId}/exports/agendas`, {});
    }
  }
  const lastAnswer = Date.now();
  const { outageLog, wholeMs } = await restarted;
  const headEnd = await head();
  const during = made.filter((m) => m.at < up).length;
  for (const m of made.filter((x) => x.ms > 500))
    log(`    slow answer: ${m.change.kind} on node ${m.node}, ${m.ms} ms, answered ${m.at - up} ms after Redis came back`);
  log(
    `  Redis down ${((up - down) / 1000).toFixed(1)} s; ${during} changes answered while it was down, ${made.length - during} after it came back; log ${before} → ${headDown} (outage) → ${headEnd}; ${pendingJobs} jobs waited in the outbox`,
  );
  log(`  every client whole again (all outage messages, in order) ${(wholeMs / 1000).toFixed(2)} s after Redis came back`);
  log(`  commit → applied at each client, messages of the outage: ${delivery(outageLog, before, headDown)}`);
  const endLog = (await readLog()).filter((m) => m.seq <= headEnd);
  const wholeEnd = await whenWhole(endLog, headEnd, 30_000);
  log(
    `  every client whole up to the last change ${wholeEnd - lastAnswer} ms after its answer; commit → applied after the restart: ${delivery(endLog, headDown, headEnd)}`,
  );

  // Then the jobs: everything handed over, the schedule drafted, the book done, each no-show answered once.
  const noShows = made.filter((m) => m.change.kind === 'no_show' && m.status < 300).map((m) => m.subject!);
  let settledMs = NaN;
  try {
    await waitFor(
      'jobs settled',
      async () => {
        const s = await stuckRows();
        const proposals = Number(
          (
            await db.query(
              `SELECT count(DISTINCT freed_meeting_id)::int AS n FROM replacement_proposals WHERE freed_meeting_id = ANY($1)`,
              [noShows],
            )
          ).rows[0].n,
        );
        return s.outbox + s.generating + s.exports === 0 && proposals === noShows.length ? true : undefined;
      },
      60_000,
      100,
    );
    settledMs = Date.now() - up;
  } catch {
    /* counted below */
  }
  const stuck = await stuckRows();
  const vStatus = (await call(0, 'GET', `/events/${eventId}/schedules/${version.body?.id}`)).body?.status;
  const bStatus = (await call(0, 'GET', `/events/${eventId}/exports/jobs/${book.body?.jobId}`)).body?.status;
  const twice = Number(
    (
      await db.query(
        `SELECT count(*)::int AS n FROM (SELECT request_id FROM replacement_proposals WHERE request_id IS NOT NULL GROUP BY request_id HAVING count(*) > 1) x`,
      )
    ).rows[0].n,
  );
  log(
    `  jobs settled ${(settledMs / 1000).toFixed(2)} s after Redis came back: schedule ${version.status} → ${vStatus}, export ${book.status} → ${bStatus}, recoveries answered twice ${twice}`,
  );
  const all = await readLog();
  const last = all[all.length - 1].seq;
  // Stragglers (the recovery jobs' own messages) get the reconcile period to arrive.
  await whenWhole(all, last, 10_000);
  const rows = compareStreams(all, last);
  printStreams(rows);
  await checkChanges(made, all, before);
  target(
    version.status < 500 && book.status < 500,
    `schedule and export asked during the outage answered (${version.status}, ${book.status})`,
  );
  target(
    rows.every((r) => r.missing === 0),
    `0 messages lost on either node (${rows.reduce((a, r) => a + r.missing, 0)} missing)`,
  );
  target(
    rows.every((r) => r.extra === 0 && r.disorder === 0),
    `no message applied twice or out of order`,
  );
  target(
    clients.every((f) => f.c.socket.connected),
    `no client had to reconnect`,
  );
  target(
    stuck.outbox + stuck.generating + stuck.exports === 0 && vStatus === 'draft' && bStatus === 'done',
    `0 stuck rows (outbox ${stuck.outbox}, generating ${stuck.generating}, exports ${stuck.exports})`,
  );
  target(twice === 0, `no recovery answered twice`);
  target(!Number.isNaN(wholeMs), `every client whole again (${(wholeMs / 1000).toFixed(2)} s)`);
}

async function workerKilled(workerRef: { proc: ChildProcess }) {
  log('scenario 2: worker killed (SIGKILL) mid-job, restarted 1 s later (as scripts/supervise.sh does)');
  const queue = new Queue(QUEUES.scheduling, { connection: redisConnection(redis!.url), prefix: QUEUE_PREFIX });
  const holder = new Client({ connectionString: withDb(adminDbUrl, DB_NAME) });
  await holder.connect();
  try {
    {
      // Baseline: the same job, undisturbed.
      const start = Date.now();
      const v = await must(0, 'POST', `/events/${eventId}/schedules`, { timeLimitSeconds: 2, mode: 'keep-published' }, 201);
      const doneAt = await waitFor(
        'baseline job',
        async () => ((await call(0, 'GET', `/events/${eventId}/schedules/${v.id}`)).body.status === 'draft' ? Date.now() : undefined),
        60_000,
        100,
      );
      log(`  baseline: the same schedule job, undisturbed, asked → draft in ${((doneAt - start) / 1000).toFixed(1)} s`);
    }
    const versionsBefore = Number(
      (await db.query(`SELECT count(*)::int AS n FROM schedule_versions WHERE event_id = $1`, [eventId])).rows[0].n,
    );
    const v = await must(0, 'POST', `/events/${eventId}/schedules`, { timeLimitSeconds: 2, mode: 'keep-published' }, 201);
    // Holds the version's row: the job loads and solves, then waits at its save — mid-job, whatever the machine's speed.
    await holder.query('BEGIN');
    await holder.query(`SELECT id FROM schedule_versions WHERE id = $1 FOR UPDATE`, [v.id]);
    const job = await waitFor(
      'job held at its save',
      async () => {
        const jobs = await queue.getJobs(['active']);
        const j = jobs.find((x) => x.data.scheduleVersionId === v.id);
        return j && (j.progress as { phase?: string })?.phase === 'saving' ? j : undefined;
      },
      60_000,
      100,
    );
    const firstStart = job.processedOn!;
    await killed(workerRef.proc);
    const killedAt = Date.now();
    await holder.query('COMMIT');
    await sleep(1000);
    workerRef.proc = startProgram('worker', 'worker');
    const retriedAt = await waitFor(
      'job retried',
      async () => {
        const j = await queue.getJob(job.id!);
        return j?.processedOn && j.processedOn > firstStart ? j.processedOn : undefined;
      },
      60_000,
      100,
    ).catch(() => NaN);
    const doneAt = await waitFor(
      'job done',
      async () => ((await call(0, 'GET', `/events/${eventId}/schedules/${v.id}`)).body.status === 'draft' ? Date.now() : undefined),
      60_000,
      100,
    ).catch(() => NaN);
    const final = await queue.getJob(job.id!);
    const versionsAfter = Number(
      (await db.query(`SELECT count(*)::int AS n FROM schedule_versions WHERE event_id = $1`, [eventId])).rows[0].n,
    );
    const [{ placed, cells, people }] = (
      await db.query(
        `SELECT count(*)::int AS placed, count(DISTINCT (slot_id, table_id))::int AS cells,
                (SELECT count(*)::int FROM (SELECT a.slot_id, x.p FROM schedule_assignments a JOIN meetings m ON m.id = a.meeting_id,
                   LATERAL (VALUES (m.participant_a_id), (m.participant_b_id)) x(p) WHERE a.schedule_version_id = $1
                   GROUP BY a.slot_id, x.p HAVING count(*) > 1) d) AS people
           FROM schedule_assignments WHERE schedule_version_id = $1`,
        [v.id],
      )
    ).rows;
    const returned = final?.returnvalue as { scheduled?: number } | undefined;
    log(
      `  job ${job.id}: killed ${((killedAt - firstStart) / 1000).toFixed(1)} s after it started; retried ${((retriedAt - killedAt) / 1000).toFixed(1)} s after the kill, done ${((doneAt - killedAt) / 1000).toFixed(1)} s after; attempts started ${final?.attemptsStarted ?? '?'}, state ${await final?.getState()}`,
    );
    log(
      `  result: ${placed} meetings placed in ${cells} distinct cells, job reports ${returned?.scheduled}; schedule versions ${versionsBefore} → ${versionsAfter}`,
    );
    target(retriedAt - killedAt <= 30_000, `retried within 30 s (${((retriedAt - killedAt) / 1000).toFixed(1)} s)`);
    target(doneAt - killedAt <= 60_000 && (await final?.isCompleted()) === true, `job completed`);
    target(placed > 0 && placed === returned?.scheduled, `result correct (${placed} placed, job says ${returned?.scheduled})`);
    target(placed === cells && Number(people) === 0 && versionsAfter === versionsBefore + 1, `nothing duplicated`);
  } finally {
    await holder.end().catch(() => undefined);
    await queue.close();
  }
}

async function nodeKilled(api1: ChildProcess, checkedIn: Set<string>) {
  log('scenario 3: API node 1 killed (SIGKILL) while changes go on through node 0');
  const before = await head();
  const moving = clients.filter((f) => f.node === 1);
  {
    // Baseline: a client of node 1 reconnects to it with nothing wrong.
    const start = Date.now();
    const r = await moving[0].c.reconnect(bases[1]);
    log(`  baseline: a client reconnects to its node and resubscribes in ${Date.now() - start} ms (replaying ${r.missed.length})`);
  }
  // Moves and walk-ins first: the no-shows' recoveries then cannot take a cell one of them planned on.
  const plan = await planChanges(8, checkedIn, 4);
  const moved: Promise<{ f: Follower; ms: number; resubscribeMs: number; replayed: number }>[] = [];
  const killedAt = Date.now();
  for (const f of moving) {
    moved.push(
      new Promise((res, rej) => {
        f.c.socket.once('disconnect', () => {
          // The page's socket reconnects after socket.io's first back-off (changes go on meanwhile);
          // the load balancer sends it to the node still up.
          let from = 0;
          void sleep(RECONNECT_DELAY_MS)
            .then(() => {
              from = Date.now();
              return f.c.reconnect(bases[0]);
            })
            .then((r) => {
              f.node = 0;
              res({ f, ms: Date.now() - killedAt, resubscribeMs: Date.now() - from, replayed: r.missed.length });
            })
            .catch(rej);
        });
      }),
    );
  }
  await killed(api1);
  const made: Made[] = [];
  for (const change of plan) {
    made.push(await make(change, 0));
    await sleep(50);
  }
  const changesMs = Date.now() - killedAt;
  const results = await Promise.all(moved);
  const all = await readLog();
  const last = all[all.length - 1].seq;
  const wholeAt = await whenWhole(all, last, 10_000);
  const rows = compareStreams(all, last);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  log(
    `  ${plan.length} changes on node 0 in the first ${changesMs} ms; ${results.length} clients moved to node 0 (reconnecting after ${RECONNECT_DELAY_MS} ms): resubscribed ${times.map((t) => `${t}`).join(', ')} ms after the kill (${fmtMs(results.map((r) => r.resubscribeMs))} from reconnecting), replaying ${results.map((r) => r.replayed).join(', ')} messages`,
  );
  log(`  every client whole again (up to sequence ${last}) ${wholeAt - killedAt} ms after the kill`);
  printStreams(rows);
  await checkChanges(made, all, before);
  const dup = clients.reduce((a, f) => a + f.c.seqs().length - new Set(f.c.seqs()).size, 0);
  target(
    results.length === moving.length && moving.length > 0,
    `every client of the killed node moved (${results.length}/${moving.length})`,
  );
  target(
    rows.every((r) => r.missing === 0 && r.disorder === 0),
    `no gap (${rows.reduce((a, r) => a + r.missing, 0)} missing)`,
  );
  target(dup === 0 && rows.every((r) => r.extra === 0), `no duplicate applied (${dup})`);
}

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(LOGS, { recursive: true });
  const machine = `${cpus().length} CPU (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`;
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  log(`${machine}; load average ${load()}; ${new Date().toISOString()}`);
  const svc = serviceUrls();
  adminDbUrl = withDb(svc.db, 'postgres');
  redis = await TestRedis.start();
  {
    const c = new Client({ connectionString: adminDbUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB_NAME}`);
    await c.end();
  }
  env = {
    DATABASE_URL: withDb(svc.db, DB_NAME),
    REDIS_URL: redis.url,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX,
    API_RATE_PER_MINUTE: '1000000',
    LOGIN_RATE_PER_MINUTE: '1000000',
    ACCESS_LINK_RATE_PER_MINUTE: '1000000',
  };
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['-r', join(ROOT, 'test', 'support', 'register-ts.js'), 'apps/cli/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  cli('db', 'migrate');
  cli('users', 'create', '--email', ADMIN.email, '--password', ADMIN.password, '--role', 'admin');
  log(`own Redis on port ${redis.port}; database ${DB_NAME}; queue prefix ${QUEUE_PREFIX}`);
  db = new Client({ connectionString: env.DATABASE_URL });
  db.on('error', () => undefined);
  await db.connect();

  const ports = [await freePort(), await freePort()];
  const apis = ports.map((port, i) => startProgram(`api-${i}`, 'api', { PORT: String(port) }));
  const worker = { proc: startProgram('worker', 'worker') };
  bases = ports.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all(bases.map(waitHealthy));
  log(`2 API nodes (${bases.join(', ')}) and a worker up`);
  adminToken = (await must(0, 'POST', '/auth/login', ADMIN, 200)).token;
  await setUpDay();

  const tables = (await db.query(`SELECT id FROM tables WHERE event_id = $1 ORDER BY number`, [eventId])).rows as { id: string }[];
  await follow('organisers-0', 0, 'organisers');
  await follow('organisers-1', 1, 'organisers');
  await follow('board-1', 1, 'board');
  await follow('table-1@0', 0, 'table', tables[0].id);
  await follow('table-2@1', 1, 'table', tables[1].id);
  await follow('g1', 0, 'participant', p.g1);
  await follow('g2', 1, 'participant', p.g2);
  await follow('c1', 1, 'participant', p.c1);
  await follow('c2', 0, 'participant', p.c2);
  log(
    `${clients.length} clients subscribed (${clients.filter((f) => f.node === 0).length} on node 0, ${clients.filter((f) => f.node === 1).length} on node 1); load ${load()}`,
  );

  const checkedIn = new Set<string>();
  const s1 = Date.now();
  await redisOutage(checkedIn);
  log(`scenario 1 took ${((Date.now() - s1) / 1000).toFixed(1)} s; load ${load()}`);
  const s2 = Date.now();
  await workerKilled(worker);
  log(`scenario 2 took ${((Date.now() - s2) / 1000).toFixed(1)} s; load ${load()}`);
  const s3 = Date.now();
  await nodeKilled(apis[1], checkedIn);
  log(`scenario 3 took ${((Date.now() - s3) / 1000).toFixed(1)} s; load ${load()}`);
  // Every deadlock is answered to somebody as "retry" (or fails a job): the run counts them.
  await sleep(1000); // the statistics are flushed about once a second
  const [{ deadlocks }] = (await db.query(`SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()`)).rows;
  target(deadlocks === 0, `0 deadlocks in the database over the run (${deadlocks})`);
  log(violations.length ? `${violations.length} target(s) missed:\n  ${violations.join('\n  ')}` : 'every target met');
}

main()
  .then(
    () => (violations.length ? 1 : 0),
    (e: unknown) => {
      process.stderr.write(e instanceof BenchStop ? `refused: ${e.message}\n` : `failed: ${(e as Error).stack ?? String(e)}\n`);
      return 2;
    },
  )
  .then(async (code) => {
    clearTimeout(globalTimer);
    await db?.end().catch(() => undefined);
    await cleanup();
    process.exit(code);
  });
