import { DomainError, type MeetingStatus } from '@rueda/domain';

/**
 * Plain snapshot of an event on the day. Every live operation takes one and returns a new
 * one (no mutation), so the server can compare, persist and broadcast the difference.
 */

export interface LiveSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export interface LiveTable {
  id: string;
  number: number;
}

export type ParticipantKind = 'gadm' | 'cooperant';

export interface LiveParticipant {
  id: string;
  kind: ParticipantKind;
  /** Meetings it can hold in one slot (cooperants with several delegates may have more than 1). */
  parallel: number;
  checkedIn: boolean;
  /** When it left (or announced it leaves): slots starting at or after this instant are unavailable. */
  leftAt?: Date | null;
  /** Slot ids it declared unavailable. */
  unavailable: ReadonlySet<string> | readonly string[];
  maxMeetings?: number;
  fixedTable?: string;
}

export interface LiveMeetingRecord {
  id: string;
  a: string;
  b: string;
  status: MeetingStatus;
  /** Terminal meetings (no_show, cancelled) keep their last cell for history; they occupy nothing. */
  slotId: string | null;
  tableId: string | null;
  weight: number;
  /** The meeting's window (rueda.schedule-instance/1 `allowedSlots`): it may only sit in these slots. */
  allowedSlots?: readonly string[];
}

export type CandidateSource = 'waitlist' | 'unscheduled' | 'mutual' | 'match';

export interface Candidate {
  a: string;
  b: string;
  source: CandidateSource;
  /** A matching score in [0, 1] or a meeting weight (≥ 1, 100 when mandatory). */
  score: number;
  /** The existing meeting (requested or accepted, not placed) this pair would use. */
  meetingId?: string;
}

export interface LiveState {
  now: Date;
  /** In time order. */
  slots: LiveSlot[];
  tables: LiveTable[];
  participants: LiveParticipant[];
  meetings: LiveMeetingRecord[];
  candidates: Candidate[];
  /** IANA zone of the venue; decides what "the same day" is for delays (default America/Guayaquil). */
  timeZone?: string;
}

export interface Cell {
  slotId: string;
  tableId: string;
}

export interface FreedCell extends Cell {
  meetingId: string | null;
}

/** Text a person reads: Spanish first, then English. */
export interface Reason {
  es: string;
  en: string;
}

export interface MeetingChange {
  meetingId: string;
  /** null when the operation created the meeting. */
  before: LiveMeetingRecord | null;
  after: LiveMeetingRecord;
}

export interface LiveChange {
  state: LiveState;
  freed: FreedCell[];
  changedMeetings: MeetingChange[];
}

export const DEFAULT_TIME_ZONE = 'America/Guayaquil';
export const DEFAULT_PROTECT_MINUTES = 10;
/** A slot already under way is still offered while at least this much of it remains. */
export const DEFAULT_MIN_REMAINING_MINUTES = 10;

/**
 * Statuses that hold a (slot, table) cell and a place in each participant's slot.
 * `held` stays in: the table was used and the meeting counts towards maxMeetings.
 */
export const OCCUPYING_STATUSES: readonly MeetingStatus[] = ['scheduled', 'checked_in', 'held'];
/**
 * Statuses that stop a second meeting of the same pair: the domain's live statuses plus
 * `held`, because two people who already met should not take a freed table again.
 */
export const PAIR_BLOCKING_STATUSES: readonly MeetingStatus[] = ['requested', 'accepted', 'scheduled', 'checked_in', 'held'];

export function occupies(m: LiveMeetingRecord): boolean {
  return m.slotId !== null && m.tableId !== null && OCCUPYING_STATUSES.includes(m.status);
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function isUnavailable(p: LiveParticipant, slotId: string): boolean {
  const u = p.unavailable;
  return u instanceof Set ? u.has(slotId) : (u as readonly string[]).includes(slotId);
}

/** The participant is still at the venue for a slot starting at `startsAt`. */
export function presentAt(p: LiveParticipant, startsAt: Date): boolean {
  return p.leftAt == null || startsAt.getTime() < p.leftAt.getTime();
}

/** Thrown for calls that cannot be honoured at all (unknown id, impossible transition). */
export class LiveError extends DomainError {
  constructor(readonly reason: Reason) {
    super('conflict', 'not_possible', reason);
    this.name = 'LiveError';
  }
}

export const MINUTE_MS = 60_000;

/** A replacement proposal's life: proposed (waiting for an organiser), applied, rejected, or expired (superseded, or nothing to propose). */
export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected', 'applied', 'expired'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
