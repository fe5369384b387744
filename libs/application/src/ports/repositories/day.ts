import type { ProposalStatus } from '@rueda/live';

/** A delegate as the check-in desk sees it. */
export interface DelegateRecord {
  id: string;
  eventId: string;
  participantId: string;
  checkedInAt: Date | null;
}

export interface DelegateRepository {
  lock(eventId: string, delegateId: string): Promise<DelegateRecord | null>;
  save<D extends DelegateRecord>(delegate: D): Promise<D>;
}

export interface SlotRepository {
  /** New times of slots (a delay). */
  reschedule(slots: { id: string; startsAt: Date; endsAt: Date }[]): Promise<void>;
}

export interface ParticipantRepository {
  markLeft(eventId: string, participantId: string, at: Date): Promise<void>;
  /** Who a check-in desk names back to the person who arrived. */
  name(eventId: string, participantId: string): Promise<string | null>;
}

/** What the day's desks need to know about the event itself and the installation. */
export interface EventFactsRepository {
  /** The event's IANA zone, for times people read. */
  timeZone(eventId: string): Promise<string | null>;
  /** The installation's key that signs check-in QR codes (shared by every process). */
  checkInKey(): Promise<string>;
}

export interface TableRepository {
  exists(eventId: string, tableId: string): Promise<boolean>;
}

/** A replacement for a freed table and slot. */
export interface ProposalRecord {
  id: string;
  eventId: string;
  slotId: string;
  tableId: string;
  freedMeetingId: string | null;
  status: ProposalStatus;
  mode: 'automatic' | 'confirm';
  proposal: Record<string, unknown>;
  resultMeetingId: string | null;
  /** The recovery request it answers (a job delivered twice is answered once). */
  requestId?: string | null;
  createdAt?: Date;
  resolvedAt: Date | null;
}

export interface ProposalRepository {
  list(eventId: string, status?: ProposalStatus): Promise<ProposalRecord[]>;
  lock(eventId: string, proposalId: string): Promise<ProposalRecord | null>;
  /**
   * A recovery of the cell begins: the proposal that answered its request, if it was answered
   * already (then nothing changes); otherwise the cell's open proposal is expired, since a newer
   * freeing supersedes it, and null. One call, so the store can do both in one round trip.
   */
  beginRecovery(
    eventId: string,
    cell: { slotId: string; tableId: string },
    requestId: string | null,
    now: Date,
  ): Promise<ProposalRecord | null>;
  insert(p: Omit<ProposalRecord, 'createdAt'>): Promise<ProposalRecord>;
  save<P extends ProposalRecord>(p: P): Promise<P>;
}
