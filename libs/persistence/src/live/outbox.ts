import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { JobRequest, QueuedJob } from '@rueda/application';
import type { QueueName } from '@rueda/queues';

/**
 * The transactional outbox of jobs. A use case's jobs are written in its transaction, so a
 * committed change always has its job on record; the dispatcher hands them to their queues
 * after commit and the relay retries what is still pending (Redis down, a node that died
 * between commit and enqueue). The queue's job id is the outbox id unless the job names its own,
 * so handing one over twice is harmless. The unit of work writes a transaction's jobs in the
 * statement that appends its first live messages (live-log.ts), or with insertOutbox.
 */

/** Inserts outboxOf's rows. */
export async function insertOutbox(m: EntityManager, rows: string): Promise<void> {
  await m.query(insertOutboxSql('$1'), [rows]);
}

/** A use case's jobs with their outbox ids, and the rows to insert (JSON); null when there are none. */
export function outboxOf(jobs: JobRequest[]): { queued: QueuedJob[]; rows: string } | null {
  if (!jobs.length) return null;
  const queued: QueuedJob[] = jobs.map((j) => {
    const outboxId = randomUUID();
    return { ...j, outboxId, jobId: j.options?.jobId ?? outboxId };
  });
  const rows = JSON.stringify(
    queued.map((j) => ({ id: j.outboxId, queue: j.queue, name: j.name, job_id: j.jobId, data: j.data, options: j.options ?? {} })),
  );
  return { queued, rows };
}

/** The INSERT of outboxOf's rows given as `param`; live-log.ts sends it inside its first statement. */
export const insertOutboxSql = (param: string) =>
  `INSERT INTO outbox_jobs (id, queue, name, job_id, data, options)
     SELECT x.id, x.queue, x.name, x.job_id, x.data, x.options
       FROM jsonb_to_recordset(${param}::jsonb) AS x(id uuid, queue text, name text, job_id text, data jsonb, options jsonb)`;

interface OutboxRow {
  id: string;
  queue: QueueName;
  name: string;
  job_id: string;
  data: unknown;
  options: JobRequest['options'];
}

/**
 * Jobs still not handed to their queue and older than `graceMs` (younger ones are normally on
 * their way from the node that committed them), locked for the caller's transaction: relays on
 * several nodes never take the same ones.
 */
export async function claimPendingJobs(m: EntityManager, graceMs: number, limit: number): Promise<QueuedJob[]> {
  const rows: OutboxRow[] = await m.query(
    `SELECT id, queue, name, job_id, data, options FROM outbox_jobs
      WHERE dispatched_at IS NULL AND created_at < now() - make_interval(secs => $1::double precision / 1000)
      ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [graceMs, limit],
  );
  return rows.map((r) => ({ queue: r.queue, name: r.name, data: r.data, options: r.options ?? {}, outboxId: r.id, jobId: r.job_id }));
}

export async function markJobsDispatched(m: EntityManager, outboxIds: string[]): Promise<void> {
  if (outboxIds.length)
    await m.query(`UPDATE outbox_jobs SET dispatched_at = now() WHERE id = ANY($1) AND dispatched_at IS NULL`, [outboxIds]);
}

export async function recordJobFailure(m: EntityManager, outboxId: string, error: string): Promise<void> {
  await m.query(`UPDATE outbox_jobs SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [outboxId, error.slice(0, 500)]);
}

/** Jobs not yet handed over (the fault tests and /health count them). */
export async function pendingJobCount(m: EntityManager): Promise<number> {
  const [row] = await m.query(`SELECT count(*)::int AS n FROM outbox_jobs WHERE dispatched_at IS NULL`);
  return row.n;
}

/** Forgets jobs handed over long ago (the queue keeps its own history). */
export async function pruneDispatchedJobs(m: EntityManager, olderThanHours: number): Promise<void> {
  await m.query(`DELETE FROM outbox_jobs WHERE dispatched_at < now() - make_interval(hours => $1)`, [olderThanHours]);
}
