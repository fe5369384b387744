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
  /** Locks the whole event (serialises its live operations); not_found when it does not exist. */
  lockEvent(eventId: string): Promise<LockedEvent>;
  /**
   * Locks one slot of the event, for a change that places meetings only in that slot: changes of
   * other slots go on meanwhile, lockEvent's holders and changes of the same slot wait. What it
   * rewrites elsewhere (a meeting moved out of a later slot) it checks is still as it read it.
   */
  lockSlot(eventId: string, slotId: string): Promise<LockedEvent>;
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
