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

/** One stored match of a run: an offer for a demand, with its rank, score and reasons. */
export interface MatchResultRow {
  demandId: string;
  offerId: string;
  rank: number;
  score: number;
  reasons: { kind: string; detail: string; detailEn?: string }[];
}

/** One of a participant's best counterparts in a run, over all its demands or offers. */
export interface MatchCounterpartRow {
  participantId: string;
  counterpartId: string;
  rank: number;
  score: number;
  promoted: boolean;
  pairs: { demand: string; offer: string; score: number }[];
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
  /** The run's status, its row locked until commit (null: no such run). */
  lockRun(runId: string): Promise<MatchRunStatus | null>;
  /** Changes a run whose status is one of `open`; whether it did. */
  updateOpenRun(
    runId: string,
    open: MatchRunStatus[],
    patch: { status: MatchRunStatus; progress: number; finishedAt?: Date; error?: string | null; stats?: Record<string, unknown> },
  ): Promise<boolean>;
  /** The run's stored results and counterparts, replaced. */
  saveResults(runId: string, results: MatchResultRow[], counterparts: MatchCounterpartRow[]): Promise<void>;
  /** The run of a matching job (a retry's job names the same run), failed if its status is one of `open`; whether it was. */
  failRunOfJob(jobId: string, open: MatchRunStatus[], error: string, now: Date): Promise<boolean>;
  setOverride(eventId: string, demandId: string, offerId: string, mode: PairOverrideMode): Promise<void>;
  clearOverride(eventId: string, demandId: string, offerId: string): Promise<void>;
}
