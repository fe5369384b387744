import { addMonths, type FieldProblem, fieldProblem, localDay, type MeetingStatus, REVIEW_MONTHS } from '@rueda/domain';
import { COMMITMENT_STAGES, type CommitmentStage } from './model';

/**
 * The follow-up of meetings as plain rules: who may file an outcome of a meeting in which
 * state, and how a commitment moves through its stages and reviews. The use cases in
 * libs/application apply them; nothing here reads a clock or a database.
 */

const TERMINAL: readonly CommitmentStage[] = ['closed', 'dropped'];
const order = (s: CommitmentStage) => COMMITMENT_STAGES.indexOf(s);

/**
 * Forward only along identified → negotiation → signed → execution → closed (skipping is
 * allowed: a commitment can be found already signed), or to dropped from any open stage.
 */
export function canAdvance(from: CommitmentStage, to: CommitmentStage): boolean {
  if (TERMINAL.includes(from)) return false;
  if (to === 'dropped') return true;
  return order(to) > order(from);
}

export interface ReviewDue {
  /** 3, 6 or 12 months after the event. */
  months: number;
  dueDate: string;
  reviewedOn: string | null;
  stage: CommitmentStage | null;
  note: string;
}

/** The 3-, 6- and 12-month reviews of a commitment, counted from the event's last day. */
export const reviewsFrom = (baseDate: string): ReviewDue[] =>
  REVIEW_MONTHS.map((months) => ({ months, dueDate: addMonths(baseDate, months), reviewedOn: null, stage: null, note: '' }));

/** Dates in order: a stage or review day cannot precede what it follows (the meeting, the previous stage, the event). */
export function dateIssues(field: string, date: string, notBefore: string | null, whatEs: string, whatEn: string): FieldProblem[] {
  if (notBefore && date < notBefore)
    return [fieldProblem(field, `No puede ser anterior a ${whatEs} (${notBefore})`, `Cannot be before ${whatEn} (${notBefore})`)];
  return [];
}

/**
 * Without a date, the day of `now` in the event's time zone, but never before what it follows:
 * a meeting recorded ahead of its day (a rehearsal, a late clock) still takes a commitment.
 */
export function defaultDay(now: Date, timeZone: string, notBefore: string | null): string {
  const today = localDay(now, timeZone);
  return notBefore && notBefore > today ? notBefore : today;
}

/** Which side of a meeting a participant is on; null when it is not one of the two. */
export function sideOf(meeting: { participantAId: string; participantBId: string }, participantId: string): 'a' | 'b' | null {
  if (meeting.participantAId === participantId) return 'a';
  if (meeting.participantBId === participantId) return 'b';
  return null;
}

/** Organisers may type in a paper form before the table staff marked the meeting held. */
const STAFF_STATUSES: readonly MeetingStatus[] = ['scheduled', 'checked_in', 'held'];

/** A participant files its outcome once the meeting is held; an organiser, from when it is scheduled. */
export const outcomeOpen = (status: MeetingStatus, filledBy: 'participant' | 'staff'): boolean =>
  filledBy === 'participant' ? status === 'held' : STAFF_STATUSES.includes(status);

/** Follow-up dates of an outcome cannot precede the meeting they follow (its day in the event's zone). */
export function outcomeDateIssues(
  meeting: { startsAt: Date | null; timeZone: string },
  input: { nextContactDate?: string | null; targetDate?: string | null },
): FieldProblem[] {
  if (!meeting.startsAt) return [];
  const day = localDay(meeting.startsAt, meeting.timeZone);
  const issues: FieldProblem[] = [];
  for (const field of ['nextContactDate', 'targetDate'] as const) {
    const v = input[field];
    if (v && v < day)
      issues.push(fieldProblem(field, `No puede ser anterior a la reunión (${day})`, `Cannot be before the meeting (${day})`));
  }
  return issues;
}
