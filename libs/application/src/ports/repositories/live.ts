import type { Cell, CellContext, LiveState, Neighbourhood } from '@rueda/live';
import type { LiveAudience, LiveMessage, ReplayPage } from '@rueda/realtime';

/**
 * Whom a replay is for: an audience of realtime's audience table and, for a table or a
 * participant, which one. They see only their messages, projected.
 */
export interface LiveScope {
  audience: LiveAudience;
  recipientId?: string;
}

export interface LiveStateRepository {
  /** The event on the day as libs/live sees it, with each participant's best `matchCandidates` matches as fresh ideas. */
  load(eventId: string, now: Date, opts: { matchCandidates: number }): Promise<LiveState>;
  /** The neighbourhood of one freed cell, read page by page (recovery in O(candidates), not O(event)). */
  around(eventId: string, cell: Cell, now: Date, opts: { matchCandidates: number }): Promise<{ ctx: CellContext; nb: Neighbourhood }>;
}

export interface LiveLogRepository {
  /** Whether the event exists (organisers follow an existing event). */
  exists(eventId: string): Promise<boolean>;
  /** Newest sequence number of the event (0 when none). */
  current(eventId: string): Promise<number>;
  /** The whole log after `after`, one page, in order (organisers, and nodes catching up). */
  after(eventId: string, after: number): Promise<LiveMessage[]>;
  /** One page of what a subscriber missed after `lastSeq`, projected; no lastSeq: reset to a snapshot. */
  page(eventId: string, lastSeq: number | undefined, scope: LiveScope): Promise<ReplayPage>;
}
