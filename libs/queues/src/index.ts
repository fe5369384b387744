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

/** One job per event and data version: asking twice for the same data is the same job. */
export const matchingJobId = (eventId: string, dataVersion: number) => `match-${eventId}-v${dataVersion}`;

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
