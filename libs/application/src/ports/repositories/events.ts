import type { EventSettings, GeneratedSlot, SessionSpec } from '@rueda/domain';

/** An event as stored, with its sessions in order (what the event routes answer with). */
export interface EventView {
  id: string;
  version: number;
  timeZone: string;
  settings: EventSettings;
  [column: string]: unknown;
}

/** A session with the id it was stored under (slots point at it). */
export type StoredSession = SessionSpec & { id: string };

export interface EventRepository {
  insert(fields: Record<string, unknown>): Promise<{ id: string; timeZone: string }>;
  /** The ids of the events of this exact name, oldest first. */
  idsNamed(name: string): Promise<string[]>;
  /** The event and its sessions, or null. */
  view(eventId: string): Promise<EventView | null>;
  /** Writes the event's own columns (the version rises). */
  save(event: EventView): Promise<void>;
  /** False when there was no such event (its records go with it). */
  remove(eventId: string): Promise<boolean>;
  sessions(eventId: string): Promise<StoredSession[]>;
  /** Replaces every session of the event. */
  replaceSessions(eventId: string, sessions: SessionSpec[]): Promise<StoredSession[]>;
  /** Replaces every slot of the event. */
  replaceSlots(eventId: string, slots: GeneratedSlot[]): Promise<void>;
  /** Meetings placed in the event's slots plus assignments of its schedule versions. */
  placedInSlots(eventId: string): Promise<number>;
  slotIds(eventId: string): Promise<string[]>;
  insertTables(eventId: string, count: number): Promise<void>;
  replaceUnavailability(participantId: string, slotIds: string[]): Promise<void>;
}
