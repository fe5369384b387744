import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { ENV, Env } from '@rueda/config';
import { JobProgressMessage, LIVE_NAMESPACE, rooms } from '@rueda/realtime';

/**
 * Job progress for the organisers (ephemeral, never logged): workers have no sockets of their
 * own, so they publish through Redis in the socket.io adapter's format and every API node
 * passes it on. Logged live messages take the delivery module's path instead.
 */
@Injectable()
export class WorkerLiveEmitter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly nsp: ReturnType<Emitter['of']>;

  constructor(@Inject(ENV) env: Env) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    this.nsp = new Emitter(this.redis, { key: `${env.QUEUE_PREFIX}:socket.io` }).of(LIVE_NAMESPACE);
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
