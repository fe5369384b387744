import type { WorkerOptions } from 'bullmq';
import { envSchema } from '@rueda/config';

/**
 * Options every processor's BullMQ worker gets: how long a job's lock lasts and how often
 * stalled jobs are looked for, from the environment (JOB_LOCK_MS, JOB_STALLED_CHECK_MS).
 * Read when the processors are declared: main.ts validates the environment before loading them.
 * A worker killed mid-job leaves its lock to expire; the next stalled check of any worker puts
 * the job back, so a crash costs at most lock + check (20 s by default).
 */
export function workerOptions(extra: Partial<WorkerOptions> = {}): Partial<WorkerOptions> {
  const env = envSchema.pick({ JOB_LOCK_MS: true, JOB_STALLED_CHECK_MS: true }).parse(process.env);
  return { lockDuration: env.JOB_LOCK_MS, stalledInterval: env.JOB_STALLED_CHECK_MS, maxStalledCount: 1, ...extra };
}
