import { Injectable } from '@nestjs/common';
import type { NotificationChannel } from '@rueda/notifications';

/**
 * Channels besides email (which the pipeline records in the same transaction as the batch).
 * A channel module registers itself here when it starts, e.g. Web Push:
 *
 *   constructor(channels: NotificationChannels) { channels.register(this); }
 *
 * and gets every batch of a participant who keeps that channel on. See docs/notifications.md.
 */
@Injectable()
export class NotificationChannels {
  private readonly channels = new Map<string, NotificationChannel>();

  register(channel: NotificationChannel): void {
    this.channels.set(channel.name, channel);
  }

  list(): NotificationChannel[] {
    return [...this.channels.values()];
  }
}
