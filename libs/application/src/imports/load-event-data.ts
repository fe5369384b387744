import { z } from 'zod';
import { IMPORT_KINDS } from '@rueda/importing';
import { admins } from '../authorization';
import { CreateEvent, CreateEventCommand } from '../events/event-use-cases';
import type { EventView } from '../ports/repositories';
import { useCase } from '../use-case';
import { ImportTable, ImportTableCommand, type ImportReport } from './import-table';

const TableToLoad = ImportTableCommand.pick({ kind: true, filename: true, table: true }).strict();

export const LoadEventDataCommand = z
  .object({
    /** The event to load into, or `create` to make it first (as POST /events does). */
    eventId: z.uuid().optional(),
    create: CreateEventCommand.optional(),
    /** In order: participants before the delegates, demands and offers that point at them. */
    tables: z.array(TableToLoad).min(1).max(IMPORT_KINDS.length),
  })
  .strict()
  .refine((c) => (c.eventId === undefined) !== (c.create === undefined), {
    message: 'eventId o create, uno de los dos / eventId or create, one of the two',
    path: ['eventId'],
  });

/**
 * Loads an event's data in ONE transaction, by the same use cases as the API: the event made by
 * CreateEvent (when asked), then each table committed by ImportTable (every row validated, rows
 * matched by external id). A bad row refuses the whole load with the import's report, and
 * nothing is written: neither the event nor any earlier table. The command line's `seed` and
 * `demo` load through it.
 */
export const LoadEventData = useCase({
  name: 'LoadEventData',
  command: LoadEventDataCommand,
  authorize: admins,
  async run(ctx, cmd): Promise<{ event: EventView; reports: ImportReport[] }> {
    const eventId = cmd.eventId ?? (await CreateEvent.run(ctx, cmd.create!)).id;
    const reports: ImportReport[] = [];
    for (const t of cmd.tables) reports.push(await ImportTable.run(ctx, { ...t, eventId, mode: 'commit' }));
    const event = await ctx.tx.repos.events.view(eventId);
    return { event: event!, reports };
  },
});
