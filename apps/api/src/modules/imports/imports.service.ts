import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { exportTable, ImportIssue, ImportKind, SHEET_NAMES, TableFormat, validateImport } from '@rueda/importing';
import { EventEntity, existingExternalIds, ImportBatchEntity, ParticipantEntity, readRecords, writeRecords } from '@rueda/persistence';
import { DomainError, notFound, NOUNS } from '@rueda/domain';
import { parseInThread, SpreadsheetTooLarge } from './parse-in-thread';
import { formatBilingual } from '@rueda/i18n';

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

@Injectable()
export class ImportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Validates the whole file; with commit, writes every record in one transaction or nothing at all. */
  async run(
    eventId: string,
    kind: ImportKind,
    file: { buffer: Buffer; originalname: string; mimetype: string },
    commit: boolean,
    userId: string | null,
  ): Promise<ImportReport> {
    await this.eventExists(eventId);
    const table = await parseInThread(file.buffer, {
      filename: file.originalname,
      contentType: file.mimetype,
      sheet: [SHEET_NAMES[kind], kind],
    }).catch((e: unknown) => {
      if (!(e instanceof SpreadsheetTooLarge)) throw e;
      throw new DomainError('too_large', 'spreadsheet_too_large', e.issue.message, { details: { issues: [e.issue] } });
    });
    const participants = await this.db
      .getRepository(ParticipantEntity)
      .find({ where: { eventId }, select: { id: true, externalId: true, kind: true } });
    const result = validateImport(kind, table, { participants: participants.map((p) => ({ externalId: p.externalId, kind: p.kind })) });
    const issues = result.issues;
    const errors = issues.filter((i) => i.severity === 'error').length;
    const existing = await existingExternalIds(
      this.db.manager,
      kind,
      eventId,
      result.records.map((r) => r.externalId),
    );
    const report: ImportReport = {
      kind,
      mode: commit ? 'commit' : 'dry-run',
      file: { name: file.originalname, format: table.format, encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet },
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
    if (!commit) return report;
    if (errors > 0 || result.records.length === 0) {
      throw new DomainError(
        'unprocessable',
        'import_rejected',
        errors > 0
          ? formatBilingual(
              {
                es: 'El archivo tiene {n, plural, one {# error} other {# errores}}; no se escribió nada',
                en: 'The file has {n, plural, one {# error} other {# errors}}; nothing was written',
              },
              { n: errors },
            )
          : { es: 'El archivo no tiene filas válidas; no se escribió nada', en: 'The file has no valid rows; nothing was written' },
        { details: { report } },
      );
    }
    await this.db.transaction(async (m) => {
      // Counted again inside the transaction: the figures returned are the ones written.
      const written = await writeRecords(m, kind, eventId, result.records);
      report.insert = written.inserted;
      report.update = written.updated;
      await m.getRepository(ImportBatchEntity).insert({
        eventId,
        kind,
        filename: file.originalname.slice(0, 300),
        rows: result.rowsRead,
        inserted: report.insert,
        updated: report.update,
        userId,
      });
    });
    report.committed = true;
    return report;
  }

  async export(eventId: string, kind: ImportKind, format: TableFormat): Promise<Buffer> {
    await this.eventExists(eventId);
    return exportTable(kind, await readRecords(this.db.manager, kind, eventId), format);
  }

  private async eventExists(eventId: string) {
    if (!(await this.db.getRepository(EventEntity).exists({ where: { id: eventId } }))) throw notFound(NOUNS.event, eventId);
  }
}
