import { type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ExportRecord, ExportRepository, ExportStatus } from '@rueda/application';
import { EventEntity, ExportFileEntity } from '../../entities';

export class TypeOrmExportRepository implements ExportRepository {
  constructor(private readonly m: EntityManager) {}

  eventExists(eventId: string) {
    return this.m.getRepository(EventEntity).existsBy({ id: eventId });
  }

  async create(e: {
    eventId: string;
    kind: string;
    params: Record<string, unknown>;
    filename: string;
    contentType: string;
    requestedBy: string | null;
  }): Promise<ExportRecord> {
    const repo = this.m.getRepository(ExportFileEntity);
    const row = await repo.save(repo.create({ ...e, status: 'queued', progress: { phase: 'queued', percent: 0 } }));
    const { content: _content, contentType: _type, requestedBy: _by, ...shown } = row;
    return shown;
  }

  async updateOpen(
    exportId: string,
    open: ExportStatus[],
    patch: {
      status: ExportStatus;
      progress?: Record<string, unknown>;
      error?: string | null;
      content?: Uint8Array;
      size?: number;
      finishedAt?: Date;
    },
  ) {
    const { content, ...rest } = patch;
    const set = { ...rest, ...(content ? { content: Buffer.from(content.buffer, content.byteOffset, content.length) } : {}) };
    const r = await this.m
      .getRepository(ExportFileEntity)
      .update({ id: exportId, status: In(open) }, set as QueryDeepPartialEntity<ExportFileEntity>);
    return (r.affected ?? 0) > 0;
  }
}
