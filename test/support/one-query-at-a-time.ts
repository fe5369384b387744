import { Client } from 'pg';

/**
 * Jest setup (every spec file): two queries at once on one pg connection fail the file.
 *
 * pg queues a query sent while its client is busy; from the third one at once it warns
 * ("Calling client.query() when the client is already executing a query is deprecated"), and
 * pg@9 will refuse them. It happens when a transaction's EntityManager is handed to
 * Promise.all: one connection, so the queries never ran in parallel anyway. Two signals are
 * recorded, and the file fails after its tests when either was seen:
 * - a query sent while the client still runs or queues another (pg's Client.query wrapped
 *   here, for this file's module registry: the pg that TypeORM loads); from the second query;
 * - pg's own warning, which the environment (test/support/node-environment.js) collects from
 *   the process: the sandbox's `process` is a copy with listeners of its own.
 */
interface Seen {
  name: string;
  message: string;
  stack: string;
}
const PG_BUSY = /already executing a query/;
const BUSY_SEND = 'Query sent while the pg connection runs another';

const processWarnings = (): Seen[] => (globalThis as { __ruedaProcessWarnings?: Seen[] }).__ruedaProcessWarnings ?? [];
const busySends: Seen[] = [];

type PgInternals = { _activeQuery?: unknown; _queryQueue?: unknown[]; pipeline?: boolean };
const query = Client.prototype.query as (...args: unknown[]) => unknown;
(Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: PgInternals, ...args: unknown[]) {
  if (!this.pipeline && (this._activeQuery || this._queryQueue?.length)) {
    const e = new Error(BUSY_SEND);
    busySends.push({ name: 'BusySend', message: e.message, stack: e.stack ?? e.message });
  }
  return query.apply(this, args);
};

/** What this file's guard has seen so far (read by the guard's own spec and forgiven where a library does it). */
export const busyClientWarnings = (): Seen[] => [
  ...busySends,
  ...processWarnings().filter((w) => w.name === 'DeprecationWarning' && PG_BUSY.test(w.message)),
];

/** Forgets what the guard has seen so far. */
export function forgetBusyClientWarnings() {
  busySends.splice(0);
  const all = processWarnings();
  const rest = all.filter((w) => !(w.name === 'DeprecationWarning' && PG_BUSY.test(w.message)));
  all.splice(0, all.length, ...rest);
}

afterAll(async () => {
  // Node emits a warning on the tick after pg calls the deprecated path.
  await new Promise((r) => setImmediate(r));
  const seen = busyClientWarnings();
  if (seen.length) {
    throw new Error(
      'Two queries at once on one pg connection (Promise.all over a transaction’s EntityManager?): send them one after the other ' +
        `(inTurn in libs/persistence/src/in-turn.ts).\n${seen.map((w) => w.stack).join('\n')}`,
    );
  }
});
