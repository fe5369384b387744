import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ENV, type Env } from '@rueda/config';
import { ExpireRequests, UseCases, WORKER } from '@rueda/application';
import { installPushChannel, PushChannel, pushSubject } from '@rueda/persistence';
import { QUEUES } from '@rueda/queues';
import { workerOptions } from './worker-options';

/** How long before its meeting a participant's phone is reminded. */
export const REMINDER_MINUTES = 5;

/**
 * Housekeeping on a BullMQ schedule: one repeatable job each however many workers run, so
 * requests expire on time even when nobody is looking at them, and every minute the phones of
 * participants whose meeting starts within 5 minutes are reminded (each reminder once).
 */
@Processor(QUEUES.maintenance, workerOptions())
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly log = new Logger(MaintenanceProcessor.name);
  private readonly push: PushChannel;

  constructor(
    @InjectDataSource() db: DataSource,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    @Inject(ENV) env: Env,
    private readonly useCases: UseCases,
  ) {
    super();
    this.push = installPushChannel(db, pushSubject(env));
  }

  async onApplicationBootstrap() {
    await this.queue.upsertJobScheduler('expire-requests', { every: 60_000 }, { name: 'expire-requests' });
    await this.queue.upsertJobScheduler('meeting-reminders', { every: 60_000 }, { name: 'meeting-reminders' });
  }

  async process(job: Job): Promise<{ expired: number } | { reminded: number; sent: number; gone: number; failed: number }> {
    if (job.name === 'meeting-reminders') {
      const r = await this.push.remind({ minutes: REMINDER_MINUTES });
      if (r.reminded) this.log.log(`${job.name}: ${r.reminded} reminded, ${r.sent} sent, ${r.failed} failed`);
      return r;
    }
    const { expired } = await this.useCases.execute(ExpireRequests, WORKER, {});
    if (expired) this.log.log(`${job.name}: ${expired} requests expired`);
    return { expired };
  }
}
