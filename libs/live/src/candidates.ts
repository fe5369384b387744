import type { MeetingStatus } from '@rueda/domain';
import { type Candidate, pairKey } from './model';

/**
 * How many of each participant's best counterparts of the newest scoring run are offered as
 * fresh ideas for a freed table. Five keeps the list short enough to judge at a glance and
 * still gives a table several chances when the first pairs are busy; organisers who want more
 * (or fewer) set `liveMatchCandidates` in the event settings.
 */
export const DEFAULT_LIVE_MATCH_CANDIDATES = 5;

export interface CandidateMeetingRow {
  id: string;
  a: string;
  b: string;
  status: MeetingStatus;
  slotId: string | null;
  weight: number;
}

export interface CandidateMatchRow {
  a: string;
  b: string;
  score: number;
}

/**
 * The pairs that could fill a freed table: accepted meetings not placed yet, open requests
 * (the waitlist), and the best matches of pairs that never had a meeting — not one declined,
 * missed, cancelled, or already on the lists above.
 */
export function liveCandidates(
  meetings: readonly CandidateMeetingRow[],
  matches: readonly CandidateMatchRow[],
  pairsThatMet: Iterable<{ a: string; b: string }>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const x of meetings) {
    if (x.status === 'accepted' && !x.slotId) out.push({ a: x.a, b: x.b, source: 'unscheduled', score: x.weight, meetingId: x.id });
    if (x.status === 'requested') out.push({ a: x.a, b: x.b, source: 'waitlist', score: x.weight, meetingId: x.id });
  }
  const hadMeeting = new Set<string>();
  for (const p of pairsThatMet) hadMeeting.add(pairKey(p.a, p.b));
  for (const c of matches) if (!hadMeeting.has(pairKey(c.a, c.b))) out.push({ a: c.a, b: c.b, source: 'match', score: c.score });
  return out;
}
