import { liveSettings, type LiveSettings, type LiveState } from '@rueda/live';
import type { Tx } from '../ports/unit-of-work';

/** The event locked for a live operation, with its settings and its state as of `now`. */
export async function lockDay(tx: Tx, eventId: string, now: Date): Promise<{ settings: LiveSettings; state: LiveState }> {
  const event = await tx.lockEvent(eventId);
  const settings = liveSettings(event.settings);
  return { settings, state: await tx.repos.live.load(eventId, now, { matchCandidates: settings.matchCandidates }) };
}
