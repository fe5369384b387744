import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { QueryFailedError } from 'typeorm';

/** Constraint violations are the database settling a race or a bad reference: answer 409/422, never 500. */
@Catch(QueryFailedError)
export class DbErrorsFilter implements ExceptionFilter {
  private readonly log = new Logger('Database');

  catch(err: QueryFailedError & { driverError?: { code?: string; detail?: string; constraint?: string } }, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const d = err.driverError ?? {};
    const map: Record<string, [number, string, string, string]> = {
      '23505': [HttpStatus.CONFLICT, 'duplicate', 'Ya existe un registro con esos datos', 'A record with those values already exists'],
      '23503': [
        HttpStatus.CONFLICT,
        'reference',
        'El registro está referido por otro o refiere a uno inexistente',
        'The record is referenced by another or refers to a missing one',
      ],
      '23514': [HttpStatus.UNPROCESSABLE_ENTITY, 'check', 'Los datos no cumplen una regla', 'The data breaks a rule'],
      '22P02': [HttpStatus.BAD_REQUEST, 'invalid_text', 'Identificador o valor con formato inválido', 'Malformed identifier or value'],
    };
    const hit = d.code ? map[d.code] : undefined;
    if (!hit) {
      // Unexpected: log it whole, answer without leaking SQL or stack traces.
      this.log.error(err.message, err.stack);
      res.status(500).json({
        statusCode: 500,
        error: 'internal',
        message: 'Error interno / Internal error',
        messages: { es: 'Error interno', en: 'Internal error' },
      });
      return;
    }
    const [status, code, es, en] = hit;
    res.status(status).json({
      statusCode: status,
      error: code,
      message: `${es} / ${en}`,
      messages: { es, en },
      constraint: d.constraint,
      detail: d.detail,
    });
  }
}
