import { z } from 'zod';
import { bi, CREATE_ONLY, invalid, recordFields, type RecordKind } from '@rueda/domain';
import { competenciaCodes, modalidadCodes, odsCodes, provinceCode, sectorCodes, tipoCode } from './codes';

/** The shared record fields (libs/domain, also the web's forms) with the codes checked against the reference data. */
export const FIELDS = recordFields({
  sectors: sectorCodes,
  competencias: competenciaCodes,
  modalidades: modalidadCodes,
  ods: odsCodes,
  provinceCode,
  tipo: tipoCode,
});

/** The fields an update may change (those set at creation only are left out). */
export const updatable = <K extends RecordKind>(kind: K) =>
  Object.fromEntries(Object.entries(FIELDS[kind]).filter(([k]) => !CREATE_ONLY[kind].includes(k))) as z.ZodRawShape;

export const amountsInOrder = (o: { minAmountUsd?: number | null; maxAmountUsd?: number | null }) =>
  o.minAmountUsd == null || o.maxAmountUsd == null || o.minAmountUsd <= o.maxAmountUsd;
/** An offer's amounts out of order, as a field problem (for a record merged with the stored one). */
export const AMOUNTS_OUT_OF_ORDER = { path: 'maxAmountUsd', es: 'debe ser ≥ minAmountUsd', en: 'must be ≥ minAmountUsd' };
/**
 * The refine parameters of that rule, new for every schema: zod takes the object over (it moves
 * `message` to `error`), so a shared one lost its message after the first schema was built and
 * reading it later threw a TypeError (a self-service offer update with the amounts reversed was a 500).
 */
export const amountsMsg = () => ({ message: bi(AMOUNTS_OUT_OF_ORDER.es, AMOUNTS_OUT_OF_ORDER.en), path: [AMOUNTS_OUT_OF_ORDER.path] });

/**
 * Updates carry the version the client read, so a stale write is refused with 409. Defaults
 * are stripped: a field the client leaves out must stay as it is, not be reset.
 */
export const withVersion = <T extends z.ZodRawShape>(shape: T) => {
  const plain = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]));
  return z
    .object(plain)
    .partial()
    .extend({ version: z.number().int().min(1) })
    .strict();
};

/** Rules across fields of one record kind (an offer's amounts in order), on a create's body. */
const acrossFields =
  (kind: RecordKind) =>
  <S extends z.ZodObject>(s: S) =>
    kind === 'offers' ? s.refine(amountsInOrder, amountsMsg()) : s;

/**
 * The record an update makes: the stored row with the changes sent, checked by the rules across
 * fields. Not the changes alone: a minimum sent without the maximum must still be ≤ the stored
 * maximum (it was the database's CHECK, a 422 naming no field). Every update of a record (an
 * organiser's, a participant's own) merges through here, inside its transaction, after the row
 * is locked; a refusal writes nothing.
 */
export function mergeChecked<T extends object>(kind: RecordKind, current: T, changes: Record<string, unknown>): T {
  const merged = { ...current, ...changes } as T;
  if (kind === 'offers' && !amountsInOrder(merged as Parameters<typeof amountsInOrder>[0])) throw invalid([AMOUNTS_OUT_OF_ORDER]);
  return merged;
}

/**
 * The route bodies and the commands of one record kind: a command is its route's body plus the
 * path parameters (built side by side because a refined zod object cannot be extended).
 */
export function recordSchemas(kind: RecordKind) {
  const rules = acrossFields(kind);
  const createShape = FIELDS[kind] as z.ZodRawShape;
  const updateShape = withVersion(updatable(kind)).shape;
  const path = { eventId: z.uuid() };
  const row = { ...path, id: z.uuid() };
  return {
    createBody: rules(z.object(createShape).strict()),
    // An update's rules across fields are checked on the record it makes (mergeChecked).
    updateBody: z.object(updateShape).strict(),
    create: rules(z.object({ ...path, ...createShape }).strict()),
    update: z.object({ ...row, ...updateShape }).strict(),
    remove: z.object(row).strict(),
  };
}
