import type { MeetingStatus, StatusChangeRecord } from '@rueda/domain';

/** One status change kept in a meeting's audit trail. */
export interface StatusChange extends StatusChangeRecord {
  meetingId: string;
  actorId: string | null;
  actorEmail: string | null;
  reason: string;
}

export interface StatusChangeRepository {
  record(c: {
    eventId: string;
    meetingId: string;
    kind: StatusChange['kind'];
    before: MeetingStatus;
    after: MeetingStatus;
    actorId: string | null;
    actorEmail: string | null;
    reason: string;
    at: Date;
  }): Promise<StatusChange>;
  /** The meeting's latest change (row order settles equal instants). */
  latest(meetingId: string): Promise<StatusChange | null>;
  /** Newest first. */
  history(eventId: string, meetingId: string): Promise<StatusChange[]>;
}
