/** The participant's calendar subscription: only the hash of its feed token is kept. */
export interface CalendarFeedRepository {
  /** When the current feed token was issued (null: none); null when the participant is not in the event. */
  issuedAt(eventId: string, participantId: string): Promise<{ issuedAt: Date | null } | null>;
  /** Replaces the feed token (null: revoked; the old one stops working at once). */
  set(eventId: string, participantId: string, token: { hash: string; issuedAt: Date } | null): Promise<void>;
}
