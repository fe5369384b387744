import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ENV, Env } from '@rueda/config';
import {
  type Clock,
  type DispatchedBatch,
  DispatchDueNotices,
  RecordChannelOutcome,
  ScanChangeLog,
  StoreDueReminders,
  UseCases,
  WORKER,
} from '@rueda/application';
import { emailContext, eventsWithWork, LinkKeys, nextNoticeDue } from '@rueda/persistence';
import { MAIL_JOB_OPTIONS, MailJobData, mailJobId, NotifyJobData, QUEUES } from '@rueda/queues';
import { NotificationChannels } from './channels';
import { CLOCK } from '../clock';

const SWEEP_EVERY_MS = 30_000;

/**
 * The notification pipeline on the worker:
 * - `scan`: read an event's change log past its cursor into notices (nudged after each commit);
 * - `dispatch`: once a participant's oldest pending notice has waited the digest window, send
 *   all its pending notices as one email (a digest when there are several) and to its other channels;
 * - `sweep` (every 30 s): catch up on anything a lost nudge left, store reminders that fell due
 *   by date, and re-queue emails whose job was lost.
 */
@Processor(QUEUES.notify, { concurrency: 2 })
export class NotifyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly log = new Logger(NotifyProcessor.name);
  private readonly windowMs: number;
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) env: Env,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectQueue(QUEUES.notify) private readonly queue: Queue<NotifyJobData>,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<MailJobData>,
    private readonly channels: NotificationChannels,
    // The process's one key (WorkerApplicationModule), the unit of work's too.
    private readonly keys: LinkKeys,
    // Every write of the pipeline is a use case (libs/application/src/notifications/pipeline.ts).
    private readonly useCases: UseCases,
  ) {
    super();
    this.windowMs = env.NOTIFY_DIGEST_SECONDS * 1000;
    this.publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  }

  async onApplicationBootstrap() {
    await this.queue.upsertJobScheduler('notify-sweep', { every: SWEEP_EVERY_MS }, { name: 'sweep', data: { kind: 'sweep' } });
  }

  async process(job: Job<NotifyJobData>) {
    const d = job.data;
    if (d.kind === 'scan') return this.scan(d.eventId);
    if (d.kind === 'dispatch') return this.dispatch(d.eventId);
    return this.sweep();
  }

  private async scan(eventId: string) {
    let inserted = 0;
    for (;;) {
      const r = await this.useCases.execute(ScanChangeLog, WORKER, { eventId });
      inserted += r.inserted;
      if (!r.more) break;
    }
    if (inserted > 0) await this.scheduleDispatch(eventId);
    return { inserted };
  }

  /** A dispatch when the oldest pending notice falls due; one job per event and half second. */
  private async scheduleDispatch(eventId: string) {
    const due = await nextNoticeDue(this.db.manager, eventId, this.windowMs);
    if (!due) return;
    const delay = Math.max(0, due.getTime() - this.clock.now().getTime());
    const bucket = Math.ceil(due.getTime() / 500);
    await this.queue.add(
      'dispatch',
      { kind: 'dispatch', eventId },
      { jobId: `dispatch-${eventId}-${bucket}`, delay, removeOnComplete: true, removeOnFail: 100 },
    );
  }

  private async dispatch(eventId: string) {
    // The emails' jobs go out through the outbox with the commit that records them.
    const batches = await this.useCases.execute(DispatchDueNotices, WORKER, { eventId, windowMs: this.windowMs });
    const emails = batches.filter((b) => b.emailMessageId);
    await this.otherChannels(eventId, batches);
    await this.scheduleDispatch(eventId);
    if (batches.length) this.log.log(`event ${eventId}: ${batches.length} participants notified (${emails.length} emails)`);
    return { participants: batches.length, emails: emails.length };
  }

  private async otherChannels(eventId: string, batches: DispatchedBatch[]) {
    const channels = this.channels.list();
    if (!channels.length) return;
    const key = await this.keys.get();
    for (const b of batches.filter((x) => x.pushEnabled)) {
      const context = await emailContext(this.db.manager, key, eventId, b.participantId, this.publicUrl);
      for (const ch of channels) {
        let outcome: string;
        try {
          const r = await ch.deliver({
            eventId,
            participantId: b.participantId,
            notificationIds: b.notificationIds,
            notices: b.notices,
            context,
          });
          outcome = r.status === 'skipped' ? `skipped: ${r.reason}` : r.status;
        } catch (e) {
          outcome = `failed: ${(e as Error).message}`.slice(0, 300);
        }
        await this.useCases.execute(RecordChannelOutcome, WORKER, { notificationIds: b.notificationIds, channel: ch.name, outcome });
      }
    }
  }

  private async sweep() {
    const now = this.clock.now();
    const events: { id: string }[] = await this.db.query(`SELECT id FROM events`);
    let reminders = 0;
    for (const e of events) reminders += (await this.useCases.execute(StoreDueReminders, WORKER, { eventId: e.id })).stored;
    for (const id of await eventsWithWork(this.db.manager)) {
      await this.scan(id);
      await this.scheduleDispatch(id);
    }
    // An email whose enqueue was lost (a crash between commit and queue) is still `queued`: queue it again (same job id, so never twice).
    const stale: { id: string }[] = await this.db.query(
      `SELECT id FROM email_messages WHERE status = 'queued' AND updated_at < $1 ORDER BY created_at LIMIT 5000`,
      [new Date(now.getTime() - 120_000)],
    );
    if (stale.length)
      await this.mail.addBulk(
        stale.map((s) => ({ name: 'send', data: { messageId: s.id }, opts: { ...MAIL_JOB_OPTIONS, jobId: mailJobId(s.id) } })),
      );
    return { reminders, requeued: stale.length };
  }
}
