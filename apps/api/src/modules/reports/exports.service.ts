import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { UnitOfWork } from '@rueda/application';
import { entityManagerOf, EventEntity, ExportFileEntity } from '@rueda/persistence';
import { ExportJobData, ExportProgress, QUEUES } from '@rueda/queues';
import { CONTENT_TYPES, RenderedFile } from './reports.service';
import { conflict, notFound, NOUNS } from '@rueda/domain';
import { UNIT_OF_WORK } from '../../platform/application.module';

export interface AgendaExportInput {
  participantKind?: 'gadm' | 'cooperant';
  includeEmpty: boolean;
}

@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.exports) private readonly queue: Queue<ExportJobData>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
  ) {}

  /** Records the export and, in the same transaction, the job that fills it (its id is the row's). */
  async agendas(eventId: string, input: AgendaExportInput, userId: string | null) {
    return this.uow.run(async (tx) => {
      const m = entityManagerOf(tx);
      if (!(await m.getRepository(EventEntity).existsBy({ id: eventId }))) throw notFound(NOUNS.event, eventId);
      const repo = m.getRepository(ExportFileEntity);
      const row = await repo.save(
        repo.create({
          eventId,
          kind: 'agendas',
          status: 'queued',
          params: { ...input },
          progress: { phase: 'queued', percent: 0 },
          filename: `agendas${input.participantKind ? `-${input.participantKind}` : ''}.pdf`,
          contentType: CONTENT_TYPES.pdf,
          requestedBy: userId,
        }),
      );
      const data: ExportJobData = { eventId, exportId: row.id, kind: 'agendas', ...input };
      tx.enqueue({ queue: QUEUES.exports, name: 'agendas', data, options: { jobId: row.id } });
      return this.describe(row);
    });
  }

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

  private describe(row: ExportFileEntity) {
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
