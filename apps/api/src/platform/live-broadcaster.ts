import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Namespace } from 'socket.io';
import { NotifyJobData, nudgeNotifications, QUEUES } from '@rueda/queues';
import { type LiveEmitter, type LiveMessage, roomsFor } from '@rueda/realtime';
import { PushService } from './push';

/**
 * Pushes committed live messages to the rooms they concern, on this node and (through the
 * socket.io Redis adapter) every other. The gateway hands it the namespace once socket.io
 * is up; before that (or in HTTP-only tests) the log still keeps every message for replay.
 * It also nudges the notification pipeline, which reads the same log (see docs/notifications.md).
 */
@Injectable()
export class LiveBroadcaster implements LiveEmitter {
  private nsp?: Namespace;

  constructor(
    @InjectQueue(QUEUES.notify) private readonly notify: Queue<NotifyJobData>,
    @Optional() private readonly push?: PushService,
  ) {}

  attach(nsp: Namespace): void {
    this.nsp = nsp;
  }

  get namespace(): Namespace | undefined {
    return this.nsp;
  }

  emit(messages: LiveMessage[]): void {
    if (messages.length)
      nudgeNotifications(
        this.notify,
        messages.map((m) => m.eventId),
      );
    // Phones hear of it whether or not this node has sockets.
    this.push?.notify(messages);
    if (!this.nsp) return;
    for (const msg of messages) this.nsp.to(roomsFor(msg)).emit('live', msg);
  }
}
