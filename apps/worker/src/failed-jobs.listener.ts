import { OnQueueEvent, QueueEventsHost, QueueEventsListener } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchRunEntity, ScheduleVersionEntity } from '@rueda/persistence';
import { QUEUES } from '@rueda/queues';

// A run whose job failed for good must say so, or the organiser waits forever.

@QueueEventsListener(QUEUES.matching)
export class MatchingFailuresListener extends QueueEventsHost {
  private readonly log = new Logger('MatchingJobs');
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  @OnQueueEvent('retries-exhausted')
  async onExhausted({ jobId, failedReason }: { jobId: string; failedReason?: string }) {
    this.log.error(`job ${jobId} failed for good: ${failedReason}`);
    const [row] = await this.db.query(`SELECT id FROM match_runs WHERE 'match-' || event_id || '-v' || data_version = $1`, [jobId]);
    if (row)
      await this.db
        .getRepository(MatchRunEntity)
        .update({ id: row.id }, { status: 'failed', error: (failedReason ?? 'error').slice(0, 1000) });
  }
}

@QueueEventsListener(QUEUES.scheduling)
export class SchedulingFailuresListener extends QueueEventsHost {
  private readonly log = new Logger('SchedulingJobs');
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  @OnQueueEvent('retries-exhausted')
  async onExhausted({ jobId, failedReason }: { jobId: string; failedReason?: string }) {
    this.log.error(`job ${jobId} failed for good: ${failedReason}`);
    await this.db
      .getRepository(ScheduleVersionEntity)
      .update({ jobId, status: 'generating' }, { status: 'failed', error: (failedReason ?? 'error').slice(0, 1000) });
  }
}
