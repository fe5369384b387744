import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface WorkerProcess {
  pid: number;
  /** Abrupt stop, like a crash or an out-of-memory kill: no shutdown hooks, no lock released. */
  crash: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The BullMQ worker as production runs it, in a process of its own (apps/worker/src/main.ts),
 * on the test's database, Redis and queue namespace (taken from process.env unless given).
 */
export function startWorkerProcess(env: Record<string, string> = {}): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, ['-r', resolve(__dirname, 'register-ts.js'), 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: process.env.TEST_API_LOGS === '1' ? 'info' : 'silent', ...env },
    stdio: ['ignore', 'ignore', process.env.TEST_API_LOGS === '1' ? 'inherit' : 'ignore'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { pid: child.pid!, crash: () => kill('SIGKILL'), stop: () => kill('SIGTERM') };
}
