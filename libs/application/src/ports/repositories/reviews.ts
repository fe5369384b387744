/** What the organisers decided about changes participants made through their links. */
export interface ReviewDecision {
  status: 'approved' | 'returned';
  reviewedBy: string | null;
  at: Date;
  comment: string | null;
}

/** The review queue: participants' own changes (their audit records) waiting for the organisers. */
export interface ReviewRepository {
  /** Marks the participant's pending changes (only `changeIds` when given) as decided; the ids it marked. */
  decide(participantId: string, changeIds: string[] | undefined, decision: ReviewDecision): Promise<string[]>;
}
