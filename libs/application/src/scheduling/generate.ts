import { z } from 'zod';
import { QUEUES, type SchedulingJobData } from '@rueda/queues';
import { admins } from '../authorization';
import { useCase } from '../use-case';

export const GenerateScheduleCommand = z
  .object({
    eventId: z.uuid(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1),
    timeLimitSeconds: z.number().min(1).max(600).default(20),
    minMeetingsPerGadm: z.number().int().min(0).max(20).default(1),
    /** keep-published keeps the published meetings where they are and re-plans the rest; full plans everything again. */
    mode: z.enum(['full', 'keep-published']).default('keep-published'),
    /** Fairness of waits: most difference of idle time between two participants. */
    maxIdleSpread: z.number().int().min(0).max(50).optional(),
  })
  .strict();

/** Creates a draft version and queues the job that fills it (the version's id is the job's). */
export const GenerateSchedule = useCase({
  name: 'GenerateSchedule',
  command: GenerateScheduleCommand,
  authorize: admins,
  async run({ tx }, cmd) {
    await tx.lockEvent(cmd.eventId);
    const { eventId, ...params } = cmd;
    const version = await tx.repos.schedules.create(eventId, params);
    tx.enqueue<SchedulingJobData>({
      queue: QUEUES.scheduling,
      name: 'solve',
      data: {
        eventId,
        scheduleVersionId: version.id,
        seed: cmd.seed,
        timeLimitMs: cmd.timeLimitSeconds * 1000,
        minMeetingsPerGadm: cmd.minMeetingsPerGadm,
        mode: cmd.mode,
        ...(cmd.maxIdleSpread !== undefined ? { maxIdleSpread: cmd.maxIdleSpread } : {}),
      },
      options: { jobId: version.jobId! },
    });
    return version;
  },
});
