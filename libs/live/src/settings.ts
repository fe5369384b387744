import type { EventSettings } from '@rueda/domain';
import { DEFAULT_LIVE_MATCH_CANDIDATES } from './candidates';
import { DEFAULT_PROTECT_MINUTES } from './model';

/** How the event's day is run, every default applied here, once. */
export interface LiveSettings {
  recoveryMode: 'automatic' | 'confirm';
  protectMinutes: number;
  matchCandidates: number;
}

export function liveSettings(s: EventSettings): LiveSettings {
  return {
    recoveryMode: s.recoveryMode ?? 'automatic',
    protectMinutes: s.protectMinutes ?? DEFAULT_PROTECT_MINUTES,
    matchCandidates: s.liveMatchCandidates ?? DEFAULT_LIVE_MATCH_CANDIDATES,
  };
}
