import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { ENV, Env } from '@rueda/config';
import { JobProgressMessage, LIVE_NAMESPACE, LiveEmitter, LiveMessage, rooms, roomsFor } from '@rueda/realtime';

/**
 * Workers have no sockets of their own: they publish through Redis in the socket.io adapter's
 * format, and every API node delivers to the clients it holds.
 */
@Injectable()
export class WorkerLiveEmitter implements LiveEmitter, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly nsp: ReturnType<Emitter['of']>;

  constructor(@Inject(ENV) env: Env) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    this.nsp = new Emitter(this.redis, { key: `${env.QUEUE_PREFIX}:socket.io` }).of(LIVE_NAMESPACE);
  }

  emit(messages: LiveMessage[]): void {
    for (const msg of messages) this.nsp.to(roomsFor(msg)).emit('live', msg);
  }

  progress(p: JobProgressMessage): void {
    this.nsp.to(rooms.staff(p.eventId)).emit('progress', p);
  }

  onModuleDestroy() {
    this.redis.disconnect();
  }
}
