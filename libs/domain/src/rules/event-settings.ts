/** Per-event settings an organiser can tune; absent ones take the defaults of the rule that reads them. */
export interface EventSettings {
  matchWeights?: Record<string, number>;
  /** Answered meeting requests of this event adjust later recommendations (default on). */
  learnFromRequests?: boolean;
  requestExpiryHours?: number;
  maxOpenRequests?: number;
  mutualInterestBonus?: number;
  /** Live recovery: apply the best replacement at once, or wait for an organiser. */
  recoveryMode?: 'automatic' | 'confirm';
  /** Meetings starting within this many minutes are never moved without confirmation. */
  protectMinutes?: number;
  /** Fresh pairs offered for a freed table: each participant's best this many counterparts (libs/live). */
  liveMatchCandidates?: number;
  /** How the scheduler counts idle time after weight: idle slots ("holes", default) or waits ("breaks"). */
  idleMeasure?: 'holes' | 'breaks';
}
