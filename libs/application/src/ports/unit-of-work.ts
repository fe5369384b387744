import type { EventSettings } from '@rueda/domain';
import type { JobRequest, LiveChange } from './changes';
import type { Repositories } from './repositories';

/** The event row, locked for the rest of the transaction: whoever holds it sees the latest state of the event. */
export interface LockedEvent {
  id: string;
  timeZone: string;
  settings: EventSettings;
}

/**
 * One database transaction as a use case sees it: repositories bound to it, the event lock,
 * and the two after-commit effects, recorded now and delivered only once it commits.
 */
export interface Tx {
  readonly repos: Repositories;
  /** Row lock on the event (serialises the live operations of one event); not_found when it does not exist. */
  lockEvent(eventId: string): Promise<LockedEvent>;
  /**
   * Live messages of an event: appended to its log with gap-free sequence numbers inside this
   * transaction, pushed to the clients after commit.
   */
  record(eventId: string, ...changes: LiveChange[]): void;
  /** A job for the worker, enqueued after commit. */
  enqueue<T>(job: JobRequest<T>): void;
}

/** Runs `fn` in one transaction; on commit, hands what it recorded to the dispatcher. */
export interface UnitOfWork {
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Reads outside any transaction (queries: lists, replays, reports). */
  read<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
