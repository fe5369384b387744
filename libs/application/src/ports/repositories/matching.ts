export type MatchRunStatus = 'queued' | 'running' | 'done' | 'failed';
export type PairOverrideMode = 'pin' | 'block';

/** One scoring of an event's data at one data version (one run per version). */
export interface MatchRunRecord {
  id: string;
  eventId: string;
  dataVersion: number;
  status: MatchRunStatus;
  progress: number;
  stats: Record<string, unknown>;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Matching runs and the organisers' pins and blocks of demand–offer pairs. */
export interface MatchingRepository {
  /**
   * The event's data version and whether it learns from answered requests, its row locked until
   * commit (two starts of one event queue up instead of racing); null when there is no such event.
   */
  lockForRun(eventId: string): Promise<{ dataVersion: number; learnFromRequests: boolean } | null>;
  /** What a run of the event would reflect besides the data (see `matchFeedbackKey` in persistence). */
  feedbackKey(eventId: string, learnFromRequests: boolean): Promise<string>;
  runAt(eventId: string, dataVersion: number): Promise<MatchRunRecord | null>;
  /** The event's data version plus one (a new run history entry for the same data). */
  bumpDataVersion(eventId: string): Promise<number>;
  /** The run of that data version, created queued when there is none. */
  ensureRun(eventId: string, dataVersion: number): Promise<MatchRunRecord>;
  /** A failed run waits for its job again: queued, no error, no progress. */
  requeue(runId: string): Promise<MatchRunRecord>;
  /** Whether the demand and the offer belong to the event. */
  pairInEvent(eventId: string, demandId: string, offerId: string): Promise<{ demand: boolean; offer: boolean }>;
  setOverride(eventId: string, demandId: string, offerId: string, mode: PairOverrideMode): Promise<void>;
  clearOverride(eventId: string, demandId: string, offerId: string): Promise<void>;
}
