import { z } from 'zod';
import { IMPORT_KINDS } from '@rueda/importing';
import { bilingual, int } from '../../platform/response-types';

/** What an import found or wrote: counts, and every problem by row and column in both languages. */
export const ImportReportOut = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    mode: z.enum(['dry-run', 'commit']),
    file: z.object({
      name: z.string(),
      format: z.string(),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      sheet: z.string().nullable(),
    }),
    rowsRead: int,
    valid: int,
    errors: int,
    errorRows: int,
    warnings: int,
    issues: z.array(
      z.object({
        row: int,
        column: z.string().nullable(),
        code: z.string(),
        severity: z.enum(['error', 'warning']),
        message: bilingual,
        value: z.string().optional(),
      }),
    ),
    insert: int,
    update: int,
    committed: z.boolean(),
  })
  .meta({ id: 'ImportReport' });
