/**
 * The one error model of Rueda. Use cases and domain rules throw a DomainError; each edge
 * translates it once: HTTP (one Nest exception filter), socket.io acknowledgements (one
 * mapper), jobs and the CLI. Nothing here knows about HTTP status codes.
 */

/** What kind of refusal it is; every edge maps the kind, never the code, to its own vocabulary. */
export const ERROR_KINDS = [
  'invalid', // the input breaks a rule of its shape (a field is wrong)
  'unauthenticated', // no valid token
  'forbidden', // a valid caller who may not do this
  'not_found', // the thing named does not exist (or the caller may not know it does)
  'conflict', // the state of the data refuses it now (stale version, taken cell, wrong status)
  'gone', // it existed and no longer can be used (expired link, superseded version)
  'too_large', // the input is larger than allowed
  'unsupported', // a media type or format that is not accepted
  'unprocessable', // well-formed but cannot be written as a whole (an import with errors)
  'too_many', // a rate limit
  'unavailable', // a dependency is down; retrying later may work
  'internal', // a defect: logged whole, told to nobody
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Everything a person reads: Spanish first, English second. */
export interface Bilingual {
  es: string;
  en: string;
}

/** One field that is wrong, named by its path in the input (`sessions.0.endTime`). */
export interface FieldProblem extends Bilingual {
  path: string;
}

export interface DomainErrorExtra {
  fields?: FieldProblem[];
  /** Machine-readable context (the current row on a version conflict, a report, …). */
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly es: string;
  readonly en: string;
  readonly fields?: FieldProblem[];
  readonly details?: Record<string, unknown>;

  constructor(
    readonly kind: ErrorKind,
    /** Stable, snake_case; clients switch on it (`version_conflict`, `invalid_transition`, …). */
    readonly code: string,
    message: Bilingual,
    extra: DomainErrorExtra = {},
  ) {
    super(`${message.es} / ${message.en}`);
    this.name = 'DomainError';
    this.es = message.es;
    this.en = message.en;
    if (extra.fields?.length) this.fields = extra.fields;
    if (extra.details) this.details = extra.details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** A thing a message can name, with the Spanish grammatical gender its adjectives agree with. */
export interface Noun extends Bilingual {
  feminine?: boolean;
}

export const NOUNS = {
  event: { es: 'Evento', en: 'Event' },
  participant: { es: 'Participante', en: 'Participant' },
  delegate: { es: 'Delegado', en: 'Delegate' },
  demand: { es: 'Demanda', en: 'Demand', feminine: true },
  offer: { es: 'Oferta', en: 'Offer', feminine: true },
  table: { es: 'Mesa', en: 'Table', feminine: true },
  slot: { es: 'Franja', en: 'Slot', feminine: true },
  meeting: { es: 'Reunión', en: 'Meeting', feminine: true },
  request: { es: 'Solicitud', en: 'Request', feminine: true },
  proposal: { es: 'Propuesta', en: 'Proposal', feminine: true },
  scheduleVersion: { es: 'Versión de agenda', en: 'Schedule version', feminine: true },
  matchRun: { es: 'Cálculo de afinidades', en: 'Matching run' },
  commitment: { es: 'Compromiso', en: 'Commitment' },
  outcome: { es: 'Resultado de la reunión', en: 'Meeting outcome' },
  export: { es: 'Exportación', en: 'Export', feminine: true },
  user: { es: 'Usuario', en: 'User' },
  meetingParticipant: { es: 'Participante de la reunión', en: 'Meeting participant' },
} satisfies Record<string, Noun>;

export function notFound(noun: Noun, id: string): DomainError {
  return new DomainError('not_found', 'not_found', {
    es: `${noun.es} no encontrad${noun.feminine ? 'a' : 'o'}: ${id}`,
    en: `${noun.en} not found: ${id}`,
  });
}

/** The row changed since the caller read it: it gets the current one to decide again. */
export function versionConflict(current: unknown): DomainError {
  return new DomainError(
    'conflict',
    'version_conflict',
    { es: 'El registro cambió desde que lo leyó; vuelva a cargarlo', en: 'The record changed since you read it; reload it' },
    { details: { current } },
  );
}

export function conflict(code: string, message: Bilingual, details?: Record<string, unknown>): DomainError {
  return new DomainError('conflict', code, message, details ? { details } : {});
}

export function forbidden(message: Bilingual = { es: 'No tiene permiso para esta operación', en: 'You are not allowed to do this' }) {
  return new DomainError('forbidden', 'forbidden', message);
}

export function unauthenticated(
  message: Bilingual = {
    es: 'Se requiere un token válido (Authorization: Bearer …)',
    en: 'A valid token is required (Authorization: Bearer …)',
  },
) {
  return new DomainError('unauthenticated', 'unauthenticated', message);
}

/** Input that breaks its rules, every wrong field named in both languages. */
export function invalid(fields: FieldProblem[], code = 'validation_failed'): DomainError {
  const named = fields.map((f) => f.path || '(raíz)');
  const message: Bilingual =
    fields.length === 1
      ? { es: `Datos inválidos en «${named[0]}»: ${fields[0].es}`, en: `Invalid data in "${fields[0].path || '(root)'}": ${fields[0].en}` }
      : {
          es: `Datos inválidos en ${fields.length} campos: ${named.join(', ')}`,
          en: `Invalid data in ${fields.length} fields: ${fields.map((f) => f.path || '(root)').join(', ')}`,
        };
  return new DomainError('invalid', code, message, { fields });
}

/** One wrong field. */
export function invalidField(path: string, es: string, en: string): DomainError {
  return invalid([{ path, es, en }]);
}

export const fieldProblem = (path: string, es: string, en: string): FieldProblem => ({ path, es, en });
