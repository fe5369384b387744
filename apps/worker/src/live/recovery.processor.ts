import { Inject } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { type Clock, RecoverCell, UseCases, WORKER } from '@rueda/application';
import { QUEUES, RecoveryJobData } from '@rueda/queues';
import { workerOptions } from '../worker-options';
import { CLOCK } from '../clock';

/**
 * A freed table and slot: the RecoverCell use case finds the next best meeting and, in
 * automatic mode, places it; what it commits is pushed to every affected client.
 */
@Processor(QUEUES.live, workerOptions({ concurrency: 4 }))
export class RecoveryProcessor extends WorkerHost {
  private readonly log = new Logger(RecoveryProcessor.name);

  constructor(
    private readonly useCases: UseCases,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<RecoveryJobData>) {
    const { eventId, slotId, tableId, freedMeetingId } = job.data;
    // Delivered at least once: the job id names the request, which is answered once.
    const result = await this.useCases.execute(RecoverCell, WORKER, { eventId, slotId, tableId, freedMeetingId, requestId: job.id });
    this.log.log(
      `event ${eventId}: freed cell ${slotId}/${tableId} → ${result.proposal.status}${result.repeated ? ' (already answered)' : ''} (${this.clock.now().getTime() - job.data.requestedAt} ms since the call)`,
    );
    return { status: result.proposal.status, proposalId: result.proposal.id };
  }
}
