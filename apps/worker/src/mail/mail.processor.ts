import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { type CommandOf, FINAL_MAIL_STATUSES, RecordMailAttempt, RequeueHeldMail, UseCases, WORKER } from '@rueda/application';
import { ENV, Env } from '@rueda/config';
import { renderInvitation, renderNotices, type RenderedEmail } from '@rueda/notifications';
import { EmailMessageEntity, emailContext, LinkKeys, noticesOfEmail } from '@rueda/persistence';
import { MAIL_JOB_OPTIONS, mailBackoff, MailJobData, mailJobId, QUEUES } from '@rueda/queues';
import { renderRegistrationEmail } from './registration-email';
import { isPermanent, mailError, MailTransport } from './mail-transport';

// Read at load time (the decorator is static); main.ts validated the environment first.
const RATE = Math.max(1, Number(process.env.MAIL_RATE_PER_SECOND ?? 10) || 10);
/** Jobs in flight per worker: enough to keep the rate, never more than a second's worth. */
const MAIL_CONCURRENCY = Math.min(16, RATE);

/**
 * Sends one email per job. The body is rendered here, at sending time, so the personal link is
 * never stored in the log or the queue. Every attempt writes its outcome on the message row.
 * The limiter holds all workers together to MAIL_RATE_PER_SECOND.
 *
 * Concurrency is what lets a worker reach that rate: each job spends most of its time waiting
 * (the database reads that render it, the SMTP round trips), so several run at once while the
 * transport's pool keeps the connections to the server few (see MailTransport).
 */
@Processor(QUEUES.mail, {
  concurrency: MAIL_CONCURRENCY,
  limiter: { max: RATE, duration: 1000 },
  settings: { backoffStrategy: (attemptsMade: number) => mailBackoff(attemptsMade) },
})
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly log = new Logger(MailProcessor.name);
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) env: Env,
    private readonly transport: MailTransport,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue<MailJobData>,
    // The process's one key (WorkerApplicationModule), the unit of work's too.
    private readonly keys: LinkKeys,
    // Every outcome is written by RecordMailAttempt (sentAt from its clock).
    private readonly useCases: UseCases,
  ) {
    super();
    this.publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  }

  /** With a mail server now configured, what was held waiting for one goes out. */
  async onApplicationBootstrap() {
    if (!this.transport.configured) return;
    const { ids: held } = await this.useCases.execute(RequeueHeldMail, WORKER, {});
    if (held.length) {
      // A new job id: the job that found no server is still kept as completed under the old one.
      // The stamp only makes the id unique (no business time), so it is the machine's, not the Clock's.
      const stamp = Date.now();
      await this.queue.addBulk(
        held.map((id) => ({ name: 'send', data: { messageId: id }, opts: { ...MAIL_JOB_OPTIONS, jobId: `${mailJobId(id)}-${stamp}` } })),
      );
      this.log.log(`${held.length} retained emails queued again`);
    }
  }

  async process(job: Job<MailJobData>) {
    const msg = await this.db.getRepository(EmailMessageEntity).findOneBy({ id: job.data.messageId });
    if (!msg || FINAL_MAIL_STATUSES.includes(msg.status)) return { skipped: true };
    const record = (outcome: Omit<CommandOf<typeof RecordMailAttempt>, 'messageId'>) =>
      this.useCases.execute(RecordMailAttempt, WORKER, { messageId: msg.id, ...outcome });
    if (!this.transport.configured) {
      await record({ status: 'held', attempted: false, lastError: 'sin servidor SMTP (SMTP_URL) / no SMTP server (SMTP_URL)' });
      return { held: true };
    }
    const mail = await this.render(msg);
    if (!mail) {
      await record({ status: 'failed', attempted: false, lastError: 'nada que enviar / nothing to send' });
      return { empty: true };
    }
    try {
      const sent = await this.transport.send({ to: msg.toAddresses, ...mail });
      const status = sent.accepted.length === 0 ? 'bounced' : 'delivered';
      await record({
        status,
        attempted: true,
        subject: mail.subject,
        smtpMessageId: sent.messageId ?? null,
        accepted: sent.accepted,
        rejected: sent.rejected,
        lastError: sent.rejected.length ? `rechazados / refused: ${sent.rejected.join(', ')}` : null,
      });
      return { status, accepted: sent.accepted.length, rejected: sent.rejected.length };
    } catch (err) {
      const permanent = isPermanent(err);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await record({
        status: permanent ? 'bounced' : last ? 'failed' : 'retrying',
        attempted: true,
        subject: mail.subject,
        lastError: mailError(err),
      });
      if (permanent) throw new UnrecoverableError(mailError(err));
      throw err;
    }
  }

  private async render(msg: EmailMessageEntity): Promise<(RenderedEmail & { preferencesUrl?: string | null }) | null> {
    const key = await this.keys.get();
    const ctx = await emailContext(this.db.manager, key, msg.eventId, msg.participantId, this.publicUrl);
    const preferencesUrl = ctx.links.preferences;
    if (msg.kind === 'invitation') return { ...renderInvitation(ctx), preferencesUrl };
    if (msg.kind === 'registration') return renderRegistrationEmail(this.db.manager, msg, ctx);
    const notices = await noticesOfEmail(this.db.manager, msg.id);
    return notices.length ? { ...renderNotices(notices, ctx), preferencesUrl } : null;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<MailJobData> | undefined, err: Error) {
    if (job) this.log.warn(`email ${job.data.messageId}: attempt ${job.attemptsMade} failed: ${err.message}`);
  }
}
