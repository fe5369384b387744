import { InjectQueue, OnQueueEvent, QueueEventsHost, QueueEventsListener } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { FailMatchingJob, FailScheduleJob, UseCases, WORKER } from '@rueda/application';
import { QUEUES } from '@rueda/queues';

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
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
    private readonly useCases: UseCases,
  ) {
    super();
  }

  @OnQueueEvent('retries-exhausted')
  async onExhausted({ jobId, failedReason: given }: { jobId: string; failedReason?: string }) {
    const failedReason = await reasonOf(this.queue, jobId, given);
    this.log.error(`job ${jobId} failed for good: ${failedReason}`);
    await this.useCases.execute(FailMatchingJob, WORKER, { jobId, error: failedReason });
  }
}

@QueueEventsListener(QUEUES.scheduling)
export class SchedulingFailuresListener extends QueueEventsHost {
  private readonly log = new Logger('SchedulingJobs');
  constructor(
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
