import type { Addressed, Notice } from '@rueda/notifications';

/** The channels a participant keeps on (no row: all on). */
export interface NotificationPrefs {
  email: boolean;
  push: boolean;
}

/** One thing a participant was told, and what each channel did with it. */
export interface NotificationRecord {
  id: string;
  kind: string;
  notice: { kind: string } & Record<string, unknown>;
  status: 'pending' | 'sent' | 'skipped';
  channels: Record<string, string>;
  createdAt: Date;
  sentAt: Date | null;
}

/** An email the use case asks to be sent (the mail worker renders it from its kind and what it refers to). */
export interface OutgoingEmail {
  eventId: string;
  participantId?: string;
  registrationId?: string;
  kind: 'invitation' | 'registration';
  to: string[];
}

/** Where an email stands: queued for its job, held (no mail server), retrying, or a final outcome. */
export type MailStatus = 'queued' | 'held' | 'retrying' | 'delivered' | 'bounced' | 'failed';

/** A participant's due notices, taken together (one email, one push), and what email did with them. */
export interface DispatchedBatch {
  participantId: string;
  notificationIds: string[];
  notices: Notice[];
  /** The email carrying the batch, or null with the reason it was not emailed. */
  emailMessageId: string | null;
  emailSkipped?: string;
  pushEnabled: boolean;
}

export interface NotificationRepository {
  /** The participant's channels (all on when it never chose). */
  prefs(participantId: string): Promise<NotificationPrefs>;
  savePrefs(eventId: string, participantId: string, prefs: NotificationPrefs): Promise<void>;
  /** One browser's subscription (its endpoint is unique: a browser that subscribes again takes it over). */
  savePushSubscription(eventId: string, participantId: string, s: { endpoint: string; p256dh: string; auth: string }): Promise<void>;
  dropPushSubscription(participantId: string, endpoint: string): Promise<void>;
  /** Notices to send (a dedupe key already used for the participant is skipped); how many were new. */
  insertNotices(eventId: string, notices: Addressed[]): Promise<number>;
  /** An email to send (queued; the mail job sends it): its id. */
  insertEmail(e: OutgoingEmail): Promise<string>;
  /**
   * One attempt's outcome on an email whose status is not one of `final`; whether it was.
   * `attempted` counts the attempt (in the database, so two attempts never count one).
   */
  recordMailAttempt(
    messageId: string,
    final: MailStatus[],
    outcome: {
      status: MailStatus;
      attempted: boolean;
      subject?: string;
      smtpMessageId?: string | null;
      accepted?: string[];
      rejected?: string[];
      lastError?: string | null;
      sentAt?: Date;
    },
  ): Promise<boolean>;
  /** A page of the event's change log past its cursor, made notices; the cursor moved. */
  scanChangeLog(eventId: string): Promise<{ read: number; inserted: number; lastSeq: number; more: boolean }>;
  /** The due batches claimed, their emails recorded and their notices marked sent. */
  dispatchDue(eventId: string, now: Date, windowMs: number): Promise<DispatchedBatch[]>;
  /** Reminders due at `now` stored as notices: how many. */
  storeDueReminders(eventId: string, now: Date): Promise<number>;
  recordChannelOutcome(notificationIds: string[], channel: string, outcome: string): Promise<void>;
  /** Held emails queued again: their ids. */
  requeueHeldMail(): Promise<string[]>;
  /** The newest first. */
  recent(participantId: string, limit: number): Promise<NotificationRecord[]>;
}
