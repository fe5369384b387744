/** A public registration of a cooperant not in the catalogue, as stored. */
export interface RegistrationRecord {
  id: string;
  eventId: string;
  email: string;
  /** The form as submitted (RegistrationBody). */
  data: unknown;
  status: 'pending' | 'approved' | 'rejected';
}

export interface RegistrationDecision {
  status: 'approved' | 'rejected';
  participantId?: string;
  comment?: string;
  reviewedBy: string | null;
  at: Date;
}

/** Public registrations and what the organisers decided about them. */
export interface RegistrationRepository {
  /** Whether the event takes public registrations; null when the event does not exist. */
  registrationOpen(eventId: string): Promise<boolean | null>;
  insert(eventId: string, email: string, data: unknown): Promise<RegistrationRecord>;
  /** The registration locked until commit, or null when the event has no such registration. */
  lock(eventId: string, id: string): Promise<RegistrationRecord | null>;
  decide(id: string, decision: RegistrationDecision): Promise<void>;
  /** Whether a participant of the event already has this external id. */
  externalIdTaken(eventId: string, externalId: string): Promise<boolean>;
}
