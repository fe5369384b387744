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
 * SQL condition: participant `id` (an expression) of event `event` already holds, in slot `slot`,
 * as many meetings as it can at once — what participantBlock (libs/live) calls 'busy'. Each count
 * walks the participant's own index, so the cost follows the rows tested, not the slot's size.
 */
export function fullInSlotSql(id: string, event: string, slot: string): string {
  const held = (side: 'a' | 'b') =>
    `(SELECT count(*) FROM meetings y WHERE y.participant_${side}_id = p.id AND y.slot_id = ${slot}
        AND y.table_id IS NOT NULL AND y.status IN ${sqlIn(OCCUPYING_STATUSES)})`;
  const atOnce = meetingsAtOnceSql({
    kind: 'p.kind',
    parallel: 'p.parallel',
    delegates: '(SELECT count(*) FROM delegates d WHERE d.participant_id = p.id)::int',
    fixedTable: `EXISTS (SELECT 1 FROM tables t WHERE t.event_id = ${event} AND t.reserved_for_participant_id = p.id)`,
  });
  return `EXISTS (SELECT 1 FROM participants p CROSS JOIN LATERAL (SELECT ${held('a')} + ${held('b')} AS n) k
            WHERE p.id = ${id} AND k.n > 0 AND k.n >= GREATEST(1, ${atOnce}))`;
}
