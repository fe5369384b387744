import { z } from 'zod';
import { jobs } from '../authorization';
import type { MailStatus } from '../ports/repositories/notifications';
import { useCase } from '../use-case';

/** Outcomes no later attempt changes: the server took it, refused it for good, or there was nothing to send. */
export const FINAL_MAIL_STATUSES: MailStatus[] = ['delivered', 'bounced', 'failed'];

const address = z.string().max(320);

export const RecordMailAttemptCommand = z
  .object({
    messageId: z.uuid(),
    status: z.enum(['held', 'retrying', 'delivered', 'bounced', 'failed']),
    /** The server was asked (attempts + 1); false when there was no server or nothing to send. */
    attempted: z.boolean(),
    subject: z.string().optional(),
    smtpMessageId: z.string().nullable().optional(),
    accepted: z.array(address).optional(),
    rejected: z.array(address).optional(),
    lastError: z.string().nullable().optional(),
  })
  .strict();

/**
 * What one attempt to send an email came to, on its row. An email whose outcome is final keeps
 * it: a duplicate or late attempt (two workers after a stalled job, a retry racing the first
 * attempt's answer) never turns "delivered" back into "retrying". Sent emails get the time.
 */
export const RecordMailAttempt = useCase({
  name: 'RecordMailAttempt',
  command: RecordMailAttemptCommand,
  authorize: jobs,
  async run({ tx, now }, cmd) {
    const { messageId, attempted, ...rest } = cmd;
    const recorded = await tx.repos.notifications.recordMailAttempt(messageId, FINAL_MAIL_STATUSES, {
      ...rest,
      subject: rest.subject?.slice(0, 500),
      smtpMessageId: rest.smtpMessageId?.slice(0, 300) ?? rest.smtpMessageId,
      lastError: rest.lastError?.slice(0, 1000) ?? rest.lastError,
      attempted,
      sentAt: cmd.status === 'delivered' || cmd.status === 'bounced' ? now : undefined,
    });
    return { recorded };
  },
});

export const RequeueHeldMailCommand = z.object({}).strict();

/** With a mail server now configured, emails held waiting for one are queued again: their ids. */
export const RequeueHeldMail = useCase({
  name: 'RequeueHeldMail',
  command: RequeueHeldMailCommand,
  authorize: jobs,
  async run({ tx }) {
    return { ids: await tx.repos.notifications.requeueHeldMail() };
  },
});
