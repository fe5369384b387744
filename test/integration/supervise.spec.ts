import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SUPERVISE = resolve(__dirname, '../../scripts/supervise.sh');

/** A stand-in program: writes its pid to a file, then idles until killed (or exits with `code`). */
const program = (pidFile: string, code?: number) =>
  code === undefined
    ? `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`
    : `process.exit(${code})`;

const readPid = (file: string): number | undefined => {
  try {
    const n = Number(readFileSync(file, 'utf8'));
    return n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(check: () => T | undefined, what: string, steps = 200): Promise<T> {
  // Bounded by a number of polls, not a deadline: a slow machine waits longer, never fails early.
  for (let i = 0; i < steps; i++) {
    const v = check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not reached: ${what}`);
}

function supervise(dir: string, name: string, code: string): ChildProcess {
  return spawn('bash', [SUPERVISE, name, join(dir, `${name}.log`), process.execPath, '-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
}

const exited = (p: ChildProcess) =>
  p.exitCode !== null ? Promise.resolve(p.exitCode) : new Promise<number | null>((r) => p.once('exit', (c) => r(c)));

describe('scripts/supervise.sh (how the demo runs the API and the worker)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rueda-supervise-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts a crashed worker while the API keeps running, and stops both on TERM', async () => {
    const apiPid = join(dir, 'api.pid');
    const workerPid = join(dir, 'worker.pid');
    const api = supervise(dir, 'api', program(apiPid));
    const worker = supervise(dir, 'worker', program(workerPid));
    try {
      const api1 = await until(() => readPid(apiPid), 'api started');
      const worker1 = await until(() => readPid(workerPid), 'worker started');

      process.kill(worker1, 'SIGKILL'); // a crash: no clean shutdown
      const worker2 = await until(() => {
        const p = readPid(workerPid);
        return p && p !== worker1 ? p : undefined;
      }, 'worker restarted');

      expect(alive(worker2)).toBe(true);
      expect(readPid(apiPid)).toBe(api1);
      expect(alive(api1)).toBe(true);
      expect(api.exitCode).toBeNull();

      // The API crashing is the same story the other way round.
      process.kill(api1, 'SIGKILL');
      const api2 = await until(() => {
        const p = readPid(apiPid);
        return p && p !== api1 ? p : undefined;
      }, 'api restarted');
      expect(alive(api2)).toBe(true);
      expect(readPid(workerPid)).toBe(worker2);

      api.kill('SIGTERM');
      worker.kill('SIGTERM');
      expect(await exited(api)).toBe(0);
      expect(await exited(worker)).toBe(0);
      await until(() => (!alive(api2) && !alive(worker2) ? true : undefined), 'programs stopped with their supervisors');
    } finally {
      api.kill('SIGKILL');
      worker.kill('SIGKILL');
    }
  });

  it('does not restart a program that refuses its configuration (exit 78), and says so', async () => {
    const p = supervise(dir, 'api', program('', 78));
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await exited(p)).toBe(78);
    expect(stderr).toMatch(/configuración inválida.*invalid configuration/);
  });

  it('docker-compose restarts the API and the worker on their own, neither depending on the other', () => {
    const compose = readFileSync(resolve(__dirname, '../../docker-compose.yml'), 'utf8');
    // Each service's block: from its name at two spaces of indent to the next such name.
    const service = (name: string) => compose.split(/\n(?= {2}[a-z]+:\n)/).find((b) => b.startsWith(`  ${name}:`)) ?? '';
    for (const [name, other] of [
      ['api', 'worker'],
      ['worker', 'api'],
    ]) {
      expect(service(name)).toMatch(/\n {4}restart: (unless-stopped|always)\n/);
      expect(service(name)).not.toMatch(new RegExp(`\n {6}${other}:`));
    }
  });
});
