import { HttpException, HttpStatus } from '@nestjs/common';

/** A bilingual message: participants read Spanish first. */
export interface Bilingual {
  es: string;
  en: string;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** A 4xx body that names what is wrong: `{statusCode, error, message, issues?, current?}`. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: Bilingual, extra: Record<string, unknown> = {}) {
    super({ statusCode: status, error: code, message: `${message.es} / ${message.en}`, messages: message, ...extra }, status);
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(HttpStatus.NOT_FOUND, 'not_found', { es: `${what} no encontrado: ${id}`, en: `${what} not found: ${id}` });

export const versionConflict = (current: unknown) =>
  new ApiError(
    HttpStatus.CONFLICT,
    'version_conflict',
    { es: 'El registro cambió desde que lo leyó; vuelva a cargarlo', en: 'The record changed since you read it; reload it' },
    { current },
  );
