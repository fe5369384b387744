import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { ENV, Env } from '@rueda/config';
import { NotifyJobData, nudgeNotifications, QUEUES } from '@rueda/queues';
import { JobProgressMessage, LIVE_NAMESPACE, LiveEmitter, LiveMessage, rooms, roomsFor } from '@rueda/realtime';

/**
 * Workers have no sockets of their own: they publish through Redis in the socket.io adapter's
 * format, and every API node delivers to the clients it holds.
 */
@Injectable()
export class WorkerLiveEmitter implements LiveEmitter, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly nsp: ReturnType<Emitter['of']>;

  constructor(
    @Inject(ENV) env: Env,
    @InjectQueue(QUEUES.notify) private readonly notify: Queue<NotifyJobData>,
  ) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    this.nsp = new Emitter(this.redis, { key: `${env.QUEUE_PREFIX}:socket.io` }).of(LIVE_NAMESPACE);
  }

  emit(messages: LiveMessage[]): void {
    if (messages.length)
      nudgeNotifications(
        this.notify,
        messages.map((m) => m.eventId),
      );
    // Once shut down, clients re-read what they missed from the live log when they reconnect.
    if (this.redis.status === 'end') return;
    for (const msg of messages) this.nsp.to(roomsFor(msg)).emit('live', msg);
  }

  progress(p: JobProgressMessage): void {
    if (this.redis.status === 'end') return;
    this.nsp.to(rooms.staff(p.eventId)).emit('progress', p);
  }

  /** After the processors have stopped (they close in onModuleDestroy), so their last messages go out. */
  onApplicationShutdown() {
    this.redis.disconnect();
  }
}
