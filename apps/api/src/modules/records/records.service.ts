import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { EventEntity, ParticipantEntity } from '@rueda/persistence';
import { notFound, NOUNS } from '@rueda/domain';
import { Page } from '../../platform/pagination';
import { ResourceSpec } from './resources';

type Row = ObjectLiteral & { id: string; eventId: string; version?: number };

/** Reads of any event-scoped record described by a ResourceSpec (its changes are the record use cases). */
@Injectable()
export class RecordsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list<E extends Row>(
    spec: ResourceSpec<E>,
    eventId: string,
    query: Record<string, string | undefined>,
    page: number,
    pageSize: number,
  ): Promise<Page<E>> {
    await this.eventExists(eventId);
    const qb = this.db.getRepository(spec.entity).createQueryBuilder('r').where('r.eventId = :eventId', { eventId });
    let joined = false;
    for (const [param, f] of Object.entries(spec.filters)) {
      const value = query[param];
      if (value === undefined || value === '') continue;
      const p = `f_${param}`;
      const eq = (col: string) => (f.ci ? `lower(${col}) = lower(:${p})` : `${col} = :${p}`);
      if (f.kind === 'eq') qb.andWhere(eq(`r.${f.column}`), { [p]: value });
      else if (f.kind === 'ilike') qb.andWhere(`r.${f.column} ILIKE :${p}`, { [p]: `%${value.replace(/[%_]/g, '\\$&')}%` });
      else if (f.kind === 'array') qb.andWhere(`:${p} = ANY(r.${f.column})`, { [p]: value });
      else {
        if (!joined) qb.innerJoin(ParticipantEntity, 'p', 'p.id = r.participantId');
        joined = true;
        qb.andWhere(eq(`p.${f.column}`), { [p]: value });
      }
    }
    const [items, total] = await qb
      .orderBy(`r.${spec.order}`, 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }

  async get<E extends Row>(spec: ResourceSpec<E>, eventId: string, id: string, manager: EntityManager = this.db.manager): Promise<E> {
    const row = await manager.getRepository(spec.entity).findOne({ where: { id, eventId } as never });
    if (!row) throw notFound(spec.label, id);
    return row;
  }

  /** An unknown event is a 404 on every record route, not an empty list or a foreign-key 409. */
  private async eventExists(eventId: string, m: EntityManager = this.db.manager) {
    if (!(await m.getRepository(EventEntity).exists({ where: { id: eventId } }))) throw notFound(NOUNS.event, eventId);
  }
}
