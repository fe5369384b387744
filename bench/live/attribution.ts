// What the processes were doing while the slowest calls of bench/live/run.ts ran (--probe,
// --pg-log): garbage collections and event-loop stalls of each Node process (bench/live/probe.cjs
// writes them with wall-clock times), and PostgreSQL's own log for the bench database (lock
// waits, slow statements) and the server's checkpoints.
import { execFileSync } from 'node:child_process';
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { Client } from 'pg';

export interface ProbeEvent {
  process: string;
  what: 'gc' | 'stall' | 'pg-wait' | 'pg-slow' | 'pg-checkpoint';
  /** Wall-clock start, ms since the epoch. */
  at: number;
  ms: number;
  text: string;
}

/** One probe file (JSON lines of probe.cjs) as events of `process`. */
export function readProbe(file: string, process: string): ProbeEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { what: 'gc' | 'stall'; kind?: string; at: number; ms: number })
    .map((e) => ({ process, what: e.what, at: e.at, ms: e.ms, text: e.what === 'gc' ? `GC ${e.kind}` : 'event loop stalled' }));
}

/**
 * Turns on, for the bench database only, the logging of lock waits longer than 10 ms and of
 * statements longer than 20 ms. These settings need a superuser: BENCH_PG_SUPERUSER_URL, else
 * (as root on a Debian cluster) `runuser -u postgres -- psql`. Answers what it could not do.
 */
export async function logSlowStatements(dbUrl: string, dbName: string): Promise<string | null> {
  const sql = [
    `ALTER DATABASE ${dbName} SET log_lock_waits = on`,
    `ALTER DATABASE ${dbName} SET deadlock_timeout = '10ms'`,
    `ALTER DATABASE ${dbName} SET log_min_duration_statement = 20`,
  ];
  const su = process.env.BENCH_PG_SUPERUSER_URL;
  try {
    if (su) {
      const c = new Client({ connectionString: su });
      await c.connect();
      try {
        for (const s of sql) await c.query(s);
      } finally {
        await c.end();
      }
    } else {
      const port = new URL(dbUrl).port || '5432';
      execFileSync(
        'runuser',
        ['-u', 'postgres', '--', 'psql', '-p', port, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', ...sql.flatMap((s) => ['-c', s])],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    }
    return null;
  } catch (e) {
    return `PostgreSQL logging not turned on (needs a superuser: set BENCH_PG_SUPERUSER_URL): ${(e as Error).message.split('\n')[0]}`;
  }
}

/** The server log's size now: read from here on at the end. */
export const logOffset = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/**
 * Lock waits, slow statements of database `dbName` and checkpoints, from the server log written
 * since `offset` (log_line_prefix starting with `%m [%p]`, as Debian's default).
 */
export function readPgLog(file: string, offset: number, dbName: string): ProbeEvent[] {
  if (!existsSync(file)) return [];
  const size = statSync(file).size;
  const buf = Buffer.alloc(Math.max(0, size - offset));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, offset);
  } finally {
    closeSync(fd);
  }
  const out: ProbeEvent[] = [];
  /** A lock wait's CONTEXT (the row's relation) and STATEMENT come on the waiter's next lines. */
  const lastWait = new Map<string, ProbeEvent>();
  const line = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) (\w+) \[(\d+)\] (\S*@\S*)?\s*(\w+):\s+(.*)$/;
  for (const raw of buf.toString('utf8').split('\n')) {
    const m = line.exec(raw);
    if (!m) continue;
    const [, day, time, tz, pid, who, level, text] = m;
    const end = Date.parse(`${day}T${time}${tz === 'UTC' ? 'Z' : ''}`);
    if (/^checkpoint (starting|complete)/.test(text)) {
      const total = /total=([\d.]+) s/.exec(text);
      const ms = total ? Number(total[1]) * 1000 : 0;
      if (ms) out.push({ process: 'postgres', what: 'pg-checkpoint', at: end - ms, ms, text: `checkpoint ${text.slice(20, 140)}` });
      continue;
    }
    if (!who?.endsWith(`@${dbName}`)) continue;
    const waiting = lastWait.get(pid);
    if (waiting && level === 'CONTEXT') {
      const rel = /relation "(\w+)"/.exec(text);
      waiting.text += rel ? ` on a row of ${rel[1]}` : ` (${text.slice(0, 60)})`;
      continue;
    }
    if (waiting && level === 'STATEMENT') {
      waiting.text += `, in: ${text.replace(/\s+/g, ' ').slice(0, 90)}`;
      lastWait.delete(pid);
      continue;
    }
    // The wait as a whole is on the "acquired … after" line; "still waiting" lines are its first part.
    const wait = /acquired (.*) after ([\d.]+) ms/.exec(text);
    if (wait) {
      const e: ProbeEvent = {
        process: `postgres [${pid}]`,
        what: 'pg-wait',
        at: end - Number(wait[2]),
        ms: Number(wait[2]),
        text: `lock wait for ${wait[1].replace(/ on transaction \d+/, ' (a row)')}`,
      };
      out.push(e);
      lastWait.set(pid, e);
      continue;
    }
    lastWait.delete(pid);
    const slow = /^duration: ([\d.]+) ms\s+(.*)$/.exec(text);
    if (slow)
      out.push({
        process: `postgres [${pid}]`,
        what: 'pg-slow',
        at: end - Number(slow[1]),
        ms: Number(slow[1]),
        text: slow[2]
          .replace(/^execute <unnamed>: /, '')
          .replace(/\s+/g, ' ')
          .slice(0, 110),
      });
  }
  return out;
}

/** Events that overlap [from, to] (wall clock), worst first, at most `limit`. */
export function during(events: ProbeEvent[], from: number, to: number, minMs: number, limit = 8): ProbeEvent[] {
  return events
    .filter((e) => e.ms >= minMs && e.at <= to && e.at + e.ms >= from)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}
