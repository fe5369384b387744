import { getQueueToken } from '@nestjs/bullmq';
import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type Clock, systemClock, UseCases, type UnitOfWork } from '@rueda/application';
import { ENV, type Env } from '@rueda/config';
import { LiveFeed, OutboxDispatcher, startDelivery } from '@rueda/delivery';
import { LinkKeys, TypeOrmUnitOfWork } from '@rueda/persistence';
import { QUEUES, type QueueName } from '@rueda/queues';
import { InstallSecrets } from './install-secrets';
import { LIVE_FEED, LiveHub } from './live-hub';
import { PushService } from './push';
import { SocketRevocation } from './socket-revocation';

export const CLOCK = Symbol('CLOCK');
export const DISPATCHER = Symbol('DISPATCHER');
export const UNIT_OF_WORK = Symbol('UNIT_OF_WORK');

const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];

@Injectable()
class DeliveryShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(DISPATCHER) private readonly dispatcher: OutboxDispatcher,
    @Inject(LIVE_FEED) private readonly feed: LiveFeed,
  ) {}

  async onApplicationShutdown() {
    await this.dispatcher.stop();
    this.feed.close();
  }
}

/**
 * The application layer wired to its adapters: the system clock, the TypeORM unit of work, and
 * the outbox dispatcher that delivers after commit (live messages through this node's LiveHub
 * and the Redis feed, jobs to their queues, retried by the relay until delivered).
 */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: LIVE_FEED, inject: [ENV], useFactory: (env: Env) => new LiveFeed(env.REDIS_URL, env.QUEUE_PREFIX) },
    LiveHub,
    SocketRevocation,
    InstallSecrets,
    PushService,
    {
      provide: DISPATCHER,
      inject: [getDataSourceToken(), LiveHub, PushService, ENV, ...QUEUE_NAMES.map((q) => getQueueToken(q))],
      useFactory: (db: DataSource, hub: LiveHub, push: PushService, env: Env, ...queues: Queue[]): OutboxDispatcher => {
        const log = new Logger('Delivery');
        return startDelivery({
          db,
          queues: new Map(QUEUE_NAMES.map((q, i) => [q, queues[i]])),
          live: (messages) => hub.committed(messages),
          relayEveryMs: env.OUTBOX_RELAY_MS,
          // Phones and mailboxes hear of a committed change whether or not this process holds sockets.
          push: push.channel,
          log: { warn: (m) => log.warn(m) },
        });
      },
    },
    DeliveryShutdown,
    // The process's one link key: read once (on the pool), shared by the unit of work and the invitations.
    {
      provide: LinkKeys,
      inject: [getDataSourceToken(), ENV],
      useFactory: (db: DataSource, env: Env) => new LinkKeys(() => db.manager, env.LINK_SECRET),
    },
    {
      provide: UNIT_OF_WORK,
      inject: [getDataSourceToken(), DISPATCHER, CLOCK, LinkKeys],
      useFactory: (db: DataSource, dispatcher: OutboxDispatcher, clock: Clock, linkKeys: LinkKeys): UnitOfWork =>
        new TypeOrmUnitOfWork(db, dispatcher, clock, { linkKeys }),
    },
    { provide: UseCases, inject: [UNIT_OF_WORK, CLOCK], useFactory: (uow: UnitOfWork, clock: Clock) => new UseCases(uow, clock) },
  ],
  exports: [CLOCK, LIVE_FEED, LiveHub, SocketRevocation, InstallSecrets, PushService, DISPATCHER, LinkKeys, UNIT_OF_WORK, UseCases],
})
export class ApplicationModule {}
