import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { LiveMessage } from '@rueda/realtime';

interface FeedPacket {
  node: string;
  messages: LiveMessage[];
}

/**
 * Committed live messages between processes: whoever commits (an API node, a worker) publishes
 * them on one Redis channel and every API node delivers them to its own sockets. Redis is only
 * a fast path: a publish lost while Redis is away is read back from the log by each node (at
 * once when its subscription comes back, and by its periodic check), so nothing depends on it.
 */
export class LiveFeed {
  readonly node = randomUUID();
  private readonly channel: string;
  private readonly pub: Redis;
  private sub?: Redis;

  constructor(
    private readonly redisUrl: string,
    prefix: string,
  ) {
    this.channel = `${prefix}:live:committed`;
    // Fail fast while Redis is away instead of queueing: the log is the backlog.
    this.pub = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: false });
    this.pub.on('error', () => undefined);
  }

  publish(messages: LiveMessage[]): void {
    if (!messages.length || this.pub.status !== 'ready') return;
    this.pub.publish(this.channel, JSON.stringify({ node: this.node, messages } satisfies FeedPacket)).catch(() => undefined);
  }

  /**
   * Receives what other processes committed; `onReady` runs every time the subscription is
   * (re)established, so the caller can read back what it may have missed meanwhile.
   */
  subscribe(onMessages: (messages: LiveMessage[]) => void, onReady: () => void): void {
    if (this.sub) return;
    const sub = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    this.sub = sub;
    sub.on('error', () => undefined);
    sub.on('ready', onReady);
    sub.on('message', (_channel: string, raw: string) => {
      let packet: FeedPacket;
      try {
        packet = JSON.parse(raw) as FeedPacket;
      } catch {
        return;
      }
      if (packet.node !== this.node) onMessages(packet.messages);
    });
    void sub.subscribe(this.channel).catch(() => undefined);
  }

  close(): void {
    this.pub.disconnect();
    this.sub?.disconnect();
  }
}
