import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { conflict, fieldProblem, generateSlots, invalid, NOUNS, notFound, versionConflict } from '@rueda/domain';
import {
  EventEntity,
  EventSessionEntity,
  lockEventExclusive,
  ParticipantEntity,
  SlotEntity,
  TableEntity,
  UnavailabilityEntity,
} from '@rueda/persistence';
import { CreateEventBody, SessionBody, UpdateEventBody } from './events.schemas';

type SessionInput = z.infer<typeof SessionBody>;

@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the event, its sessions, the slots they generate and numbered tables, all or nothing. */
  async create(body: z.infer<typeof CreateEventBody>): Promise<EventEntity> {
    return this.db.transaction(async (m) => {
      const { sessions, tableCount, ...fields } = body;
      const event = await m.getRepository(EventEntity).save(m.getRepository(EventEntity).create(fields));
      await this.writeSessions(m, event, sessions);
      if (tableCount > 0) {
        await m
          .getRepository(TableEntity)
          .insert(Array.from({ length: tableCount }, (_, i) => ({ eventId: event.id, number: i + 1, label: `Mesa ${i + 1}` })));
      }
      return this.get(event.id, m);
    });
  }

  async list(page: number, pageSize: number) {
    const [items, total] = await this.db.getRepository(EventEntity).findAndCount({
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<EventEntity> {
    const ev = await m
      .getRepository(EventEntity)
      .findOne({ where: { id }, relations: { sessions: true }, order: { sessions: { day: 'ASC', startTime: 'ASC' } } });
    if (!ev) throw notFound(NOUNS.event, id);
    return ev;
  }

  async update(id: string, body: z.infer<typeof UpdateEventBody>): Promise<EventEntity> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(EventEntity);
      await lockEventExclusive(m, id);
      const current = await repo.findOneOrFail({ where: { id } });
      const { version, ...changes } = body;
      if (current.version !== version) throw versionConflict(current);
      const tzChanged = changes.timeZone !== undefined && changes.timeZone !== current.timeZone;
      if (tzChanged) await this.refuseIfPlaced(m, id);
      await repo.save({ ...current, ...changes, settings: { ...current.settings, ...(changes.settings ?? {}) } });
      if (tzChanged) {
        const sessions = await m.getRepository(EventSessionEntity).find({ where: { eventId: id } });
        await this.regenerateSlots(m, { ...current, timeZone: changes.timeZone! }, sessions);
      }
      return this.get(id, m);
    });
  }

  async remove(id: string): Promise<void> {
    const res = await this.db.getRepository(EventEntity).delete({ id });
    if (!res.affected) throw notFound(NOUNS.event, id);
  }

  /** Replaces the sessions; refused once meetings sit in slots, since their times would change under them. */
  async replaceSessions(id: string, sessions: SessionInput[]): Promise<EventEntity> {
    return this.db.transaction(async (m) => {
      // The whole event, as its live operations lock it: slots are about to be replaced.
      await lockEventExclusive(m, id);
      const event = await m.getRepository(EventEntity).findOneOrFail({ where: { id } });
      await this.refuseIfPlaced(m, id);
      await m.getRepository(EventSessionEntity).delete({ eventId: id });
      await this.writeSessions(m, event, sessions);
      return this.get(id, m);
    });
  }

  slots(eventId: string) {
    return this.db.getRepository(SlotEntity).find({ where: { eventId }, order: { ordinal: 'ASC' } });
  }

  async unavailability(eventId: string, participantId: string): Promise<string[]> {
    await this.participantOf(eventId, participantId);
    const rows = await this.db.getRepository(UnavailabilityEntity).find({ where: { participantId } });
    return rows.map((r) => r.slotId);
  }

  async setUnavailability(eventId: string, participantId: string, slotIds: string[]): Promise<string[]> {
    return this.db.transaction(async (m) => {
      await this.participantOf(eventId, participantId, m);
      const known = new Set(await this.slotIds(m, eventId));
      const unknown = slotIds.filter((s) => !known.has(s));
      if (unknown.length) {
        throw invalid(unknown.map((s) => fieldProblem('slotIds', `franja desconocida: ${s}`, `unknown slot: ${s}`)));
      }
      await m.getRepository(UnavailabilityEntity).delete({ participantId });
      const unique = [...new Set(slotIds)];
      if (unique.length) await m.getRepository(UnavailabilityEntity).insert(unique.map((slotId) => ({ participantId, slotId })));
      return unique;
    });
  }

  /** Slot times may not change under meetings already placed in them (or under a schedule version). */
  private async refuseIfPlaced(m: EntityManager, eventId: string) {
    const [{ n }] = await m.query(
      `SELECT (SELECT count(*) FROM meetings WHERE event_id = $1 AND slot_id IS NOT NULL)
            + (SELECT count(*) FROM schedule_assignments a JOIN schedule_versions v ON v.id = a.schedule_version_id WHERE v.event_id = $1) AS n`,
      [eventId],
    );
    if (Number(n) > 0) {
      throw conflict('slots_in_use', {
        es: 'Ya hay reuniones o agendas en estas franjas; no se pueden regenerar (use los retrasos del día)',
        en: 'Meetings or schedules already use these slots; they cannot be regenerated (use delays on the day)',
      });
    }
  }

  private async participantOf(eventId: string, participantId: string, m: EntityManager = this.db.manager) {
    const p = await m.getRepository(ParticipantEntity).findOne({ where: { id: participantId, eventId } });
    if (!p) throw notFound(NOUNS.participant, participantId);
    return p;
  }

  private async slotIds(m: EntityManager, eventId: string): Promise<string[]> {
    return (await m.getRepository(SlotEntity).find({ where: { eventId }, select: { id: true } })).map((s) => s.id);
  }

  private async writeSessions(m: EntityManager, event: EventEntity, sessions: SessionInput[]) {
    const saved = sessions.length
      ? await m
          .getRepository(EventSessionEntity)
          .save(sessions.map((s) => m.getRepository(EventSessionEntity).create({ ...s, eventId: event.id })))
      : [];
    await this.regenerateSlots(m, event, saved);
  }

  private async regenerateSlots(m: EntityManager, event: Pick<EventEntity, 'id' | 'timeZone'>, sessions: EventSessionEntity[]) {
    const generated = generateSlots(sessions, event.timeZone);
    await m.getRepository(SlotEntity).delete({ eventId: event.id });
    if (generated.length) {
      await m.getRepository(SlotEntity).insert(generated.map((s) => ({ ...s, sessionId: s.sessionId ?? null, eventId: event.id })));
    }
  }
}
