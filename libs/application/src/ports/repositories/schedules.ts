import type { Schedule, ScheduleAssignment, ScheduleBounds, ScheduleInstance } from '@rueda/formats';
import type { Cell, DayMeeting } from '../../scheduling/stale-draft';

/** generating → draft → published → superseded; failed when the job gave up. */
export type ScheduleStatus = 'generating' | 'draft' | 'published' | 'superseded' | 'failed';

export interface ScheduleVersionRecord {
  id: string;
  eventId: string;
  number: number;
  status: ScheduleStatus;
  params: Record<string, unknown>;
  stats: Record<string, unknown>;
  bounds: Record<string, unknown>;
  unscheduled: { meeting: string; reason: string }[];
  jobId: string | null;
  /** The event's live sequence when this version was asked for (null: made before it was recorded). */
  liveSeq: number | null;
}

export interface ScheduleRepository {
  /** The event as `rueda.schedule-instance/1`; with keepPublished, published meetings are pinned where they are. */
  loadInstance(
    eventId: string,
    opts: { keepPublished: boolean; now: Date },
  ): Promise<{ instance: ScheduleInstance; pinned: number; leftOut: { meeting: string; reason: string }[] }>;
  find(eventId: string, versionId: string): Promise<ScheduleVersionRecord | null>;
  /** A new version numbered after the event's last one, waiting for its job; it records the event's live sequence. */
  create(eventId: string, params: Record<string, unknown>): Promise<ScheduleVersionRecord>;
  assignments(versionId: string): Promise<ScheduleAssignment[]>;
  /** A version takes a job's schedule: its assignments, figures and proof; status draft. */
  fill(versionId: string, schedule: Schedule): Promise<void>;
  /** The version of this job, if still generating, becomes failed with the reason; whether one did. */
  failJob(jobId: string, error: string): Promise<boolean>;
  /** One meeting's cell in a draft (null: out of the agenda). */
  assign(versionId: string, meetingId: string, to: { slotId: string; tableId: string } | null): Promise<void>;
  /** The figures after a hand edit; with `measured`, the bounds (proof) and the fairness measured again too. */
  saveFigures(
    versionId: string,
    stats: Record<string, unknown>,
    unscheduled: { meeting: string; reason: string }[],
    measured?: { bounds: ScheduleBounds } & Pick<Schedule, 'fairness' | 'idleFairness'>,
  ): Promise<void>;
  /**
   * Makes a draft the agenda, in the caller's transaction: the published version is superseded,
   * meetings it placed go back to accepted, meetings of this version take their cell.
   */
  publish(eventId: string, versionId: string, now: Date, rebase?: { keep: string[]; skip: string[] }): Promise<ScheduleVersionRecord>;
  /** The draft's placements with the meetings they place (pairs and status now). */
  draftPlacements(versionId: string): Promise<(DayMeeting & Cell)[]>;
  /**
   * The day as live changes left it after sequence `afterSeq`: the meetings they touched (as
   * they are now) and the meetings checked in or held.
   */
  liveSince(eventId: string, afterSeq: number): Promise<{ head: number; touched: DayMeeting[]; holding: DayMeeting[] }>;
}
