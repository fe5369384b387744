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
  /** The answer given to the first request sent with this idempotency key, if one was applied. */
  verdict(eventId: string, key: string): Promise<Record<string, unknown> | null>;
  /** Keeps the answer of an applied request under its key; false if the key was already taken. */
  keepVerdict(eventId: string, key: string, body: object, at: Date): Promise<boolean>;
}
