import type { Schemas } from './api';

/** Input of a session (the form's shape); what the API answers is `Schemas['Session']`. */
export interface Session {
  id?: string;
  label: string;
  day: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  gapMinutes: number;
  breaks: { start: string; end: string; label?: string }[];
}
export type EventRec = Schemas['Event'];
export type Slot = Schemas['Slot'];
export type TableRec = Schemas['Table'];
export type Participant = Schemas['Participant'];
export type Delegate = Schemas['Delegate'];
export interface Meeting {
  id: string;
  participantAId: string;
  participantBId: string;
  demandId?: string | null;
  offerId?: string | null;
  origin: string;
  status: string;
  weight: number;
  mandatory: boolean;
  note: string;
  slotId: string | null;
  tableId: string | null;
  version: number;
  createdAt: string;
  expiresAt?: string | null;
  /** A hybrid meeting's own video-call link. */
  videoUrl?: string | null;
  /** The meeting's window: the only slots it may take (null = any). */
  allowedSlotIds?: string[] | null;
}
export type MatchRow = Schemas['MatchRow'];
export interface MatchRun {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stats: Record<string, unknown>;
  error: string | null;
  stale?: boolean;
  finishedAt?: string | null;
  dataVersion: number;
}
export interface Fairness {
  gadms?: number;
  gadmsWithRequests?: number;
  gadmsWithRequestsAndNoMeeting?: number;
  min?: number;
  max?: number;
  mean?: number;
  minAmongRequesting?: number;
  histogram?: Record<string, number>;
  /** How idle time falls on participants (the fairness of waits). */
  idle?: IdleFairness;
}
export type IdleMeasure = 'holes' | 'breaks';
export interface IdleFairness {
  measure: IdleMeasure;
  spread: number;
  max: number;
  histogram: Record<string, number>;
}
export interface Participation {
  metric: 'held' | 'scheduled';
  rows: { key: string; label: { es: string; en: string }; value: number }[];
}

export interface ScheduleVersion {
  id: string;
  number: number;
  status: 'generating' | 'draft' | 'published' | 'superseded' | 'failed';
  stats: { scheduled?: number; weight?: number; holes?: number; breaks?: number; editedByHand?: boolean; [k: string]: unknown };
  bounds: {
    weightUpperBound?: number;
    holesLowerBound?: number;
    idleMeasure?: IdleMeasure;
    idleLowerBound?: number;
    idleGap?: number;
    /** Weight at its bound and idle time at its proven minimum: the proven lexicographic optimum. */
    optimal?: boolean;
    [k: string]: unknown;
  };
  quality?: { weight: number; bound: number; ratio: number; gapPercent: number } | null;
  unscheduled?: { meeting: string; reason: string; participants: string[] }[];
  fairness?: Fairness;
  /** GADM figures by the shared definitions (libs/reporting participation), labelled by the server. */
  participation?: Participation | null;
  progress?: { phase: string; percent: number; bestWeight?: number; bound?: number } | null;
  params?: Record<string, unknown>;
  error?: string | null;
  createdAt: string;
  publishedAt?: string | null;
}
export interface Assignment {
  meetingId: string;
  slotId: string;
  slot: string;
  startsAt: string;
  endsAt: string;
  tableId: string;
  table: number;
  participantAId: string;
  participantA: string;
  participantBId: string;
  participantB: string;
  weight: number;
  mandatory: boolean;
}
export interface ImportReport {
  mode: string;
  rowsRead: number;
  valid: number;
  errors: number;
  /** Data rows with at least one error. */
  errorRows: number;
  warnings: number;
  insert: number;
  update: number;
  committed: boolean;
  issues: {
    row: number;
    column: string | null;
    code: string;
    severity: 'error' | 'warning';
    message: { es: string; en: string };
    value?: string;
  }[];
}
export interface ProposalRow {
  id: string;
  slotId: string;
  tableId: string;
  freedMeetingId: string | null;
  status: 'proposed' | 'applied' | 'rejected' | 'expired' | 'accepted';
  mode: 'automatic' | 'confirm';
  resultMeetingId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  proposal: {
    kind?: 'fill' | 'move';
    meeting?: { a: string; b: string; meetingId?: string; source: string };
    score?: number;
    disruption?: number;
    requiresConfirmation?: boolean;
    reason?: { es: string; en: string } | string;
    moves?: { meetingId: string }[];
    none?: boolean;
  };
}
export type LiveMeetingRef = Pick<Meeting, 'id' | 'status' | 'participantAId' | 'participantBId' | 'slotId' | 'tableId' | 'version'>;
