import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { ENV, Env } from '@rueda/config';
import { PushChannel, vapidKeys, webPushSender, type PushSender } from '@rueda/persistence';
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
  private readonly push: PushChannel;
  private sender?: Promise<PushSender>;

  constructor(
    @Inject(ENV) env: Env,
    @InjectDataSource() db: DataSource,
    @InjectQueue(QUEUES.notify) private readonly notify: Queue<NotifyJobData>,
  ) {
    // Changes made by jobs (a replacement found after a no-show) reach subscribed phones too.
    const subject = env.PUBLIC_URL ?? `mailto:${env.ADMIN_EMAIL ?? 'admin@rueda.invalid'}`;
    this.push = new PushChannel(db, () => (this.sender ??= vapidKeys(db).then((k) => webPushSender(k, subject))));
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
    if (messages.some((m) => m.participants.length))
      this.push
        .notify(messages)
        .catch((e: unknown) => new Logger('push').warn(`push not sent: ${e instanceof Error ? e.message : String(e)}`));
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
