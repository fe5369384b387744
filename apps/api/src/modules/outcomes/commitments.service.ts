import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommitmentEntity } from '@rueda/persistence';
import { NOUNS, notFound } from '@rueda/domain';
import { Page } from '../../platform/pagination';
import type { CommitmentListInput } from './outcomes.schemas';

/** The reads of commitments; every change is a use case (libs/application/src/outcomes: create, advance, update, review). */
@Injectable()
export class CommitmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(eventId: string, id: string): Promise<CommitmentEntity> {
    const c = await this.db.getRepository(CommitmentEntity).findOneBy({ id, eventId });
    if (!c) throw notFound(NOUNS.commitment, id);
    return c;
  }

  async list(
    eventId: string,
    q: CommitmentListInput,
  ): Promise<Page<CommitmentEntity & { participants: { id: string; name: string; kind: string }[] }>> {
    const qb = this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .innerJoin('c.meeting', 'm')
      .where('c.eventId = :eventId', { eventId });
    if (q.stage) qb.andWhere('c.stage = :stage', { stage: q.stage });
    if (q.meetingId) qb.andWhere('c.meetingId = :meetingId', { meetingId: q.meetingId });
    if (q.participantId) qb.andWhere('(m.participantAId = :pid OR m.participantBId = :pid)', { pid: q.participantId });
    if (q.reviewDueBy) {
      qb.andWhere(`c.stage NOT IN ('closed', 'dropped')`).andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(c.reviews) r WHERE r->>'dueDate' <= :due AND r->>'reviewedOn' IS NULL)`,
        { due: q.reviewDueBy },
      );
    }
    const [items, total] = await qb
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const names = items.length
      ? await this.db.query(
          `SELECT m.id, pa.id AS aid, pa.name AS aname, pa.kind AS akind, pb.id AS bid, pb.name AS bname, pb.kind AS bkind
             FROM meetings m JOIN participants pa ON pa.id = m.participant_a_id JOIN participants pb ON pb.id = m.participant_b_id
            WHERE m.id = ANY($1::uuid[])`,
          [[...new Set(items.map((c) => c.meetingId))]],
        )
      : [];
    const byMeeting = new Map<string, { id: string; name: string; kind: string }[]>(
      names.map((n: Record<string, string>) => [
        n.id,
        [
          { id: n.aid, name: n.aname, kind: n.akind },
          { id: n.bid, name: n.bname, kind: n.bkind },
        ],
      ]),
    );
    return {
      items: items.map((c) => ({ ...c, participants: byMeeting.get(c.meetingId) ?? [] })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
