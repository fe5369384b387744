import { OnQueueEvent, QueueEventsHost, QueueEventsListener } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchRunEntity } from '@rueda/persistence';

/** A run whose job failed for good must say so, or the organiser waits forever. */
@QueueEventsListener('matching')
export class FailedJobsListener extends QueueEventsHost {
  private readonly log = new Logger('MatchingJobs');
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  @OnQueueEvent('retries-exhausted')
  async onExhausted({ jobId, failedReason }: { jobId: string; failedReason?: string }) {
    this.log.error(`job ${jobId} failed for good: ${failedReason}`);
    const runId = await this.runIdOf(jobId);
    if (runId) await this.db.getRepository(MatchRunEntity).update({ id: runId }, { status: 'failed', error: (failedReason ?? 'error').slice(0, 1000) });
  }

  private async runIdOf(jobId: string): Promise<string | undefined> {
    const [row] = await this.db.query(`SELECT id FROM match_runs WHERE 'match-' || event_id || '-v' || data_version = $1`, [jobId]);
    return row?.id;
  }
}
