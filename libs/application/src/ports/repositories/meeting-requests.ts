import type { MeetingRecord } from './meetings';

/** How a meeting came to be agreed. */
export type AgreedOrigin = 'request' | 'organiser' | 'mandatory';

/** A meeting with what its request said: topics, note, window, answer and expiry. */
export interface AgreedMeeting extends MeetingRecord {
  demandId: string | null;
  offerId: string | null;
  origin: string;
  mandatory: boolean;
  note: string;
  allowedSlotIds: string[] | null;
  expiresAt: Date | null;
  respondedAt: Date | null;
}

/** The new meeting's own fields (the rest take their defaults). */
export type NewAgreedMeeting = Pick<AgreedMeeting, 'eventId' | 'participantAId' | 'participantBId' | 'status'> &
  Partial<Pick<AgreedMeeting, 'demandId' | 'offerId' | 'origin' | 'mandatory' | 'note' | 'allowedSlotIds' | 'expiresAt'>>;

/** The data meeting requests and organisers' meetings are checked against and written to. */
export interface MeetingRequestRepository {
  /** The participant's kind (gadm, cooperant), row-locked when asked; null when it is not of the event. */
  participantKind(eventId: string, participantId: string, opts?: { lock?: boolean }): Promise<string | null>;
  /** Who owns a demand or offer of the event (null: none such). */
  topicOwner(topic: 'demandId' | 'offerId', eventId: string, id: string): Promise<string | null>;
  /** Slots each participant cannot attend, in the order asked. */
  unavailable(participantIds: string[]): Promise<string[][]>;
  /** Unanswered requests of the event (every event when none is named) past `now` become expired; how many. */
  expire(eventId: string | undefined, now: Date): Promise<number>;
  /** The pair's live meeting or open request (either direction), row-locked. */
  livePair(eventId: string, a: string, b: string): Promise<AgreedMeeting | null>;
  /** Requests the participant sent that are still unanswered. */
  countOpen(eventId: string, requesterId: string): Promise<number>;
  /** Best score of the pair in the newest finished matching run, either direction (0 when unmatched). */
  bestScore(eventId: string, a: string, b: string): Promise<number>;
  /** The meeting, row-locked until the transaction ends; null when it is not of that event. */
  lock(eventId: string, meetingId: string): Promise<AgreedMeeting | null>;
  /** A meeting not saved yet, with its defaults. */
  draft(values: NewAgreedMeeting): AgreedMeeting;
  save<M extends AgreedMeeting>(meeting: M): Promise<M>;
}
