import { InjectQueue, OnQueueEvent, QueueEventsHost, QueueEventsListener } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { FailScheduleJob, UseCases, WORKER } from '@rueda/application';
import { MatchRunEntity } from '@rueda/persistence';
import { matchingRunJobId, QUEUES } from '@rueda/queues';

// A run whose job failed for good must say so, or the organiser waits forever.

/** Why: 'retries-exhausted' carries only the attempts made, the reason is on the job itself. */
async function reasonOf(queue: Queue, jobId: string, given?: string): Promise<string> {
  if (given) return given;
  const job = await queue.getJob(jobId).catch(() => undefined);
  return job?.failedReason || 'error';
}

@QueueEventsListener(QUEUES.matching)
export class MatchingFailuresListener extends QueueEventsHost {
  private readonly log = new Logger('MatchingJobs');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
  ) {
    super();
  }

  @OnQueueEvent('retries-exhausted')
  async onExhausted({ jobId, failedReason: given }: { jobId: string; failedReason?: string }) {
    const failedReason = await reasonOf(this.queue, jobId, given);
    this.log.error(`job ${jobId} failed for good: ${failedReason}`);
    const [row] = await this.db.query(`SELECT id FROM match_runs WHERE 'match-' || event_id || '-v' || data_version = $1`, [
      matchingRunJobId(jobId),
    ]);
    if (row)
      await this.db
        .getRepository(MatchRunEntity)
        .update({ id: row.id }, { status: 'failed', error: (failedReason ?? 'error').slice(0, 1000) });
  }
}

@QueueEventsListener(QUEUES.scheduling)
export class SchedulingFailuresListener extends QueueEventsHost {
  private readonly log = new Logger('SchedulingJobs');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.scheduling) private readonly queue: Queue,
    private readonly useCases: UseCases,
  ) {
    super();
  }

  @OnQueueEvent('retries-exhausted')
  async onExhausted({ jobId, failedReason: given }: { jobId: string; failedReason?: string }) {
    const failedReason = await reasonOf(this.queue, jobId, given);
    this.log.error(`job ${jobId} failed for good: ${failedReason}`);
    await this.useCases.execute(FailScheduleJob, WORKER, { jobId, error: failedReason });
  }
}
