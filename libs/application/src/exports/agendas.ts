import { z } from 'zod';
import { NOUNS, notFound } from '@rueda/domain';
import { type ExportJobData, QUEUES } from '@rueda/queues';
import { organisers } from '../authorization';
import { useCase } from '../use-case';

export const RequestAgendasExportCommand = z
  .object({
    eventId: z.uuid(),
    participantKind: z.enum(['gadm', 'cooperant']).optional(),
    includeEmpty: z.boolean().default(true),
  })
  .strict();
/** What the route's body carries (the event is the path's). */
export const RequestAgendasExportBody = RequestAgendasExportCommand.omit({ eventId: true });

/**
 * Every participant's agenda as one PDF, made by the exports job: the export is recorded and,
 * in the same transaction, its job (whose id is the export's) is put in the outbox.
 */
export const RequestAgendasExport = useCase({
  name: 'RequestAgendasExport',
  command: RequestAgendasExportCommand,
  authorize: organisers,
  async run({ tx, principal }, { eventId, ...input }) {
    if (!(await tx.repos.exports.eventExists(eventId))) throw notFound(NOUNS.event, eventId);
    const row = await tx.repos.exports.create({
      eventId,
      kind: 'agendas',
      params: { ...input },
      filename: `agendas${input.participantKind ? `-${input.participantKind}` : ''}.pdf`,
      contentType: 'application/pdf',
      requestedBy: principal.type === 'user' ? principal.userId : null,
    });
    const data: ExportJobData = { eventId, exportId: row.id, kind: 'agendas', ...input };
    tx.enqueue({ queue: QUEUES.exports, name: 'agendas', data, options: { jobId: row.id } });
    return row;
  },
});
