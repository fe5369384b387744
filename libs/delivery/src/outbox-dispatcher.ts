import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { CommitListener, CommittedBatch, Dispatcher, QueuedJob } from '@rueda/application';
import { claimPendingJobs, markJobsDispatched, pruneDispatchedJobs, recordJobFailure } from '@rueda/persistence';
import type { LiveMessage } from '@rueda/realtime';
import { DEFAULT_JOB_OPTIONS, type QueueName } from '@rueda/queues';

/** Jobs younger than this are normally on their way from the node that committed them. */
const RELAY_GRACE_MS = 2000;
/** A queue that does not take a job within this long is treated as down (the relay retries). */
const ADD_TIMEOUT_MS = 3000;
const RELAY_BATCH = 200;

export interface DeliveryLog {
  warn(obj: object, msg: string): void;
}

export interface OutboxDispatcherOptions {
  db: DataSource;
  queues: ReadonlyMap<QueueName, Queue>;
  /** Delivers committed live messages: this node's sockets and the other nodes (never throws, never waits for Redis). */
  live: (messages: LiveMessage[]) => void;
  relayEveryMs: number;
  log?: DeliveryLog;
}

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * The transactional outbox's delivery side. After commit, live messages go out at once (they
 * are in the log; an API node that misses them catches up from it) and jobs are handed to their
 * queues in the background; the relay hands over, every `relayEveryMs`, whatever is still
 * pending (Redis was down, the node died after commit). At least once: the queue's job id is
 * the outbox id, and consumers are idempotent.
 */
export class OutboxDispatcher implements Dispatcher {
  private readonly listeners: CommitListener[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private relaying?: Promise<number>;
  private relays = 0;

  constructor(private readonly o: OutboxDispatcherOptions) {
    // A queue whose Redis is away emits an error per reconnection attempt, printed whole unless
    // someone listens: say it once in a while instead (the relay retries meanwhile).
    for (const [name, queue] of o.queues) {
      let last = 0;
      queue.on('error', (e: Error) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        o.log?.warn({ err: e, queue: name }, 'queue connection lost; jobs wait in the outbox');
      });
    }
  }

  /** Called after every committed batch (e.g. to nudge the notification pipeline). */
  onCommit(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  dispatch(batch: CommittedBatch): void {
    if (batch.messages.length) {
      try {
        this.o.live(batch.messages);
      } catch (e) {
        this.o.log?.warn({ err: e }, 'live delivery failed; nodes catch up from the log');
      }
    }
    if (batch.jobs.length) this.track(this.handOver(batch.jobs));
    for (const l of this.listeners) {
      try {
        l(batch);
      } catch (e) {
        this.o.log?.warn({ err: e }, 'commit listener failed');
      }
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.relay(), this.o.relayEveryMs);
    this.timer.unref();
  }

  /** Stops the relay and waits for hand-overs under way (a node shutting down leaves the rest to the others). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight, this.relaying]);
  }

  /** One pass of the relay: hands pending jobs over; returns how many went. */
  relay(): Promise<number> {
    this.relaying ??= this.relayOnce().finally(() => (this.relaying = undefined));
    return this.relaying;
  }

  private track(p: Promise<unknown>) {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async handOver(jobs: QueuedJob[]): Promise<void> {
    const done: string[] = [];
    for (const job of jobs) if ((await this.add(job)) === 'sent') done.push(job.outboxId);
    if (done.length) await markJobsDispatched(this.o.db.manager, done).catch(() => undefined);
  }

  private async relayOnce(): Promise<number> {
    let sent = 0;
    try {
      await this.o.db.transaction(async (m) => {
        const pending = await claimPendingJobs(m, RELAY_GRACE_MS, RELAY_BATCH);
        const done: string[] = [];
        for (const job of pending) {
          const r = await this.add(job);
          if (r === 'sent') done.push(job.outboxId);
          else if (r === 'down')
            break; // Redis is away: the next pass tries again
          else await recordJobFailure(m, job.outboxId, r.error);
        }
        await markJobsDispatched(m, done);
        sent = done.length;
      });
      if (++this.relays % 600 === 0) await pruneDispatchedJobs(this.o.db.manager, 24);
    } catch (e) {
      this.o.log?.warn({ err: e }, 'outbox relay pass failed');
    }
    return sent;
  }

  /** Hands one job to its queue when the queue's Redis connection is up. */
  private async add(job: QueuedJob): Promise<'sent' | 'down' | { error: string }> {
    const queue = this.o.queues.get(job.queue);
    if (!queue) return { error: `no such queue: ${job.queue}` };
    try {
      const client = await timeout(queue.getBackend().client, ADD_TIMEOUT_MS, 'queue connection');
      if (client.status !== 'ready') return 'down';
      // The retry policy travels with the job: the same whichever process (API node or worker) hands it over.
      const opts = { ...DEFAULT_JOB_OPTIONS, ...(job.options ?? {}), jobId: job.jobId };
      await timeout(queue.add(job.name, job.data, opts), ADD_TIMEOUT_MS, `queue ${job.queue}`);
      return 'sent';
    } catch (e) {
      this.o.log?.warn({ err: e, queue: job.queue, jobId: job.jobId }, 'job not handed over yet; the relay retries');
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }
}
