import type { RecordKind } from '@rueda/domain';

/** A record of an event (table, participant, delegate, demand, offer) as stored: its columns by name. */
export interface EventRecord {
  id: string;
  eventId: string;
  version: number;
  [column: string]: unknown;
}

/** The event-scoped records organisers administer, each kind in its own table. */
export interface RecordRepository {
  eventExists(eventId: string): Promise<boolean>;
  /** Whether the participant belongs to this event (references never cross events). */
  participantInEvent(eventId: string, participantId: string): Promise<boolean>;
  /** The participant's kind, its row share-locked until commit (a kind change waits); null when not of this event. */
  participantKind(eventId: string, participantId: string): Promise<'gadm' | 'cooperant' | null>;
  /** How many demands or offers the participant owns. */
  ownedCount(kind: 'demands' | 'offers', participantId: string): Promise<number>;
  /** The participant's meetings that count towards its maxMeetings (scheduled, checked in, held). */
  placedMeetings(participantId: string): Promise<number>;
  /** The table of the event reserved for the participant other than `exceptTableId`, or null. */
  reservedTableOf(participantId: string, exceptTableId?: string): Promise<{ id: string; number: number } | null>;
  insert(kind: RecordKind, eventId: string, values: Record<string, unknown>): Promise<EventRecord>;
  /** The row locked until commit, or null when the event has no such record. */
  lock(kind: RecordKind, eventId: string, id: string): Promise<EventRecord | null>;
  /** Writes the record and raises its version. */
  save(kind: RecordKind, record: EventRecord): Promise<EventRecord>;
  /** False when the event has no such record. */
  remove(kind: RecordKind, eventId: string, id: string): Promise<boolean>;
}
