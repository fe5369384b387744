import type { Queue } from 'bullmq';
import { notifyInBackground, type PushChannel } from '@rueda/persistence';
import { type NotifyJobData, nudgeNotifications } from '@rueda/queues';
import type { OutboxDispatcher } from './outbox-dispatcher';

/**
 * After every commit, on whichever process committed it: the notification pipeline is nudged
 * (it reads the change log with its own cursor, so a lost nudge delays and never loses a notice)
 * and subscribed phones get their push.
 */
export function noticeParticipantsAfterCommit(
  dispatcher: OutboxDispatcher,
  notify: Queue<NotifyJobData>,
  push: PushChannel,
  warn: (msg: string) => void,
): void {
  dispatcher.onCommit(({ messages }) => {
    if (!messages.length) return;
    nudgeNotifications(
      notify,
      messages.map((m) => m.eventId),
    );
    notifyInBackground(push, messages, warn);
  });
}
