import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type Clock, UseCases, type UnitOfWork } from '@rueda/application';
import { ENV, type Env } from '@rueda/config';
import { LiveFeed, OutboxDispatcher, startDelivery } from '@rueda/delivery';
import { installPushChannel, LinkKeys, pushSubject, TypeOrmUnitOfWork } from '@rueda/persistence';
import { QUEUES, type QueueName } from '@rueda/queues';
import { WorkerLiveEmitter } from './live/worker-live-emitter';
import { CLOCK, clockProvider } from './clock';

const DISPATCHER = Symbol('DISPATCHER');
const LIVE_FEED = Symbol('LIVE_FEED');
const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];

@Injectable()
class DeliveryShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(DISPATCHER) private readonly dispatcher: OutboxDispatcher,
    @Inject(LIVE_FEED) private readonly feed: LiveFeed,
  ) {}

  /** After the processors stopped (they close in onModuleDestroy), so their last deliveries go out. */
  async onApplicationShutdown() {
    await this.dispatcher.stop();
    this.feed.close();
  }
}

/**
 * The application layer in the worker: jobs run the same use cases through the same unit of
 * work as the API. What they log is published to every API node over the Redis feed (the nodes
 * catch up from the log if it is lost; the worker has no sockets of its own), and the jobs they
 * ask for go through the outbox.
 */
@Global()
@Module({
  // Every queue, so processors, listeners and use cases can enqueue into any of them.
  imports: [BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })))],
  providers: [
    clockProvider,
    WorkerLiveEmitter,
    { provide: LIVE_FEED, inject: [ENV], useFactory: (env: Env) => new LiveFeed(env.REDIS_URL, env.QUEUE_PREFIX) },
    {
      provide: DISPATCHER,
      inject: [getDataSourceToken(), LIVE_FEED, ENV, ...QUEUE_NAMES.map((q) => getQueueToken(q))],
      useFactory: (db: DataSource, feed: LiveFeed, env: Env, ...queues: Queue[]): OutboxDispatcher => {
        const log = new Logger('Delivery');
        return startDelivery({
          db,
          queues: new Map(QUEUE_NAMES.map((q, i) => [q, queues[i]])),
          live: (messages) => feed.publish(messages),
          relayEveryMs: env.OUTBOX_RELAY_MS,
          // Phones and mailboxes hear of a committed change whether or not this process holds sockets.
          push: installPushChannel(db, pushSubject(env)),
          log: { warn: (m) => log.warn(m) },
        });
      },
    },
    DeliveryShutdown,
    // The process's one link key: read once (on the pool), shared by the unit of work, mail and notices.
    {
      provide: LinkKeys,
      inject: [getDataSourceToken(), ENV],
      useFactory: (db: DataSource, env: Env) => new LinkKeys(() => db.manager, env.LINK_SECRET),
    },
    {
      provide: UseCases,
      inject: [getDataSourceToken(), DISPATCHER, CLOCK, LinkKeys],
      useFactory: (db: DataSource, dispatcher: OutboxDispatcher, clock: Clock, linkKeys: LinkKeys) => {
        const uow: UnitOfWork = new TypeOrmUnitOfWork(db, dispatcher, clock, { linkKeys });
        return new UseCases(uow, clock);
      },
    },
  ],
  exports: [BullModule, CLOCK, WorkerLiveEmitter, LinkKeys, UseCases],
})
export class WorkerApplicationModule {}
