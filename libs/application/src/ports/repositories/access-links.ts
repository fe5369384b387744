/** Participants' personal links; the storage keeps each token's hash and a sealed copy (to send it again). */
export interface AccessLinkRepository {
  /**
   * New links for these participants of the event (others are skipped), by participant.
   * `revoke: false` only creates missing links; `revoke: true` replaces the current one.
   */
  issue(eventId: string, participantIds: string[], opts: { revoke: boolean; now: Date }): Promise<Map<string, string>>;
  /** The hash of the participant's current link, locked until commit; null when it has none. */
  lockCurrent(eventId: string, participantId: string): Promise<string | null>;
  /** The link was used: its first use is kept, its last one moves to `now`. */
  touch(participantId: string, now: Date): Promise<void>;
  /** What hangs off a link (the calendar feed, the phones subscribed to notices): whoever held the old link loses them. */
  dropDependents(eventId: string, participantId: string): Promise<void>;
}
