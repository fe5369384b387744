import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { exportTable, ImportKind, ParsedTable, SHEET_NAMES, TableFormat } from '@rueda/importing';
import { EventEntity, readRecords } from '@rueda/persistence';
import { DomainError, notFound, NOUNS } from '@rueda/domain';
import { parseInThread, SpreadsheetTooLarge } from './parse-in-thread';

/** Reading an uploaded table and exporting one; importing it is the ImportTable use case. */
@Injectable()
export class ImportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Reads an uploaded file off the request thread, for the ImportTable use case (which validates
   * and writes it): an unknown event is a 404 before the file is read, a too large one a 413.
   */
  async parse(eventId: string, kind: ImportKind, file: { buffer: Buffer; originalname: string; mimetype: string }): Promise<ParsedTable> {
    await this.eventExists(eventId);
    return parseInThread(file.buffer, {
      filename: file.originalname,
      contentType: file.mimetype,
      sheet: [SHEET_NAMES[kind], kind],
    }).catch((e: unknown) => {
      if (!(e instanceof SpreadsheetTooLarge)) throw e;
      throw new DomainError('too_large', 'spreadsheet_too_large', e.issue.message, { details: { issues: [e.issue] } });
    });
  }

  async export(eventId: string, kind: ImportKind, format: TableFormat): Promise<Buffer> {
    await this.eventExists(eventId);
    return exportTable(kind, await readRecords(this.db.manager, kind, eventId), format);
  }

  private async eventExists(eventId: string) {
    if (!(await this.db.getRepository(EventEntity).exists({ where: { id: eventId } }))) throw notFound(NOUNS.event, eventId);
  }
}
