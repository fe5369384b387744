import { HttpStatus } from '@nestjs/common';
import { ApiError, FieldIssue } from '../common/errors';

/**
 * A 400 shaped like the validation pipe's, for rules that need the database (a date before
 * the meeting, say): clients handle one format whichever layer found the problem.
 */
export function invalidFields(issues: FieldIssue[]): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', { es: 'Datos inválidos', en: 'Invalid data' }, { issues });
}

export const issue = (path: string, es: string, en: string): FieldIssue => ({ path, message: `${es} / ${en}` });
