import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { EventEntity, ParticipantEntity, withGadmReference } from '@rueda/persistence';
import { invalidField, notFound, NOUNS, versionConflict } from '@rueda/domain';
import { Page } from '../../platform/pagination';
import { ResourceSpec } from './resources';

type Row = ObjectLiteral & { id: string; eventId: string; version?: number };

/** Create, read, update and delete of any event-scoped record described by a ResourceSpec. */
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

  async create<E extends Row>(spec: ResourceSpec<E>, eventId: string, body: Partial<E>): Promise<E> {
    return this.db.transaction(async (m) => {
      await this.eventExists(eventId, m);
      await this.checkParticipantRefs(m, spec, eventId, body);
      const repo = m.getRepository(spec.entity);
      const values = spec.path === 'participants' ? withGadmReference(body as never) : body;
      const saved = await repo.save(repo.create({ ...values, eventId } as never));
      return saved as unknown as E;
    });
  }

  /** Optimistic update: the row's version must still be the one the client read. */
  async update<E extends Row>(spec: ResourceSpec<E>, eventId: string, id: string, body: Partial<E> & { version?: number }): Promise<E> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(spec.entity);
      const current = await repo.findOne({ where: { id, eventId } as never, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound(spec.label, id);
      const { version, ...changes } = body;
      if (version !== undefined && current.version !== version) throw versionConflict(current);
      await this.checkParticipantRefs(m, spec, eventId, changes as Partial<E>);
      let merged = { ...current, ...changes } as E;
      if (spec.path === 'participants') merged = withGadmReference(merged as never) as E;
      return repo.save(merged as never) as unknown as E;
    });
  }

  async remove<E extends Row>(spec: ResourceSpec<E>, eventId: string, id: string): Promise<void> {
    const res = await this.db.getRepository(spec.entity).delete({ id, eventId } as never);
    if (!res.affected) throw notFound(spec.label, id);
  }

  /** An unknown event is a 404 on every record route, not an empty list or a foreign-key 409. */
  private async eventExists(eventId: string, m: EntityManager = this.db.manager) {
    if (!(await m.getRepository(EventEntity).exists({ where: { id: eventId } }))) throw notFound(NOUNS.event, eventId);
  }

  private async checkParticipantRefs<E>(m: EntityManager, spec: ResourceSpec<E>, eventId: string, body: Partial<E>) {
    for (const col of spec.participantRefs ?? []) {
      const ref = (body as Record<string, unknown>)[col];
      if (typeof ref !== 'string') continue;
      const found = await m.getRepository(ParticipantEntity).exists({ where: { id: ref, eventId } });
      if (!found) {
        throw invalidField(col, `participante desconocido en este evento: ${ref}`, `unknown participant in this event: ${ref}`);
      }
    }
  }
}
