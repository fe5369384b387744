import type { LiveMessage, LiveMessageType } from '@rueda/realtime';
import type { QueueName } from '@rueda/queues';

/**
 * One change of an event, before it has a sequence number: who it concerns (participants,
 * tables; none = the whole event) and what the clients apply. Who of them sees which fields is
 * realtime's audience table, applied when it is delivered.
 */
export interface LiveChange<T = unknown> {
  type: LiveMessageType;
  participants: string[];
  tables: string[];
  payload: T;
}

/** A job to enqueue once the transaction that asked for it has committed. */
export interface JobRequest<T = unknown> {
  queue: QueueName;
  name: string;
  data: T;
  /** The queue's retry policy travels with the job (kept in the outbox as JSON): a mail job's own backoff, for one. */
  options?: {
    jobId?: string;
    attempts?: number;
    backoff?: { type: string; delay?: number };
    removeOnComplete?: number | { age: number; count?: number };
    removeOnFail?: number | { age: number; count?: number };
  };
}

/** A job written to the outbox in the transaction: its outbox id and the queue's job id (the outbox id unless the job names one). */
export interface QueuedJob<T = unknown> extends JobRequest<T> {
  outboxId: string;
  jobId: string;
}

/** What a committed transaction hands to the dispatcher. */
export interface CommittedBatch {
  messages: LiveMessage[];
  jobs: QueuedJob[];
}

/**
 * After-commit delivery: live messages to the connected clients on every API node, jobs to
 * their queues. Use cases never call it: the unit of work does, after commit, with what the use
 * case recorded in the transaction (already safe in the live log and the job outbox). It never
 * fails and never waits for Redis: what cannot be delivered now is delivered later (API nodes
 * catch up from the log; the outbox relay retries jobs).
 */
export interface Dispatcher {
  dispatch(batch: CommittedBatch): void;
}

/** Something that wants to know about every committed batch (notifications, metrics): called after delivery was started. */
export type CommitListener = (batch: CommittedBatch) => void;
