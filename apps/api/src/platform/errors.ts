import { HttpException, Logger } from '@nestjs/common';
import { DomainError, type ErrorKind } from '@rueda/domain';
import { translateDbError } from '@rueda/persistence';
import type { Nack } from '@rueda/realtime';

/** The one table from error kind to HTTP status. */
export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
  internal: 500,
};

const KIND_OF_STATUS = new Map<number, ErrorKind>(Object.entries(HTTP_STATUS).map(([k, s]) => [s, k as ErrorKind]));

// What the framework's own refusals (unknown route, rate limit, upload limits) say, in both languages.
const FRAMEWORK_TEXT: Partial<Record<ErrorKind, { es: string; en: string }>> = {
  invalid: { es: 'Solicitud inválida', en: 'Bad request' },
  unauthenticated: { es: 'Se requiere un token válido', en: 'A valid token is required' },
  forbidden: { es: 'No tiene permiso para esta operación', en: 'You are not allowed to do this' },
  not_found: { es: 'Recurso no encontrado', en: 'Not found' },
  too_large: { es: 'Contenido demasiado grande', en: 'Content too large' },
  unsupported: { es: 'Tipo de contenido no admitido', en: 'Unsupported content type' },
  too_many: { es: 'Demasiadas solicitudes: espere un momento', en: 'Too many requests: wait a moment' },
  unavailable: { es: 'Servicio no disponible por ahora: reintente', en: 'Service unavailable for now: retry' },
};

const internal = () => new DomainError('internal', 'internal', { es: 'Error interno', en: 'Internal error' });

const log = new Logger('Errors');

/**
 * Anything thrown, as a DomainError: domain errors as they are, database refusals through
 * the one translation in persistence, the framework's HTTP exceptions by their status, and
 * anything else as an internal error (logged whole, told to nobody).
 */
export function toDomainError(e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const db = translateDbError(e);
  if (db) return db;
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const kind = KIND_OF_STATUS.get(status) ?? (status >= 500 ? 'internal' : 'invalid');
    if (kind === 'internal') {
      log.error(e.message, e.stack);
      return internal();
    }
    const text = FRAMEWORK_TEXT[kind] ?? { es: e.message, en: e.message };
    // The framework's English detail ("Cannot GET /x", "File too large") follows the generic text.
    const detail = e.message && e.message !== text.en ? `: ${e.message}` : '';
    return new DomainError(kind, kind, { es: `${text.es}${detail}`, en: `${text.en}${detail}` });
  }
  log.error(e instanceof Error ? e.message : String(e), e instanceof Error ? e.stack : undefined);
  return internal();
}

/** The HTTP body of an error: `{statusCode, code, kind, message, messages: {es, en}, fields?, ...details}`. */
export function httpError(e: DomainError): { status: number; body: Record<string, unknown> } {
  const status = HTTP_STATUS[e.kind];
  return {
    status,
    body: {
      statusCode: status,
      code: e.code,
      // `error` repeats the code for clients written against the first version of the API.
      error: e.code,
      kind: e.kind,
      message: `${e.es} / ${e.en}`,
      messages: { es: e.es, en: e.en },
      ...(e.fields ? { fields: e.fields } : {}),
      ...(e.details ?? {}),
    },
  };
}

/** The socket.io acknowledgement of a failure: `{ok: false, code, kind, es, en, fields?, ...details}`. */
export function socketNack(e: unknown): Nack {
  const d = toDomainError(e);
  return { ok: false, code: d.code, kind: d.kind, es: d.es, en: d.en, ...(d.fields ? { fields: d.fields } : {}), ...(d.details ?? {}) };
}
