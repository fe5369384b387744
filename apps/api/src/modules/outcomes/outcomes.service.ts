import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeetingOutcomeEntity, OutcomeSide } from '@rueda/persistence';
import { NOUNS, notFound } from '@rueda/domain';
import { Page } from '../../platform/pagination';

export interface MissingMeeting {
  meetingId: string;
  side: OutcomeSide;
  counterpart: { id: string; name: string; kind: string };
  startsAt: string | null;
  tableNumber: number | null;
}

interface MissingRow {
  pid: string;
  pname: string;
  pkind: string;
  pext: string;
  pemail: string | null;
  meeting_id: string;
  side: OutcomeSide;
  cid: string;
  cname: string;
  ckind: string;
  starts_at: Date | null;
  table_number: number | null;
}

export interface MissingByParticipant {
  participant: { id: string; name: string; kind: string; externalId: string; email: string | null };
  missing: MissingMeeting[];
}

/** The reads of outcomes; recording one is the RecordOutcome use case (libs/application/src/outcomes). */
@Injectable()
export class OutcomesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One side's outcome, for that participant; 404 when the meeting is not its own or nothing was filled yet. */
  async mine(eventId: string, participantId: string, meetingId: string): Promise<MeetingOutcomeEntity> {
    const row = await this.db.getRepository(MeetingOutcomeEntity).findOneBy({ eventId, meetingId, participantId });
    if (!row) throw notFound(NOUNS.outcome, meetingId);
    return row;
  }

  listMine(eventId: string, participantId: string): Promise<MeetingOutcomeEntity[]> {
    return this.db.getRepository(MeetingOutcomeEntity).find({ where: { eventId, participantId }, order: { createdAt: 'ASC' } });
  }

  async ofMeeting(eventId: string, meetingId: string): Promise<MeetingOutcomeEntity[]> {
    const [meeting] = await this.db.query(`SELECT id FROM meetings WHERE id = $1 AND event_id = $2`, [meetingId, eventId]);
    if (!meeting) throw notFound(NOUNS.meeting, meetingId);
    return this.db.getRepository(MeetingOutcomeEntity).find({ where: { eventId, meetingId }, order: { side: 'ASC' } });
  }

  async list(
    eventId: string,
    q: { participantId?: string; meetingId?: string; page: number; pageSize: number },
  ): Promise<Page<MeetingOutcomeEntity>> {
    const where = {
      eventId,
      ...(q.participantId ? { participantId: q.participantId } : {}),
      ...(q.meetingId ? { meetingId: q.meetingId } : {}),
    };
    const [items, total] = await this.db.getRepository(MeetingOutcomeEntity).findAndCount({
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Held meetings whose side has no outcome yet, per participant: the list reminders are sent
   * from until every form is in.
   */
  async missing(eventId: string, participantId?: string): Promise<MissingByParticipant[]> {
    const rows: MissingRow[] = await this.db.query(
      `SELECT p.id AS pid, p.name AS pname, p.kind AS pkind, p.external_id AS pext, p.email AS pemail,
              m.id AS meeting_id, side.side, cp.id AS cid, cp.name AS cname, cp.kind AS ckind, s.starts_at, t.number AS table_number
         FROM meetings m
        CROSS JOIN LATERAL (VALUES ('a', m.participant_a_id, m.participant_b_id), ('b', m.participant_b_id, m.participant_a_id)) AS side(side, self_id, other_id)
         JOIN participants p ON p.id = side.self_id
         JOIN participants cp ON cp.id = side.other_id
         LEFT JOIN slots s ON s.id = m.slot_id
         LEFT JOIN tables t ON t.id = m.table_id
        WHERE m.event_id = $1 AND m.status = 'held' AND ($2::uuid IS NULL OR p.id = $2)
          AND NOT EXISTS (SELECT 1 FROM meeting_outcomes o WHERE o.meeting_id = m.id AND o.side = side.side)
        ORDER BY p.kind DESC, p.external_id, s.starts_at NULLS LAST, t.number NULLS LAST, m.id`,
      [eventId, participantId ?? null],
    );
    const out = new Map<string, MissingByParticipant>();
    for (const r of rows) {
      let entry = out.get(r.pid);
      if (!entry)
        out.set(
          r.pid,
          (entry = { participant: { id: r.pid, name: r.pname, kind: r.pkind, externalId: r.pext, email: r.pemail }, missing: [] }),
        );
      entry.missing.push({
        meetingId: r.meeting_id,
        side: r.side,
        counterpart: { id: r.cid, name: r.cname, kind: r.ckind },
        startsAt: r.starts_at ? (r.starts_at as Date).toISOString() : null,
        tableNumber: r.table_number ?? null,
      });
    }
    return [...out.values()];
  }
}
