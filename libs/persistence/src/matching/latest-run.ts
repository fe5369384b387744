import type { EntityManager } from 'typeorm';
import { MatchRunEntity } from '../entities';

/**
 * "The newest finished scoring run of an event", as a SQL sub-query on the event id parameter
 * (`$1` by default). Every reader of matches (live candidates, meeting weights, lists,
 * recommendations, reports) uses this one definition.
 */
export const LATEST_DONE_RUN = (eventParam = '$1') =>
  `(SELECT id FROM match_runs WHERE event_id = ${eventParam} AND status = 'done' ORDER BY data_version DESC LIMIT 1)`;

/** The newest finished scoring run of an event, or null before the first one ends. */
export function latestDoneRun(m: EntityManager, eventId: string): Promise<MatchRunEntity | null> {
  return m.getRepository(MatchRunEntity).findOne({ where: { eventId, status: 'done' }, order: { dataVersion: 'DESC' } });
}
