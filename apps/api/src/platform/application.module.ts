import { getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type Clock, deliverAfterCommit, type Dispatcher, systemClock, UseCases, type UnitOfWork } from '@rueda/application';
import { TypeOrmUnitOfWork } from '@rueda/persistence';
import { QUEUES, type QueueName } from '@rueda/queues';
import { LiveBroadcaster } from './live-broadcaster';
import { InstallSecrets } from './install-secrets';
import { PushService } from './push';
import { SocketRevocation } from './socket-revocation';

export const CLOCK = Symbol('CLOCK');
export const DISPATCHER = Symbol('DISPATCHER');
export const UNIT_OF_WORK = Symbol('UNIT_OF_WORK');

const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];

/**
 * The application layer wired to its adapters: the system clock, the TypeORM unit of work,
 * and the dispatcher that pushes live messages and enqueues jobs after commit.
 */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    LiveBroadcaster,
    SocketRevocation,
    InstallSecrets,
    PushService,
    {
      provide: DISPATCHER,
      inject: [LiveBroadcaster, ...QUEUE_NAMES.map((q) => getQueueToken(q))],
      useFactory: (live: LiveBroadcaster, ...queues: Queue[]): Dispatcher => {
        const byName = new Map(QUEUE_NAMES.map((q, i) => [q, queues[i]]));
        return deliverAfterCommit(
          (messages) => live.emit(messages),
          async (job) => void (await byName.get(job.queue)!.add(job.name, job.data, job.options)),
        );
      },
    },
    {
      provide: UNIT_OF_WORK,
      inject: [getDataSourceToken(), DISPATCHER, CLOCK],
      useFactory: (db: DataSource, dispatcher: Dispatcher, clock: Clock): UnitOfWork => new TypeOrmUnitOfWork(db, dispatcher, clock),
    },
    { provide: UseCases, inject: [UNIT_OF_WORK, CLOCK], useFactory: (uow: UnitOfWork, clock: Clock) => new UseCases(uow, clock) },
  ],
  exports: [CLOCK, LiveBroadcaster, SocketRevocation, InstallSecrets, PushService, DISPATCHER, UNIT_OF_WORK, UseCases],
})
export class ApplicationModule {}
