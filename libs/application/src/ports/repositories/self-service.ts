/** What a participant's own change touched, for its audit record. */
export type ChangedEntity = 'participant' | 'delegate' | 'demand' | 'offer' | 'availability';

/** One change a participant made through its link: it waits in the organisers' review queue. */
export interface ParticipantChange {
  eventId: string;
  participantId: string;
  entity: ChangedEntity;
  entityId: string | null;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What decides until when participants edit their own data (see selfServiceWindow). */
export interface SelfServiceFacts {
  /** The event's own deadline (settings.selfServiceDeadline), ISO. */
  deadline: string | null;
  /** The start of the event's first slot, when it has slots. */
  firstSlotStart: Date | null;
  timeZone: string;
}

/** A participant's own data, kept through its personal link (the records themselves: RecordRepository). */
export interface SelfServiceRepository {
  /** Null when the event does not exist. */
  facts(eventId: string): Promise<SelfServiceFacts | null>;
  slotIds(eventId: string): Promise<string[]>;
  unavailableSlotIds(participantId: string): Promise<string[]>;
  setUnavailableSlotIds(participantId: string, slotIds: string[]): Promise<void>;
  /** The audit record the organisers review. */
  recordChange(change: ParticipantChange): Promise<void>;
  /** Delegates and availability are not read by matching's triggers: the data version is raised by hand. */
  raiseDataVersion(eventId: string): Promise<void>;
  /** The external ids of the event's records of this kind that start with `prefix`. */
  externalIdsStartingWith(kind: 'delegates' | 'demands' | 'offers', eventId: string, prefix: string): Promise<string[]>;
}
