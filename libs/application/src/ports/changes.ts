import type { LiveMessage, LiveMessageType } from '@rueda/realtime';
import type { QueueName } from '@rueda/queues';

/**
 * One change of an event, before it has a sequence number: who it concerns (participants,
 * tables; none = the whole event) and what the clients apply.
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
  options?: { jobId?: string; attempts?: number; removeOnComplete?: number };
}

/** What a committed transaction hands to the dispatcher. */
export interface CommittedBatch {
  messages: LiveMessage[];
  jobs: JobRequest[];
}

/**
 * After-commit delivery: live messages to the connected clients (socket.io, through Redis to
 * every node) and jobs to their queues. Use cases never call it: the unit of work does, after
 * commit, with what the use case recorded in the transaction.
 */
export interface Dispatcher {
  dispatch(batch: CommittedBatch): Promise<void>;
}

/**
 * A dispatcher from the two delivery functions of an app: live messages first (they are
 * already safe in the log), then jobs in the order they were recorded.
 */
export function deliverAfterCommit(emit: (messages: LiveMessage[]) => void, enqueue: (job: JobRequest) => Promise<void>): Dispatcher {
  return {
    async dispatch({ messages, jobs }) {
      if (messages.length) emit(messages);
      for (const job of jobs) await enqueue(job);
    },
  };
}
