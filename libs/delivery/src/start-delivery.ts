import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { notifyInBackground, type PushChannel } from '@rueda/persistence';
import { nudgeNotifications, type NotifyJobData, QUEUES, type QueueName } from '@rueda/queues';
import type { LiveMessage } from '@rueda/realtime';
import { OutboxDispatcher } from './outbox-dispatcher';

export interface DeliveryOptions {
  db: DataSource;
  queues: ReadonlyMap<QueueName, Queue>;
  /** Where this process's committed live messages go (an API node's sockets, or the feed to them). */
  live: (messages: LiveMessage[]) => void;
  relayEveryMs: number;
  push: PushChannel;
  log: { warn(msg: string): void };
}

/**
 * A process's after-commit delivery, the same on API nodes and workers: the outbox dispatcher
 * with its relay running and, after every commit, the participants' notices — the notification
 * pipeline nudged (it reads the change log with its own cursor, so a lost nudge delays and never
 * loses a notice) and subscribed phones pushed.
 */
export function startDelivery(o: DeliveryOptions): OutboxDispatcher {
  const dispatcher = new OutboxDispatcher({
    db: o.db,
    queues: o.queues,
    live: o.live,
    relayEveryMs: o.relayEveryMs,
    log: { warn: (obj, msg) => o.log.warn(`${msg} ${JSON.stringify(obj, (_, v: unknown) => (v instanceof Error ? v.message : v))}`) },
  });
  const notify = o.queues.get(QUEUES.notify) as Queue<NotifyJobData>;
  dispatcher.onCommit(({ messages }) => {
    if (!messages.length) return;
    nudgeNotifications(
      notify,
      messages.map((m) => m.eventId),
    );
    notifyInBackground(o.push, messages, (m) => o.log.warn(m));
  });
  dispatcher.start();
  return dispatcher;
}
