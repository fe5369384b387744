import type { Notice } from './kinds';
import type { EmailContext } from './render';

/**
 * A way of reaching a participant (email, Web Push, ...). The notification pipeline batches a
 * participant's pending notices (one, or a digest of several), checks the participant's
 * preferences, and hands the batch to every channel the participant keeps on. A channel
 * implementation lives at the edge (it talks SMTP, a push service...); see docs/notifications.md.
 */
export interface NotificationChannel {
  /** Stable name, stored with each preference and delivery: 'email', 'push'. */
  readonly name: string;
  deliver(batch: NotificationBatch): Promise<ChannelOutcome>;
}

export interface NotificationBatch {
  eventId: string;
  participantId: string;
  /** Rows of the notifications table this batch delivers (for the channel's own log). */
  notificationIds: string[];
  notices: Notice[];
  /** Everything a template needs: event, branding, the participant's name and links. */
  context: EmailContext;
}

/**
 * What a channel did with a batch. `queued`: accepted for delivery (it tracks the rest itself);
 * `skipped`: nothing to deliver to (no address, no subscription) — with the reason.
 */
export type ChannelOutcome = { status: 'queued' | 'sent' } | { status: 'skipped'; reason: string };
