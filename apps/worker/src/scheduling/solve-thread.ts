// Runs the scheduling solver in a worker thread, so the BullMQ worker's event loop stays free:
// job locks keep being renewed and progress reaches Redis while the solver works.
import { parentPort, workerData } from 'node:worker_threads';
import type { ScheduleInstance } from '@rueda/formats';
import { solve, SolveOptions } from '@rueda/scheduling';

const { instance, options } = workerData as { instance: ScheduleInstance; options: Omit<SolveOptions, 'onProgress'> };
solve(instance, { ...options, onProgress: (p) => parentPort!.postMessage({ type: 'progress', progress: p }) }).then(
  (schedule) => parentPort!.postMessage({ type: 'done', schedule }),
  (e: unknown) => parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
);
