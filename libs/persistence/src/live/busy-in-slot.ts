import { sqlIn } from '@rueda/domain';
import { OCCUPYING_STATUSES } from '@rueda/live';

/**
 * meetingsAtOnce (libs/domain) written in SQL, for a query that must skip whoever is full
 * without reading them into the application first. Each argument is a SQL expression.
 * test/integration/busy-in-slot.spec.ts holds it equal to the domain rule over every case.
 */
export function meetingsAtOnceSql(p: { kind: string; parallel: string; delegates: string; fixedTable: string }): string {
  return `(CASE WHEN ${p.fixedTable} THEN 1 WHEN ${p.parallel} IS NOT NULL THEN ${p.parallel}
            WHEN ${p.kind} = 'cooperant' THEN GREATEST(1, ${p.delegates}) ELSE 1 END)`;
}

/**
 * SQL query: the ids of the participants of event `event` who already hold, in slot `slot`, as
 * many meetings as they can at once — what participantBlock (libs/live) calls 'busy'. One walk
 * of the slot's own meetings (the slot index), so a query filtering many candidates plans and
 * reads it once instead of once per candidate and side.
 */
export function fullInSlotIdsSql(event: string, slot: string): string {
  const held = (side: 'a' | 'b') =>
    `SELECT y.participant_${side}_id AS pid FROM meetings y
      WHERE y.slot_id = ${slot} AND y.table_id IS NOT NULL AND y.status IN ${sqlIn(OCCUPYING_STATUSES)}`;
  const atOnce = meetingsAtOnceSql({
    kind: 'p.kind',
    parallel: 'p.parallel',
    delegates: '(SELECT count(*) FROM delegates d WHERE d.participant_id = p.id)::int',
    fixedTable: `EXISTS (SELECT 1 FROM tables t WHERE t.event_id = ${event} AND t.reserved_for_participant_id = p.id)`,
  });
  return `SELECT p.id FROM (${held('a')} UNION ALL ${held('b')}) h JOIN participants p ON p.id = h.pid
           GROUP BY p.id HAVING count(*) >= GREATEST(1, ${atOnce})`;
}
