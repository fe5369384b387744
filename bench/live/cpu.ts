// CPU time by process, read from /proc (Linux): what each part of the live day costs per no-show.
// Unlike latencies, CPU time hardly moves with the load of the machine, so two codes can be
// compared on a shared machine by it (caches and memory bandwidth are shared, so not exactly).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100; // USER_HZ on Linux

/** utime + stime of one process, in ms; 0 when it is gone or /proc is not there. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** Every process whose command name is `comm` and whose command line passes `keep`. */
function pidsNamed(comm: string, keep: (cmdline: string) => boolean = () => true): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!readFileSync(`/proc/${d}/comm`, 'utf8').trim().startsWith(comm)) continue;
      if (keep(readFileSync(`/proc/${d}/cmdline`, 'utf8'))) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU ms so far of each process of a group, by pid. */
type Group = Map<number, number>;
const group = (pids: number[]): Group => new Map(pids.map((p) => [p, cpuMsOf(p)]));

export type CpuSample = Map<string, Group>;

/**
 * CPU ms so far of the named children; of the PostgreSQL backends of database `db` (their
 * process title names it) and of the server's own processes (WAL writer, checkpointer…), apart
 * from backends of other databases (another job's tests); of every `redis-server`; of this
 * process. Kept by pid, so a backend that ends between two samples only loses its last moments.
 */
export function sampleCpu(children: { name: string; pid: number | undefined }[], db: string): CpuSample {
  const s: CpuSample = new Map();
  for (const c of children) if (c.pid) s.set(c.name, group([c.pid]));
  s.set(`postgres (${db} backends)`, group(pidsNamed('postgres', (c) => c.includes(` ${db} `))));
  // A backend's title is "postgres: <cluster>: <user> <db> <client>(<port>) <state>"; the server's own have no client.
  s.set('postgres (server processes)', group(pidsNamed('postgres', (c) => !/\(\d+\)/.test(c))));
  s.set('redis', group(pidsNamed('redis-server')));
  const u = process.cpuUsage();
  s.set('bench (2,000 clients)', new Map([[process.pid, (u.user + u.system) / 1000]]));
  return s;
}

/** Lines: each process's CPU ms per unit of work between two samples, and the cores it kept busy. */
export function cpuLines(before: CpuSample, after: CpuSample, units: number, wallS: number): string[] {
  // A process born after `before` counts from 0; one gone by `after` is left out.
  const delta = (k: string, g: Group) => [...g].reduce((a, [pid, ms]) => a + ms - (before.get(k)?.get(pid) ?? 0), 0);
  const rows = [...after].map(([k, g]) => [k, delta(k, g)] as const);
  const total = rows.reduce((a, [, v]) => a + v, 0);
  const per = (ms: number) => (ms / Math.max(1, units)).toFixed(1);
  return [
    ...rows.map(([k, ms]) => `${k}: ${ms.toFixed(0)} ms CPU = ${per(ms)} ms per no-show`),
    `all: ${total.toFixed(0)} ms CPU = ${per(total)} ms per no-show, ${(total / 1000 / wallS).toFixed(2)} cores busy on average over ${wallS.toFixed(1)} s`,
  ];
}
