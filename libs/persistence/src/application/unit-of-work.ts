import type { DataSource, EntityManager } from 'typeorm';
import type {
  Clock,
  CommittedBatch,
  Dispatcher,
  JobRequest,
  LiveChange,
  LockedEvent,
  Repositories,
  Tx,
  UnitOfWork,
} from '@rueda/application';
import { lockEventExclusive, lockEventSlot } from '../live/event-locks';
import { appendLive } from '../live/live-log';
import { insertOutbox, outboxOf } from '../live/outbox';
import { translateDbError } from './db-errors';
import { LinkKeys } from '../access/access-links';
import { type RepositoryDeps, repositoriesOf } from './repositories';

/** The TypeORM transaction behind a use case; repositories are created on first use. */
class TypeOrmTx implements Tx {
  readonly changes = new Map<string, LiveChange[]>();
  readonly jobs: JobRequest[] = [];
  readonly repos: Repositories;

  constructor(
    readonly manager: EntityManager,
    deps: RepositoryDeps,
  ) {
    this.repos = repositoriesOf(manager, deps);
  }

  lockEvent(eventId: string): Promise<LockedEvent> {
    return lockEventExclusive(this.manager, eventId);
  }

  lockSlot(eventId: string, slotId: string): Promise<LockedEvent> {
    return lockEventSlot(this.manager, eventId, slotId);
  }

  record(eventId: string, ...changes: LiveChange[]): void {
    if (!changes.length) return;
    this.changes.set(eventId, [...(this.changes.get(eventId) ?? []), ...changes]);
  }

  enqueue(job: JobRequest): void {
    this.jobs.push(job);
  }
}

/**
 * One use case, one transaction: the live messages it recorded are appended to the event's
 * log and its jobs to the outbox inside the transaction (the truth), then handed to the
 * dispatcher once committed. Database refusals come out as DomainErrors; after the commit
 * nothing can fail the call (delivery is the dispatcher's, retried until done).
 */
export class TypeOrmUnitOfWork implements UnitOfWork {
  private readonly deps: RepositoryDeps;

  /**
   * `linkKeys`: the process's one link key (the apps provide it, so the unit of work and the
   * services that reveal or seal links share one read and one cache); without it, a key of this
   * unit of work's own from `linkSecret`, the deployment's LINK_SECRET when set (see linkKey).
   */
  constructor(
    private readonly db: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly clock: Clock,
    options: { linkKeys?: LinkKeys; linkSecret?: string } = {},
  ) {
    // The key is read once, on the pool (outside any use case's transaction, so a rollback cannot lose it).
    this.deps = { linkKeys: options.linkKeys ?? new LinkKeys(() => db.manager, options.linkSecret) };
  }

  async run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let batch: CommittedBatch = { messages: [], jobs: [] };
    let result: T;
    try {
      // The link key is read on the pool, so before this transaction takes its connection: read
      // inside it, a burst of use cases on a cold process held every pooled connection while each
      // waited for that one read, and none ever went on (after the first read this is at once).
      await this.deps.linkKeys.get();
      result = await this.db.transaction(async (m) => {
        const tx = new TypeOrmTx(m, this.deps);
        const r = await fn(tx);
        const at = this.clock.now();
        // Appending to the log takes the event's row until commit, and every live writer of the
        // event waits for it, so nothing else is done after it: the outbox goes in with the
        // first append's first statement (one round trip fewer), or alone when nothing is logged.
        const outbox = outboxOf(tx.jobs);
        let outboxRows = outbox?.rows;
        const messages = [];
        for (const [eventId, changes] of tx.changes) {
          messages.push(...(await appendLive(m, eventId, changes, at, outboxRows)));
          outboxRows = undefined;
        }
        if (outboxRows) await insertOutbox(m, outboxRows);
        batch = { messages, jobs: outbox?.queued ?? [] };
        return r;
      });
    } catch (e) {
      throw translateDbError(e) ?? e;
    }
    this.dispatcher.dispatch(batch);
    return result;
  }

  async read<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    try {
      return await fn(repositoriesOf(this.db.manager, this.deps));
    } catch (e) {
      throw translateDbError(e) ?? e;
    }
  }
}
