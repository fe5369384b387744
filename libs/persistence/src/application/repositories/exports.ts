import type { EntityManager } from 'typeorm';
import type { ExportRecord, ExportRepository } from '@rueda/application';
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
}
