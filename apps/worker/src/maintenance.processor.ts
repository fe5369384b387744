import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { expireRequests } from '@rueda/persistence';
import { QUEUES } from '@rueda/queues';
import { workerOptions } from './worker-options';

/**
 * Housekeeping on a BullMQ schedule: one repeatable job however many workers run,
 * so requests expire on time even when nobody is looking at them.
 */
@Processor(QUEUES.maintenance, workerOptions())
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly log = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    await this.queue.upsertJobScheduler('expire-requests', { every: 60_000 }, { name: 'expire-requests' });
  }

  async process(job: Job): Promise<{ expired: number }> {
    const expired = await expireRequests(this.db.manager);
    if (expired) this.log.log(`${job.name}: ${expired} requests expired`);
    return { expired };
  }
}
