import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { appendLive, recoverCell } from '@rueda/persistence';
import { LiveMessage } from '@rueda/realtime';
import { QUEUES, RecoveryJobData } from '@rueda/queues';
import { workerOptions } from '../worker-options';
import { WorkerLiveEmitter } from './worker-live-emitter';

/**
 * A freed table and slot: find the next best meeting and, in automatic mode, place it; push
 * the result to every affected client. Tight latency budget: one transaction, no polling.
 */
@Processor(QUEUES.live, workerOptions({ concurrency: 4 }))
export class RecoveryProcessor extends WorkerHost {
  private readonly log = new Logger(RecoveryProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: WorkerLiveEmitter,
  ) {
    super();
  }

  async process(job: Job<RecoveryJobData>) {
    const { eventId, slotId, tableId, freedMeetingId } = job.data;
    let messages: LiveMessage[] = [];
    const result = await this.db.transaction(async (m) => {
      const r = await recoverCell(m, eventId, { slotId, tableId, freedMeetingId });
      messages = await appendLive(m, eventId, r.changes);
      return r;
    });
    this.live.emit(messages);
    this.log.log(
      `event ${eventId}: freed cell ${slotId}/${tableId} → ${result.proposal.status} (${Date.now() - job.data.requestedAt} ms since the call)`,
    );
    return { status: result.proposal.status, proposalId: result.proposal.id };
  }
}
