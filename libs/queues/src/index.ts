/**
 * Queue contracts shared by the API (producer) and the worker (consumer).
 * Plain types and names only: no BullMQ or Redis import, so both sides and the tests agree
 * on payloads without pulling in a client.
 */

export const QUEUES = {
  matching: 'matching',
  scheduling: 'scheduling',
  maintenance: 'maintenance',
  live: 'live',
  exports: 'exports',
  /** One job per email (jobId `mail-<messageId>`), rate-limited across workers. */
  mail: 'mail',
  /** Invitation campaigns: queue the emails, then report delivery progress. */
  campaigns: 'campaigns',
  /** The notification pipeline: read the change log, batch per participant, remind by date. */
  notify: 'notify',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Score every demand–offer pair of an event at one data version. */
export interface MatchingJobData {
  eventId: string;
  dataVersion: number;
  runId: string;
  top: number;
  /** What the run learns from: "off", or the answered requests it saw (see MatchingService.feedbackKey). */
  feedbackKey?: string;
}

/**
 * One job per event and data version: asking twice for the same data is the same job. A failed
 * run asked for again gets a new job (`retry`: when it was asked), since the queue keeps the
 * failed one under the first id and would take no second job under it.
 */
export const matchingJobId = (eventId: string, dataVersion: number, retry?: number) =>
  `match-${eventId}-v${dataVersion}${retry === undefined ? '' : `-retry-${retry}`}`;
/** The first job id of the run a matching job id belongs to. */
export const matchingRunJobId = (jobId: string) => jobId.replace(/-retry-\d+$/, '');

export interface MatchingProgress {
  phase: 'loading' | 'scoring' | 'saving' | 'done';
  percent: number;
}

/** Build a schedule of the event's accepted and mandatory meetings into a draft version. */
export interface SchedulingJobData {
  eventId: string;
  scheduleVersionId: string;
  seed: number;
  timeLimitMs: number;
  minMeetingsPerGadm: number;
  /** keep-published: meetings of the published version stay pinned; only the rest is re-planned. */
  mode: 'full' | 'keep-published';
  /** Fairness of waits: most difference of idle time between two participants. */
  maxIdleSpread?: number;
}

export interface SchedulingProgress {
  phase: 'loading' | 'solving' | 'saving' | 'done';
  percent: number;
  bestWeight?: number;
  bound?: number;
}

export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Find (and, in automatic mode, apply) the best replacement for a freed table and slot. */
export interface RecoveryJobData {
  eventId: string;
  slotId: string;
  tableId: string;
  freedMeetingId: string | null;
  /** When the freeing call arrived (ms since epoch), to measure the whole loop. */
  requestedAt: number;
}

/** Build a file of an event on a worker (the book of all agendas) into its export_files row. */
export interface ExportJobData {
  eventId: string;
  /** export_files.id, also the BullMQ job id. */
  exportId: string;
  kind: 'agendas';
  /** Only GADMs or only cooperants; both when absent. */
  participantKind?: 'gadm' | 'cooperant';
  /** Participants without meetings still get a page (default true). */
  includeEmpty?: boolean;
}

export interface ExportProgress {
  phase: 'queued' | 'loading' | 'rendering' | 'saving' | 'done';
  percent: number;
  /** Agendas drawn so far, of how many. */
  done?: number;
  total?: number;
}

export interface MailJobData {
  /** email_messages.id */
  messageId: string;
}

export const mailJobId = (messageId: string) => `mail-${messageId}`;

/**
 * Transient SMTP trouble (server down, 4xx) is retried for about three hours with growing
 * pauses; a permanent refusal (5xx) is not retried. The delays are BullMQ's exponential
 * backoff capped by the worker (see MAIL_BACKOFF_CAP_MS).
 */
export const MAIL_JOB_OPTIONS = {
  attempts: 20,
  backoff: { type: 'mail' as const },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
export const MAIL_BACKOFF_BASE_MS = 2000;
export const MAIL_BACKOFF_CAP_MS = 10 * 60_000;

/** The delay before retry `attemptsMade` (1-based): 2 s, 4 s, 8 s … at most 10 min. */
export function mailBackoff(attemptsMade: number): number {
  return Math.min(MAIL_BACKOFF_CAP_MS, MAIL_BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
}

export interface CampaignJobData {
  eventId: string;
  campaignId: string;
}

export interface CampaignProgress {
  phase: 'queueing' | 'sending' | 'done';
  percent: number;
  total: number;
  /** Messages by status: queued, held, retrying, delivered, bounced, failed. */
  counts: Record<string, number>;
}

export type NotifyJobData =
  /** Read an event's change log past its cursor and turn it into notices. */
  | { kind: 'scan'; eventId: string }
  /** Send what is due: one email (or digest) per participant whose oldest notice waited the window. */
  | { kind: 'dispatch'; eventId: string }
  /** Housekeeping: every event's log, due reminders, stale notices and emails. */
  | { kind: 'sweep' };

/** Anything that can add a job (a BullMQ queue), so libraries need no BullMQ import. */
export interface JobAdder<T> {
  add(
    name: string,
    data: T,
    opts?: { jobId?: string; delay?: number; removeOnComplete?: boolean; removeOnFail?: number },
  ): Promise<unknown>;
}

/**
 * Called after a transaction that appended to the change log has committed: asks the
 * notification pipeline to read it. Best effort — the periodic sweep reads whatever a lost
 * nudge left behind, so nothing depends on this call succeeding.
 */
export function nudgeNotifications(queue: JobAdder<NotifyJobData>, eventIds: Iterable<string>, nowMs = Date.now()): void {
  // One scan per event and quarter second, run once that quarter is over, reads every commit of
  // it: on the day, each no-show and each recovery commits, and a scan per commit (50 a second
  // at 25 no-shows a second) competed with the recovery jobs for the worker and the database.
  // Notices wait the digest window anyway. (Elapsed time, not a business time: the machine's clock.)
  const bucket = Math.floor(nowMs / SCAN_EVERY_MS);
  for (const eventId of new Set(eventIds)) {
    queue
      .add(
        'scan',
        { kind: 'scan', eventId },
        { jobId: `scan-${eventId}-${bucket}`, delay: SCAN_EVERY_MS, removeOnComplete: true, removeOnFail: 100 },
      )
      .catch(() => undefined);
  }
}

/** How often, at most, the notification pipeline reads an event's change log after commits. */
export const SCAN_EVERY_MS = 250;
