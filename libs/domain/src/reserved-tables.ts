import { DomainError } from './rules/errors';

/**
 * A participant sits at one fixed table all day: at most one table of its event is reserved for
 * it (the schedule's `fixedTable` is one table). The use case refuses a second reservation with
 * the table already held; the database's unique index (this name) settles two at once.
 */
export const RESERVED_TABLE_INDEX = 'uq_tables_reserved_for';

/** A second table reserved for the same participant: 409, naming the field. */
export function reservedTableTaken(heldBy?: { number: number }): DomainError {
  const es = heldBy
    ? `el participante ya tiene reservada la mesa ${heldBy.number}; un participante tiene una sola mesa fija`
    : 'el participante ya tiene una mesa reservada; un participante tiene una sola mesa fija';
  const en = heldBy
    ? `the participant already has table ${heldBy.number} reserved; a participant has one fixed table`
    : 'the participant already has a table reserved; a participant has one fixed table';
  return new DomainError(
    'conflict',
    'table_already_reserved',
    { es: 'El participante ya tiene una mesa reservada', en: 'The participant already has a table reserved' },
    { fields: [{ path: 'reservedForParticipantId', es, en }] },
  );
}
