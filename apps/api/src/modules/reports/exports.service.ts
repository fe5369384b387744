import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { ExportRecord } from '@rueda/application';
import { ExportFileEntity } from '@rueda/persistence';
import { ExportJobData, ExportProgress, QUEUES } from '@rueda/queues';
import { RenderedFile } from './reports.service';
import { conflict, notFound, NOUNS } from '@rueda/domain';

/** The exports' reads (status, file); asking for one is a use case (libs/application/src/exports). */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.exports) private readonly queue: Queue<ExportJobData>,
  ) {}

  async status(eventId: string, id: string) {
    const row = await this.db.getRepository(ExportFileEntity).findOneBy({ id, eventId });
    if (!row) throw notFound(NOUNS.export, id);
    if (row.status === 'queued' || row.status === 'running') {
      // While it runs, the freshest progress is on the BullMQ job; the row has it once done.
      const job = await this.queue.getJob(id).catch(() => undefined);
      const p = job?.progress as ExportProgress | number | undefined;
      if (p && typeof p === 'object') row.progress = { ...p };
    }
    return this.describe(row);
  }

  async file(eventId: string, id: string): Promise<RenderedFile> {
    const row = await this.db
      .getRepository(ExportFileEntity)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.id = :id AND f.eventId = :eventId', { id, eventId })
      .getOne();
    if (!row) throw notFound(NOUNS.export, id);
    if (row.status !== 'done' || !row.content) {
      throw conflict(
        'export_not_ready',
        {
          es: `El archivo aún no está listo (estado «${row.status}»)`,
          en: `The file is not ready yet (status "${row.status}")`,
        },
        { status: row.status, progress: row.progress },
      );
    }
    return { body: row.content, contentType: row.contentType, filename: row.filename };
  }

  /** An export as the routes show it, with where to follow it and fetch its file. */
  describe(row: ExportRecord) {
    const base = `/events/${row.eventId}/exports/jobs/${row.id}`;
    return {
      jobId: row.id,
      kind: row.kind,
      status: row.status,
      params: row.params,
      progress: row.progress,
      filename: row.filename,
      size: row.size,
      error: row.error,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      url: base,
      fileUrl: row.status === 'done' ? `${base}/file` : null,
    };
  }
}
