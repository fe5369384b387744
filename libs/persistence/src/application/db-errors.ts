import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { DomainError, RESERVED_TABLE_INDEX, reservedTableTaken } from '@rueda/domain';

type PgError = { code?: string; constraint?: string; table?: string; column?: string };

// PostgreSQL SQLSTATE → the domain's kind and a bilingual reason. The database settles races
// and references; its refusals are answers (409/422/400), never 500s.
const KNOWN: Record<string, [DomainError['kind'], string, string, string]> = {
  '23505': ['conflict', 'duplicate', 'Ya existe un registro con esos datos', 'A record with those values already exists'],
  '23503': [
    'conflict',
    'reference',
    'El registro está referido por otro o refiere a uno inexistente',
    'The record is referenced by another or refers to a missing one',
  ],
  '23514': ['unprocessable', 'check', 'Los datos no cumplen una regla', 'The data breaks a rule'],
  '23502': ['invalid', 'required', 'Falta un dato obligatorio', 'A required value is missing'],
  '22P02': ['invalid', 'invalid_text', 'Identificador o valor con formato inválido', 'Malformed identifier or value'],
  '22001': ['invalid', 'too_long', 'Un texto es más largo de lo permitido', 'A text is longer than allowed'],
  '22003': ['invalid', 'out_of_range', 'Un número está fuera de rango', 'A number is out of range'],
  '22021': ['invalid', 'bad_encoding', 'Texto con caracteres no válidos', 'Text with invalid characters'],
  '40P01': [
    'conflict',
    'concurrent_update',
    'Otra operación cambió los mismos datos; reintente',
    'Another operation changed the same data; retry',
  ],
  '40001': [
    'conflict',
    'concurrent_update',
    'Otra operación cambió los mismos datos; reintente',
    'Another operation changed the same data; retry',
  ],
};

/** Unique indexes whose refusal the domain words itself, naming the field (a race its use case's check lost). */
const BY_CONSTRAINT: Record<string, () => DomainError> = {
  [RESERVED_TABLE_INDEX]: () => reservedTableTaken(),
};

/**
 * A database refusal as a DomainError, or null when it is not one the domain can explain
 * (then it is a defect: the edge logs it whole and answers "internal error").
 */
export function translateDbError(e: unknown): DomainError | null {
  // A `…OrFail` lookup that found nothing: whatever was named does not exist.
  if (e instanceof EntityNotFoundError)
    return new DomainError('not_found', 'not_found', { es: 'Registro no encontrado', en: 'Record not found' });
  if (!(e instanceof QueryFailedError)) return null;
  const d = ((e as QueryFailedError & { driverError?: PgError }).driverError ?? {}) as PgError;
  const named = d.code === '23505' && d.constraint ? BY_CONSTRAINT[d.constraint] : undefined;
  if (named) return named();
  const hit = d.code ? KNOWN[d.code] : undefined;
  if (!hit) return null;
  const [kind, code, es, en] = hit;
  return new DomainError(kind, code, { es, en }, d.constraint ? { details: { constraint: d.constraint } } : {});
}
