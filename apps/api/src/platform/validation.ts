import { HttpStatus, StandardSchemaValidationPipe } from '@nestjs/common';
import { ApiError } from './errors';

/** Global pipe: `@Body({ schema })` and `@Query({ schema })` validate with zod, errors name each field. */
export function validationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      new ApiError(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        { es: 'Datos inválidos', en: 'Invalid data' },
        {
          issues: issues.map((i) => ({
            path: (i.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || '(body)',
            message: i.message,
          })),
        },
      ),
  });
}
