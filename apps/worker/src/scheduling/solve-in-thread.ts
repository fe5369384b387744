import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Schedule, ScheduleInstance } from '@rueda/formats';
import type { SolveOptions, SolveProgress } from '@rueda/scheduling';

/**
 * `solve` off the main thread. From compiled code the thread runs solve-thread.js; from
 * TypeScript sources (tests, tsx) it registers tsx in the thread, then loads solve-thread.ts.
 */
export function solveInThread(
  instance: ScheduleInstance,
  options: Omit<SolveOptions, 'onProgress'>,
  onProgress: (p: SolveProgress) => void,
): Promise<Schedule> {
  const js = join(__dirname, 'solve-thread.js');
  const compiled = existsSync(js);
  const worker = compiled
    ? new Worker(js, { workerData: { instance, options } })
    : new Worker(
        `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(__dirname, 'solve-thread.ts'))});`,
        { eval: true, workerData: { instance, options } },
      );
  return new Promise((resolve, reject) => {
    worker.on(
      'message',
      (msg: { type: 'progress'; progress: SolveProgress } | { type: 'done'; schedule: Schedule } | { type: 'error'; message: string }) => {
        if (msg.type === 'progress') onProgress(msg.progress);
        else if (msg.type === 'done') resolve(msg.schedule);
        else reject(new Error(msg.message));
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`solver thread exited with code ${code}`));
    });
  });
}
