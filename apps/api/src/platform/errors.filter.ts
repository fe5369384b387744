import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { httpError, toDomainError } from './errors';

/** The one translation of errors to HTTP: every route's failures come through here. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw err;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const { status, body } = httpError(toDomainError(err));
    res.status(status).json(body);
  }
}
