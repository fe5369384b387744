/** Meeting lifecycle rules shared by the API, the worker and the live operations. */

export const MEETING_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'expired',
  'scheduled',
  'checked_in',
  'held',
  'no_show',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Statuses that still occupy the pair (one live meeting per pair of participants). */
export const LIVE_STATUSES: readonly MeetingStatus[] = ['requested', 'accepted', 'scheduled', 'checked_in'];
/** Statuses the scheduler places. */
export const SCHEDULABLE_STATUSES: readonly MeetingStatus[] = ['accepted', 'scheduled'];
/** Statuses of a placed meeting that is still on (not cancelled, not missed). */
export const ATTENDING_STATUSES: readonly MeetingStatus[] = ['scheduled', 'checked_in', 'held'];
/** Statuses that count as a meeting booked (agreed, placed or held). */
export const BOOKED_STATUSES: readonly MeetingStatus[] = ['accepted', 'scheduled', 'checked_in', 'held'];
/** Statuses of a meeting still to happen at its table. */
export const UPCOMING_STATUSES: readonly MeetingStatus[] = ['scheduled', 'checked_in'];
/** Statuses of a meeting on a participant's agenda at its slot and table (missed ones included: they happened there). */
export const ON_AGENDA_STATUSES: readonly MeetingStatus[] = ['scheduled', 'checked_in', 'held', 'no_show'];
/** Statuses of a meeting that has started (its table and time are fixed for good). */
export const STARTED_STATUSES: readonly MeetingStatus[] = ['checked_in', 'held'];
/** Statuses of a request that never became a meeting. */
export const UNANSWERED_STATUSES: readonly MeetingStatus[] = ['declined', 'expired'];
/** Statuses in which organisers may still set a meeting's window (the scheduler has not fixed it). */
export const WINDOW_EDITABLE_STATUSES: readonly MeetingStatus[] = ['requested', 'accepted', 'scheduled'];

/**
 * A status set as a SQL list, `('a','b')`, for `status IN ${sqlIn(SET)}`: the one way SQL
 * names a set of statuses, so it cannot drift from the set it comes from. Only plain
 * lower-case words are accepted (they are written into the statement, not bound).
 */
export function sqlIn(values: readonly string[]): string {
  if (values.length === 0) throw new Error('sqlIn: an empty set matches nothing');
  for (const v of values) if (!/^[a-z][a-z_]*$/.test(v)) throw new Error(`sqlIn: not a plain word: ${v}`);
  return `(${values.map((v) => `'${v}'`).join(',')})`;
}

const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  requested: ['accepted', 'declined', 'expired', 'cancelled'],
  accepted: ['scheduled', 'cancelled'],
  declined: [],
  expired: [],
  scheduled: ['accepted', 'checked_in', 'held', 'no_show', 'cancelled'],
  checked_in: ['held', 'no_show', 'cancelled', 'scheduled'],
  held: [],
  no_show: [],
  cancelled: [],
};

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT[from].includes(to);
}

/** How a meeting request stands, as far as its answer goes. */
export type RequestAnswer = 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

/**
 * The answer a request got, from its meeting's status: every status after acceptance
 * (scheduled, checked in, held, no-show) still means "accepted"; a cancelled meeting was
 * accepted if it had been answered, else the requester withdrew it.
 */
export function requestAnswer(status: MeetingStatus, respondedAt: Date | null): RequestAnswer {
  switch (status) {
    case 'requested':
      return 'pending';
    case 'declined':
      return 'declined';
    case 'expired':
      return 'expired';
    case 'cancelled':
      return respondedAt ? 'accepted' : 'withdrawn';
    default:
      return 'accepted';
  }
}

export interface WeightInput {
  /** Best matching score in [0, 1] between the pair's demands and offers (0 when none). */
  bestScore: number;
  /** Both sides asked for the meeting. */
  mutual: boolean;
  /** An organiser made it compulsory. */
  mandatory: boolean;
  mutualBonus?: number;
}

export const MANDATORY_WEIGHT = 100;

/**
 * How much the organisers want a meeting, for the scheduler. Any accepted meeting is worth
 * at least 1; a strong match up to 5 on top; both sides asking adds the mutual bonus.
 * Mandatory meetings outweigh any set of ordinary ones a participant could have in their place.
 */
export function meetingWeight(w: WeightInput): number {
  if (w.mandatory) return MANDATORY_WEIGHT;
  const score = Math.min(1, Math.max(0, Number.isFinite(w.bestScore) ? w.bestScore : 0));
  const weight = 1 + 4 * score + (w.mutual ? (w.mutualBonus ?? 2) : 0);
  return Math.round(weight * 100) / 100;
}
