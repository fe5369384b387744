/**
 * What a participant is told about, and what it may see of it. A notice carries only the
 * receiving participant's own view: its meetings with the counterpart's public name, never
 * another participant's id, and never who caused a change (a no-show is "not held", not "X
 * did not come").
 */

/** One of the receiving participant's meetings, as that participant sees it. */
export interface MeetingView {
  /** The receiver's own meeting. */
  meetingId: string;
  counterpartName: string;
  counterpartKind: 'gadm' | 'cooperant';
  topic?: string | null;
  /** ISO instants; absent while the meeting has no slot. */
  startsAt?: string | null;
  endsAt?: string | null;
  tableNumber?: number | null;
}

export type Notice =
  | { kind: 'request.received'; meeting: MeetingView }
  | { kind: 'request.accepted'; meeting: MeetingView }
  | { kind: 'request.declined'; meeting: MeetingView }
  | { kind: 'request.expiring'; meeting: MeetingView; expiresAt: string }
  /** An organiser put a meeting on both agendas (organiser or mandatory meeting). */
  | { kind: 'meeting.confirmed'; meeting: MeetingView }
  | { kind: 'schedule.published'; meetings: MeetingView[] }
  /** On the day: a meeting got a (new) slot or table. */
  | { kind: 'meeting.moved'; meeting: MeetingView }
  /** On the day: a meeting will not take place; `reason` never names who was absent. */
  | { kind: 'meeting.cancelled'; meeting: MeetingView; reason: 'cancelled' | 'not_held' }
  /** On the day: a new meeting in a table that was freed (replacement or walk-in). */
  | { kind: 'meeting.replaced'; meeting: MeetingView }
  | { kind: 'meeting.delayed'; meetings: MeetingView[] }
  | { kind: 'outcome.form'; heldMeetings: number }
  | { kind: 'followup.reminder'; months: number; commitments: number }
  | { kind: 'no_meeting.reminder'; daysLeft: number }
  | { kind: 'review.returned'; comment: string }
  | { kind: 'review.approved' };

export type NoticeKind = Notice['kind'];

export const NOTICE_KINDS: readonly NoticeKind[] = [
  'request.received',
  'request.accepted',
  'request.declined',
  'request.expiring',
  'meeting.confirmed',
  'schedule.published',
  'meeting.moved',
  'meeting.cancelled',
  'meeting.replaced',
  'meeting.delayed',
  'outcome.form',
  'followup.reminder',
  'no_meeting.reminder',
  'review.returned',
  'review.approved',
];

/** A notice addressed to one participant. The dedupe key makes each one exactly-once. */
export interface Addressed {
  participantId: string;
  /** Unique per participant: the same trigger seen twice yields the same key. */
  dedupeKey: string;
  notice: Notice;
}
