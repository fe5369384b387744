import type { ImportKind, RecordByKind } from '@rueda/importing';

/** Whole tables of records written at once, matched by external id (imports). */
export interface ImportRepository {
  eventExists(eventId: string): Promise<boolean>;
  /** The event's participants as an import of delegates, demands or offers refers to them. */
  participants(eventId: string): Promise<{ externalId: string; kind: 'gadm' | 'cooperant' }[]>;
  /** Which of these external ids the event already has for the kind. */
  existing(kind: ImportKind, eventId: string, externalIds: string[]): Promise<Set<string>>;
  /** Inserts new records and updates known ones; how many of each. */
  write<K extends ImportKind>(
    kind: K,
    eventId: string,
    records: ReadonlyArray<RecordByKind[K]>,
  ): Promise<{ inserted: number; updated: number }>;
  /** The import's entry in the event's import history. */
  recordBatch(b: {
    eventId: string;
    kind: ImportKind;
    filename: string;
    rows: number;
    inserted: number;
    updated: number;
    userId: string | null;
  }): Promise<void>;
}
