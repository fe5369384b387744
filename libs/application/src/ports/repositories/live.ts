import type { LiveState } from '@rueda/live';
import type { LiveMessage } from '@rueda/realtime';

/** Whom a replay is for: a participant and a table see only what touches them (and what is event-wide). */
export interface LiveScope {
  participantId?: string;
  tableId?: string;
}

export interface LiveStateRepository {
  /** The event on the day as libs/live sees it, with each participant's best `matchCandidates` matches as fresh ideas. */
  load(eventId: string, now: Date, opts: { matchCandidates: number }): Promise<LiveState>;
}

export interface LiveLogRepository {
  /** Newest sequence number of the event (0 when none). */
  current(eventId: string): Promise<number>;
  /** What a client missed after `lastSeq`, limited to its scope, in order. */
  after(eventId: string, lastSeq: number, scope: LiveScope): Promise<LiveMessage[]>;
}
