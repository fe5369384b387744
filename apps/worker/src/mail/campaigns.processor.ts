import { performance } from 'node:perf_hooks';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CampaignJobData, CampaignProgress, MAIL_JOB_OPTIONS, MailJobData, mailJobId, QUEUES } from '@rueda/queues';
import { WorkerLiveEmitter } from '../live/worker-live-emitter';

const WATCH_EVERY_MS = 500;
/** After this the campaign job ends; emails still retrying go on by themselves and stay visible. */
const WATCH_AT_MOST_MS = 15 * 60_000;

/**
 * An invitation campaign: queues one email job per participant, then follows their delivery
 * and reports it as the job's progress (and live to the organisers) until every email is
 * settled: delivered, bounced, failed, or held for lack of an SMTP server.
 */
@Processor(QUEUES.campaigns, { concurrency: 2, lockDuration: 60_000 })
export class CampaignsProcessor extends WorkerHost {
  private readonly log = new Logger(CampaignsProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<MailJobData>,
    private readonly live: WorkerLiveEmitter,
  ) {
    super();
  }

  async process(job: Job<CampaignJobData>) {
    const { eventId, campaignId } = job.data;
    const ids: { id: string }[] = await this.db.query(
      `SELECT id FROM email_messages WHERE campaign_id = $1 AND status = 'queued' ORDER BY created_at`,
      [campaignId],
    );
    const report = async (p: CampaignProgress) => {
      await job.updateProgress(p as unknown as object).catch(() => undefined);
      this.live.progress({ eventId, queue: 'campaigns', jobId: String(job.id), phase: p.phase, percent: p.percent });
    };
    for (let i = 0; i < ids.length; i += 500) {
      await this.mail.addBulk(
        ids
          .slice(i, i + 500)
          .map((r) => ({ name: 'send', data: { messageId: r.id }, opts: { ...MAIL_JOB_OPTIONS, jobId: mailJobId(r.id) } })),
      );
    }
    // How long the campaign has been watched: elapsed time, on the monotonic clock (not the Clock port).
    const started = performance.now();
    for (;;) {
      const p = await campaignProgress(this.db, campaignId);
      const settled = p.total - (p.counts.queued ?? 0) - (p.counts.retrying ?? 0);
      const done = settled >= p.total;
      await report({ ...p, phase: done ? 'done' : 'sending' });
      if (done || performance.now() - started > WATCH_AT_MOST_MS) {
        this.log.log(`campaign ${campaignId}: ${JSON.stringify(p.counts)}`);
        return p;
      }
      await new Promise((r) => setTimeout(r, WATCH_EVERY_MS));
    }
  }
}

/** Emails of a campaign by status, and the share already settled. */
export async function campaignProgress(db: DataSource, campaignId: string): Promise<CampaignProgress> {
  const rows: { status: string; n: number }[] = await db.query(
    `SELECT status, count(*)::int AS n FROM email_messages WHERE campaign_id = $1 GROUP BY status`,
    [campaignId],
  );
  const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const total = rows.reduce((s, r) => s + r.n, 0);
  const settled = total - (counts.queued ?? 0) - (counts.retrying ?? 0);
  return { phase: 'sending', percent: total ? Math.round((settled / total) * 100) : 100, total, counts };
}
