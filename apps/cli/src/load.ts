import type { DataSource } from 'typeorm';
import { type EventView, type ImportReport, LoadEventData, type Principal, systemClock, UseCases } from '@rueda/application';
import { exportTable, IMPORT_KINDS, type ImportKind, parseTable, type RecordByKind } from '@rueda/importing';
import { TypeOrmUnitOfWork } from '@rueda/persistence';

/** Who the command line acts as: the installation's operator. */
export const CLI: Principal = { type: 'system', name: 'cli' };

/**
 * The application's use cases on the command line's database. Nothing is dispatched after
 * commit (no sockets here): jobs a use case asks for wait in the outbox for a running relay.
 */
export const cliUseCases = (ds: DataSource): UseCases =>
  new UseCases(new TypeOrmUnitOfWork(ds, { dispatch: () => undefined }, systemClock), systemClock);

export type EventRecords = { [K in ImportKind]?: ReadonlyArray<RecordByKind[K]> };

/**
 * Records the command line holds (reference data, the demo Jornada) as the sheet an organiser
 * would import: written as the export writes it, read back by the import's own parser. So they
 * are validated cell by cell by the same rules as an uploaded file.
 */
async function asTable<K extends ImportKind>(kind: K, records: ReadonlyArray<RecordByKind[K]>, source: string) {
  return { kind, filename: `${source}-${kind}.csv`, table: await parseTable(await exportTable(kind, records, 'csv')) };
}

/**
 * Loads records into an event (or a new one) through LoadEventData: the same event creation and
 * import use cases as the API, in one transaction, so a bad record refuses the whole load with
 * the import's report and nothing is written.
 */
export async function loadRecords(
  useCases: UseCases,
  target: { eventId: string } | { create: Record<string, unknown> },
  data: EventRecords,
  source: string,
): Promise<{ event: EventView; reports: ImportReport[] }> {
  const tables = [];
  for (const kind of IMPORT_KINDS) {
    const records = data[kind];
    if (records) tables.push(await asTable(kind, records as ReadonlyArray<RecordByKind[typeof kind]>, source));
  }
  return useCases.execute(LoadEventData, CLI, { ...target, tables });
}
