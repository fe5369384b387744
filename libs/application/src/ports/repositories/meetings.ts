import type { MeetingStatus } from '@rueda/domain';
import type { LiveChange as LiveDomainChange } from '@rueda/live';
import type { LiveChange } from '../changes';

/** A meeting as use cases read and change it. */
export interface MeetingRecord {
  id: string;
  eventId: string;
  participantAId: string;
  participantBId: string;
  status: MeetingStatus;
  slotId: string | null;
  tableId: string | null;
  weight: number;
  /** A hybrid meeting's own video-call link. */
  videoUrl: string | null;
  /** Optimistic version: moves on every save, so stale clients get a conflict. */
  version: number;
}

/** Where a meeting made on the day came from. */
export type LiveMeetingOrigin = 'walk_in' | 'replacement';

export interface MeetingRepository {
  /** The event a meeting belongs to (socket messages name only the meeting). */
  eventOf(meetingId: string): Promise<string | null>;
  /** The meeting, row-locked until the transaction ends; null when it is not of that event. */
  lock(eventId: string, meetingId: string): Promise<MeetingRecord | null>;
  /**
   * What keeps a meeting from sitting at its table and slot again: another meeting there, or
   * one of its two participants busy elsewhere in that slot (names of that meeting's pair).
   */
  cellTakenBy(meeting: MeetingRecord): Promise<{ id: string; names: string[] } | null>;
  /** Withdraws the replacements still proposed for a table and slot (it is taken again); their ids. */
  withdrawProposals(eventId: string, cell: { slotId: string; tableId: string }, at: Date): Promise<string[]>;
  /** Saves a record read from this repository; its version moves on. */
  save<M extends MeetingRecord>(meeting: M): Promise<M>;
  /**
   * Row-locks the existing meetings a libs/live operation changes (in id order) and tells whether
   * each is still what the operation read (status, slot, table): a caller holding only a slot's
   * lock checks this before writing, since other slots' changes went on meanwhile.
   */
  lockAsRead(eventId: string, change: LiveDomainChange): Promise<boolean>;
  /**
   * Writes the meetings a libs/live operation changed (new ones inserted with `origin`) and
   * returns the live messages that announce them.
   */
  applyLiveChange(
    eventId: string,
    change: LiveDomainChange,
    origin: LiveMeetingOrigin,
    now: Date,
  ): Promise<{ changes: LiveChange[]; meetings: MeetingRecord[] }>;
}
