// Spreadsheet limits, end to end: `source .rueda/env && npx tsx bench/imports/spreadsheet-limits.ts [--runs 5] [--dist]`.
//
// Starts the API from its TypeScript sources in a child process (its own migrated database,
// its own queue prefix), then times, over HTTP on loopback:
//   (a) the zip bomb (0.5 MB XLSX, 8 M shared strings) and the same bomb with a zip
//       directory that lies about its sizes, from upload to the 413;
//   (b) a real 221-GADM participants workbook through the dry run (the parsing thread's cost);
//   (c) /health every 20 ms while (a) and (b) run, against the same probe on the idle API
//       measured first in the same run (the baseline): the event loop must stay free.
// Prints medians and tails; everything it started is stopped and the database dropped.
import { ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import ExcelJS from 'exceljs';
import { loadGadms } from '@rueda/domain';
import { createTestDatabase } from '../../test/support/database';
import { freePort } from '../../test/support/redis';
import { sharedStringsBomb } from '../../test/support/xlsx-bomb';

const ROOT = resolve(__dirname, '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, dist: { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** /health every 20 ms until stopped; the latency of each answer. */
function probe(base: string) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`${base}/health`).then((r) => r.arrayBuffer());
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

async function participantsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('participantes');
  ws.addRow(['id', 'nombre', 'tipo_participante', 'email']);
  for (const g of loadGadms()) ws.addRow([g.inecCode, `GAD Municipal de ${g.canton}`, 'gadm', `alcaldia${g.inecCode}@example.ec`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const db = await createTestDatabase();
  let api: ChildProcess | undefined;
  try {
    await db.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash, active) VALUES ('bench@rueda.test', 'Bench', 'admin', $1, true)`,
      [await hash('bench-password-1')],
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // --dist: the compiled API (`npm run build:server` first), as production runs it; otherwise the
    // sources through an SWC hook, whose parsing thread then also starts through tsx (slower).
    const args = values.dist ? ['dist/apps/api/src/main.js'] : ['-r', resolve(ROOT, 'test/support/register-ts.js'), 'apps/api/src/main.ts'];
    api = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        QUEUE_PREFIX: `benchimp${port}`,
      },
      stdio: 'ignore',
    });
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 600) throw new Error('the API did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'bench@rueda.test', password: 'bench-password-1' }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const auth = { Authorization: `Bearer ${login.token}` };
    const event = await fetch(`${base}/events`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Bench', sessions: [], tableCount: 0 }),
    }).then((r) => r.json() as Promise<{ id: string }>);

    const upload = async (file: Buffer, name: string) => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        name,
      );
      const t0 = performance.now();
      const res = await fetch(`${base}/events/${event.id}/imports/participants?mode=dry-run`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      await res.arrayBuffer();
      return { ms: performance.now() - t0, status: res.status };
    };

    const honest = sharedStringsBomb(8_000_000);
    const liar = sharedStringsBomb(8_000_000, true);
    const real = await participantsWorkbook();

    // Baseline: the idle API, same process, same run.
    const idle = probe(base);
    await new Promise((r) => setTimeout(r, 3000));
    const idleLat = await idle.stop();

    const results: Record<string, { ms: number[]; status: number[] }> = {};
    const busy = probe(base);
    for (let i = 0; i < RUNS + 1; i++) {
      for (const [label, file] of [
        ['zip bomb, honest directory (0.5 MB → 136 MB)', honest],
        ['zip bomb, directory lying about sizes', liar],
        ['221 GADMs, real workbook, dry run', real],
      ] as const) {
        const r = await upload(file, 'bench.xlsx');
        if (i === 0) continue; // warm-up
        (results[label] ??= { ms: [], status: [] }).ms.push(r.ms);
        results[label].status.push(r.status);
      }
    }
    const busyLat = await busy.stop();

    const [l1, l5] = loadavg();
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${l1.toFixed(1)} / ${l5.toFixed(1)} (1/5 min), ${new Date().toISOString().slice(0, 10)}`,
    );
    console.log(
      `file sizes: bomb ${(honest.length / 1024).toFixed(0)} kB, lying bomb ${(liar.length / 1024).toFixed(0)} kB, real ${(real.length / 1024).toFixed(0)} kB`,
    );
    console.log('| upload | runs | status | median | max |');
    console.log('|---|---|---|---|---|');
    for (const [label, r] of Object.entries(results)) {
      console.log(
        `| ${label} | ${r.ms.length} | ${[...new Set(r.status)].join(', ')} | ${fmt(pct(r.ms, 50))} | ${fmt(Math.max(...r.ms))} |`,
      );
    }
    console.log('| /health probe | answers | p50 | p99 | max |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| idle API (baseline) | ${idleLat.length} | ${fmt(pct(idleLat, 50))} | ${fmt(pct(idleLat, 99))} | ${fmt(Math.max(...idleLat))} |`,
    );
    console.log(
      `| during the uploads above | ${busyLat.length} | ${fmt(pct(busyLat, 50))} | ${fmt(pct(busyLat, 99))} | ${fmt(Math.max(...busyLat))} |`,
    );
  } finally {
    api?.kill('SIGTERM');
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
