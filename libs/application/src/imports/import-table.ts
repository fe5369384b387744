import { z } from 'zod';
import { DomainError, NOUNS, notFound } from '@rueda/domain';
import { formatBilingual } from '@rueda/i18n';
import { IMPORT_KINDS, type ImportIssue, type ImportKind, type ParsedTable, validateImport } from '@rueda/importing';
import { admins } from '../authorization';
import { useCase } from '../use-case';

export interface ImportReport {
  kind: ImportKind;
  mode: 'dry-run' | 'commit';
  file: { name: string; format: string; encoding: string | null; delimiter: string | null; sheet: string | null };
  rowsRead: number;
  valid: number;
  /** Problems of error severity (a row can have several). */
  errors: number;
  /** Data rows with at least one error: what "rows read / valid / with errors" adds up with. */
  errorRows: number;
  warnings: number;
  issues: ImportIssue[];
  /** How many records would be (or were) inserted and updated, matched by external id. */
  insert: number;
  update: number;
  committed: boolean;
}

/** dry-run reports every problem and what would be written; commit writes every record or nothing. */
export const ImportMode = z.enum(['dry-run', 'commit']).default('dry-run');

/**
 * The file as the edge read it (a CSV or XLSX parsed off the request thread): the use case
 * validates its cells, the shape is the parser's, so it is taken as is.
 */
const ParsedTableShape = z.custom<ParsedTable>(
  (t) => typeof t === 'object' && t !== null && Array.isArray((t as ParsedTable).rows) && Array.isArray((t as ParsedTable).headers),
  { message: 'tabla leída inválida / invalid parsed table' },
);

export const ImportTableCommand = z
  .object({
    eventId: z.uuid(),
    kind: z.enum(IMPORT_KINDS),
    mode: ImportMode,
    filename: z.string().max(1000),
    table: ParsedTableShape,
  })
  .strict();

const rejected = (errors: number) =>
  errors > 0
    ? formatBilingual(
        {
          es: 'El archivo tiene {n, plural, one {# error} other {# errores}}; no se escribió nada',
          en: 'The file has {n, plural, one {# error} other {# errors}}; nothing was written',
        },
        { n: errors },
      )
    : { es: 'El archivo no tiene filas válidas; no se escribió nada', en: 'The file has no valid rows; nothing was written' };

/**
 * Imports a table of participants, delegates, demands or offers: the whole file is validated
 * (every row, every cell) against the event's participants; a dry run reports it, a commit
 * writes every record (matched by external id) in this one transaction, or nothing at all
 * (422 with the report). The figures returned are counted inside the transaction.
 */
export const ImportTable = useCase({
  name: 'ImportTable',
  command: ImportTableCommand,
  authorize: admins,
  async run({ tx, principal }, { eventId, kind, mode, filename, table }): Promise<ImportReport> {
    const repo = tx.repos.imports;
    if (!(await repo.eventExists(eventId))) throw notFound(NOUNS.event, eventId);
    const participants = await repo.participants(eventId);
    const result = validateImport(kind, table, { participants: participants.map((p) => ({ externalId: p.externalId, kind: p.kind })) });
    const issues = result.issues;
    const errors = issues.filter((i) => i.severity === 'error').length;
    const existing = await repo.existing(
      kind,
      eventId,
      result.records.map((r) => r.externalId),
    );
    const report: ImportReport = {
      kind,
      mode,
      file: { name: filename, format: table.format, encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet },
      rowsRead: result.rowsRead,
      valid: result.records.length,
      errors,
      errorRows: new Set(issues.filter((i) => i.severity === 'error' && i.row > 0).map((i) => i.row)).size,
      warnings: issues.length - errors,
      issues,
      insert: result.records.length - existing.size,
      update: existing.size,
      committed: false,
    };
    if (mode === 'dry-run') return report;
    if (errors > 0 || result.records.length === 0)
      throw new DomainError('unprocessable', 'import_rejected', rejected(errors), { details: { report } });
    const written = await repo.write(kind, eventId, result.records);
    await repo.recordBatch({
      eventId,
      kind,
      filename,
      rows: result.rowsRead,
      inserted: written.inserted,
      updated: written.updated,
      userId: principal.type === 'user' ? principal.userId : null,
    });
    return { ...report, insert: written.inserted, update: written.updated, committed: true };
  },
});
