import { z } from 'zod';
import { MAIL_JOB_OPTIONS, type MailJobData, mailJobId, QUEUES } from '@rueda/queues';
import { jobs } from '../authorization';
import { useCase } from '../use-case';

const eventCommand = z.object({ eventId: z.uuid() }).strict();

/**
 * Reads a page of the event's change log past its cursor into notices for the participants it
 * names (the cursor moves in the same transaction: a page is read once). `more`: read again.
 */
export const ScanChangeLog = useCase({
  name: 'ScanChangeLog',
  command: eventCommand,
  authorize: jobs,
  async run({ tx }, cmd) {
    return tx.repos.notifications.scanChangeLog(cmd.eventId);
  },
});

export const DispatchDueNoticesCommand = z.object({ eventId: z.uuid(), windowMs: z.number().int().min(0) }).strict();

/**
 * Every participant whose oldest pending notice has waited the digest window gets them all in
 * one email (when it keeps email on and has an address), recorded and marked sent in one
 * transaction; the emails' jobs go through the outbox with it, so none is lost to a crash
 * between the commit and the queue. Returns the batches, for the other channels.
 */
export const DispatchDueNotices = useCase({
  name: 'DispatchDueNotices',
  command: DispatchDueNoticesCommand,
  authorize: jobs,
  async run({ tx, now }, cmd) {
    const batches = await tx.repos.notifications.dispatchDue(cmd.eventId, now, cmd.windowMs);
    for (const b of batches)
      if (b.emailMessageId)
        tx.enqueue<MailJobData>({
          queue: QUEUES.mail,
          name: 'send',
          data: { messageId: b.emailMessageId },
          options: { ...MAIL_JOB_OPTIONS, jobId: mailJobId(b.emailMessageId) },
        });
    return batches;
  },
});

/** Reminders that fell due by date (the day before, the morning of the event) stored as notices. */
export const StoreDueReminders = useCase({
  name: 'StoreDueReminders',
  command: eventCommand,
  authorize: jobs,
  async run({ tx, now }, cmd) {
    return { stored: await tx.repos.notifications.storeDueReminders(cmd.eventId, now) };
  },
});

export const RecordChannelOutcomeCommand = z
  .object({ notificationIds: z.array(z.uuid()).min(1), channel: z.string().min(1).max(40), outcome: z.string().max(300) })
  .strict();

/** What a channel other than email (push, …) did with a batch of notices, on each notice. */
export const RecordChannelOutcome = useCase({
  name: 'RecordChannelOutcome',
  command: RecordChannelOutcomeCommand,
  authorize: jobs,
  async run({ tx }, cmd) {
    await tx.repos.notifications.recordChannelOutcome(cmd.notificationIds, cmd.channel, cmd.outcome);
    return { recorded: cmd.notificationIds.length };
  },
});
