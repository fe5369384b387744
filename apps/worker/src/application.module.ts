import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type Clock, deliverAfterCommit, type Dispatcher, systemClock, UseCases, type UnitOfWork } from '@rueda/application';
import { TypeOrmUnitOfWork } from '@rueda/persistence';
import { QUEUES, type QueueName } from '@rueda/queues';
import { WorkerLiveEmitter } from './live/worker-live-emitter';

export const CLOCK = Symbol('CLOCK');
const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];

/**
 * The application layer in the worker: jobs run the same use cases as the API, and what they
 * commit is pushed through Redis to every API node's sockets (the worker has none of its own).
 */
@Global()
@Module({
  // Every queue, so processors, listeners and use cases can enqueue into any of them.
  imports: [BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })))],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    WorkerLiveEmitter,
    {
      provide: UseCases,
      inject: [getDataSourceToken(), WorkerLiveEmitter, CLOCK, ...QUEUE_NAMES.map((q) => getQueueToken(q))],
      useFactory: (db: DataSource, live: WorkerLiveEmitter, clock: Clock, ...queues: Queue[]) => {
        const byName = new Map(QUEUE_NAMES.map((q, i) => [q, queues[i]]));
        const dispatcher: Dispatcher = deliverAfterCommit(
          (messages) => live.emit(messages),
          async (job) => void (await byName.get(job.queue)!.add(job.name, job.data, job.options)),
        );
        const uow: UnitOfWork = new TypeOrmUnitOfWork(db, dispatcher, clock);
        return new UseCases(uow, clock);
      },
    },
  ],
  exports: [BullModule, CLOCK, WorkerLiveEmitter, UseCases],
})
export class WorkerApplicationModule {}
