import { Injectable, Optional } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { type LiveEmitter, type LiveMessage, roomsFor } from '@rueda/realtime';
import { PushService } from './push';

/**
 * Pushes committed live messages to the rooms they concern, on this node and (through the
 * socket.io Redis adapter) every other. The gateway hands it the namespace once socket.io
 * is up; before that (or in HTTP-only tests) the log still keeps every message for replay.
 */
@Injectable()
export class LiveBroadcaster implements LiveEmitter {
  private nsp?: Namespace;

  constructor(@Optional() private readonly push?: PushService) {}

  attach(nsp: Namespace): void {
    this.nsp = nsp;
  }

  get namespace(): Namespace | undefined {
    return this.nsp;
  }

  emit(messages: LiveMessage[]): void {
    // Phones hear of it whether or not this node has sockets.
    this.push?.notify(messages);
    if (!this.nsp) return;
    for (const msg of messages) this.nsp.to(roomsFor(msg)).emit('live', msg);
  }
}
