import { z } from 'zod';
import { jobs } from '../authorization';
import type { ExportStatus } from '../ports/repositories/exports';
import { useCase } from '../use-case';

/** An export a job may still write to: a late attempt never rewrites one that is done or failed. */
const OPEN: ExportStatus[] = ['queued', 'running'];

const progress = z.looseObject({ phase: z.string().min(1).max(40), percent: z.number().min(0).max(100) });

export const ReportExportProgressCommand = z.object({ exportId: z.uuid(), progress }).strict();

/** The job's progress on its file (running); an export no longer open keeps its state. */
export const ReportExportProgress = useCase({
  name: 'ReportExportProgress',
  command: ReportExportProgressCommand,
  authorize: jobs,
  async run({ tx }, cmd) {
    return { updated: await tx.repos.exports.updateOpen(cmd.exportId, OPEN, { status: 'running', error: null, progress: cmd.progress }) };
  },
});

export const FinishExportCommand = z
  .object({ exportId: z.uuid(), content: z.instanceof(Uint8Array, { message: 'se esperan bytes / bytes expected' }), progress })
  .strict();

/** The file the job made, stored on its row (any API node can serve it); done. */
export const FinishExport = useCase({
  name: 'FinishExport',
  command: FinishExportCommand,
  authorize: jobs,
  async run({ tx, now }, cmd) {
    const done = await tx.repos.exports.updateOpen(cmd.exportId, OPEN, {
      status: 'done',
      content: cmd.content,
      size: cmd.content.length,
      progress: cmd.progress,
      finishedAt: now,
    });
    return { finished: done };
  },
});

export const FailExportCommand = z.object({ exportId: z.uuid(), error: z.string() }).strict();

/** A job that failed for good says so on its row, or the organiser waits forever. */
export const FailExport = useCase({
  name: 'FailExport',
  command: FailExportCommand,
  authorize: jobs,
  async run({ tx, now }, cmd) {
    const failed = await tx.repos.exports.updateOpen(cmd.exportId, OPEN, {
      status: 'failed',
      error: (cmd.error || 'error').slice(0, 1000),
      finishedAt: now,
    });
    return { failed };
  },
});
