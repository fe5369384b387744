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
import { NOUNS, notFound } from '@rueda/domain';
import { appendLive } from '../live/live-log';
import { translateDbError } from './db-errors';
import { TypeOrmMeetingRepository } from './repositories/meetings';
import { TypeOrmStatusChangeRepository } from './repositories/status-changes';

/** The TypeORM transaction behind a use case; repositories are created on first use. */
class TypeOrmTx implements Tx {
  readonly changes = new Map<string, LiveChange[]>();
  readonly jobs: JobRequest[] = [];
  readonly repos: Repositories;

  constructor(readonly manager: EntityManager) {
    const m = manager;
    let meetings: TypeOrmMeetingRepository | undefined;
    let statusChanges: TypeOrmStatusChangeRepository | undefined;
    this.repos = {
      get meetings() {
        return (meetings ??= new TypeOrmMeetingRepository(m));
      },
      get statusChanges() {
        return (statusChanges ??= new TypeOrmStatusChangeRepository(m));
      },
    };
  }

  async lockEvent(eventId: string): Promise<LockedEvent> {
    const [row] = await this.manager.query(`SELECT id, time_zone, settings FROM events WHERE id = $1 FOR UPDATE`, [eventId]);
    if (!row) throw notFound(NOUNS.event, eventId);
    return { id: row.id, timeZone: row.time_zone, settings: row.settings ?? {} };
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
 * log inside the transaction (the truth), then handed with its jobs to the dispatcher once
 * committed. Database refusals come out as DomainErrors.
 */
export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly clock: Clock,
  ) {}

  async run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let batch: CommittedBatch = { messages: [], jobs: [] };
    let result: T;
    try {
      result = await this.db.transaction(async (m) => {
        const tx = new TypeOrmTx(m);
        const r = await fn(tx);
        const at = this.clock.now();
        const messages = [];
        for (const [eventId, changes] of tx.changes) messages.push(...(await appendLive(m, eventId, changes, at)));
        batch = { messages, jobs: tx.jobs };
        return r;
      });
    } catch (e) {
      throw translateDbError(e) ?? e;
    }
    await this.dispatcher.dispatch(batch);
    return result;
  }
}
