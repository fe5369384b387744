import { z } from 'zod';
import { NOUNS, notFound } from '@rueda/domain';
import { scheduleSchema } from '@rueda/formats';
import { jobs } from '../authorization';
import { useCase } from '../use-case';

export const FillScheduleDraftCommand = z
  .object({
    eventId: z.uuid(),
    versionId: z.uuid(),
    /** The solver's answer, `rueda.schedule/1`. */
    schedule: scheduleSchema,
  })
  .strict();

/**
 * The scheduling job's result becomes the version's draft, whole or not at all. Only a version
 * still `generating` takes it: a job retried after its first attempt had already saved (Redis
 * lost the job's completion) must not turn a published version back into a draft, nor undo the
 * organiser's hand edits of the draft it made.
 */
export const FillScheduleDraft = useCase({
  name: 'FillScheduleDraft',
  command: FillScheduleDraftCommand,
  authorize: jobs,
  async run({ tx }, cmd) {
    // The event's lock, as publish takes it: a fill and a publish of one event queue up.
    await tx.lockEvent(cmd.eventId);
    const version = await tx.repos.schedules.find(cmd.eventId, cmd.versionId);
    if (!version) throw notFound(NOUNS.scheduleVersion, cmd.versionId);
    if (version.status !== 'generating') return { filled: false, status: version.status };
    await tx.repos.schedules.fill(cmd.versionId, cmd.schedule);
    return { filled: true, status: 'draft' as const };
  },
});

export const FailScheduleJobCommand = z.object({ jobId: z.string().min(1).max(200), error: z.string() }).strict();

/** A scheduling job that failed for good says so on its version (if it is still generating), or the organiser waits forever. */
export const FailScheduleJob = useCase({
  name: 'FailScheduleJob',
  command: FailScheduleJobCommand,
  authorize: jobs,
  async run({ tx }, cmd) {
    return { failed: await tx.repos.schedules.failJob(cmd.jobId, (cmd.error || 'error').slice(0, 1000)) };
  },
});
