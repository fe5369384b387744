import type { MeetingStatus } from '@rueda/domain';
import type { CommitmentStage, ReviewDue } from '@rueda/reporting';

/** A contact one side names in its outcome (stored as jsonb in the outcome's row). */
export interface OutcomeContact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

/** One side's outcome of a meeting, as use cases read and write it. */
export interface OutcomeRecord {
  id: string;
  eventId: string;
  meetingId: string;
  side: 'a' | 'b';
  participantId: string;
  interest: number;
  nextSteps: string[];
  amountUsd: number | null;
  contacts: OutcomeContact[];
  notes: string;
  nextContactDate: string | null;
  targetDate: string | null;
  filledBy: 'participant' | 'staff';
  filledByUserId: string | null;
  version: number;
}

/** What an outcome is checked against: the meeting's pair and state, and its day in the event's zone. */
export interface OutcomeMeeting {
  id: string;
  status: MeetingStatus;
  participantAId: string;
  participantBId: string;
  startsAt: Date | null;
  timeZone: string;
}

/** One step of a commitment's history (stored as jsonb in the commitment's row). */
export interface CommitmentStageChange {
  stage: CommitmentStage;
  /** Day the stage was reached (YYYY-MM-DD), as the organiser states it. */
  date: string;
  /** When it was recorded. */
  recordedAt: string;
  amountUsd: number | null;
  note?: string;
  userId?: string | null;
}

/** A commitment born in a held meeting, with its reviews and the dated history of its stages. */
export interface CommitmentRecord {
  id: string;
  eventId: string;
  meetingId: string;
  title: string;
  description: string;
  nextStep: string | null;
  stage: CommitmentStage;
  stageDate: string;
  amountUsd: number | null;
  baseDate: string;
  reviews: ReviewDue[];
  history: CommitmentStageChange[];
  version: number;
}

export type NewCommitment = Omit<CommitmentRecord, 'id' | 'version'>;

/** The meeting a commitment follows: its state and its day (null: not placed) in the event's zone. */
export interface CommitmentMeeting {
  status: MeetingStatus;
  day: string | null;
  timeZone: string;
}

/** Outcomes and commitments: what the follow-up use cases read and write. */
export interface OutcomeRepository {
  /** The meeting, row-locked (outcomes of one meeting are written one at a time); null when not of the event. */
  lockMeeting(eventId: string, meetingId: string): Promise<OutcomeMeeting | null>;
  /** One side's outcome, row-locked; null before it is first filled. */
  lockOutcome(meetingId: string, side: 'a' | 'b'): Promise<OutcomeRecord | null>;
  /** An outcome not saved yet. */
  draftOutcome(values: Pick<OutcomeRecord, 'eventId' | 'meetingId' | 'side' | 'participantId'>): OutcomeRecord;
  saveOutcome<O extends OutcomeRecord>(outcome: O): Promise<O>;
  commitmentMeeting(eventId: string, meetingId: string): Promise<CommitmentMeeting | null>;
  /** The event's last day (its sessions', else its slots'), where the reviews count from. */
  eventEndDate(eventId: string): Promise<string | null>;
  lockCommitment(eventId: string, commitmentId: string): Promise<CommitmentRecord | null>;
  draftCommitment(values: NewCommitment): CommitmentRecord;
  saveCommitment<C extends CommitmentRecord>(commitment: C): Promise<C>;
}
