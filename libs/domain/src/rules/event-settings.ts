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
  /** Participants edit their own data through their link until then (ISO instant); absent: until the first slot starts. */
  selfServiceDeadline?: string | null;
  /** Remind participants with no accepted meeting this many days before the event (0: never; default 3). */
  noMeetingReminderDays?: number;
  /** Cooperants not in the catalogue may apply through the public registration form. */
  registrationOpen?: boolean;
  /** How the event presents itself in emails. */
  branding?: { color?: string; organiser?: string; logoUrl?: string; footer?: string };
}
