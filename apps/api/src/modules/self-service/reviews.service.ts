import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Clock } from '@rueda/application';
import type { Notice } from '@rueda/notifications';
import { insertNotices } from '@rueda/persistence';
import { NotifyJobData, QUEUES } from '@rueda/queues';
import { CLOCK } from '../../platform/application.module';
import { conflict, NOUNS, notFound } from '@rueda/domain';

/**
 * The organisers' review queue of what participants changed through their links: approve, or
 * return with a comment (the participant is told, and corrects it through its link).
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectQueue(QUEUES.notify) private readonly notify: Queue<NotifyJobData>,
  ) {}

  /** Changes by participant, newest first, with who made them and the values before and after. */
  async list(eventId: string, status: 'pending' | 'approved' | 'returned') {
    const rows = await this.db.query(
      `SELECT c.id, c.participant_id AS "participantId", p.name AS "participantName", p.external_id AS "participantExternalId", p.kind AS "participantKind",
              c.entity, c.entity_id AS "entityId", c.action, c.before, c.after, c.actor, c.created_at AS "createdAt",
              c.review_status AS "reviewStatus", c.reviewed_at AS "reviewedAt", c.review_comment AS "reviewComment", u.email AS "reviewedBy"
         FROM participant_changes c JOIN participants p ON p.id = c.participant_id LEFT JOIN users u ON u.id = c.reviewed_by
        WHERE c.event_id = $1 AND c.review_status = $2
        ORDER BY c.created_at DESC, c.id LIMIT 2000`,
      [eventId, status],
    );
    const groups = new Map<string, { participantId: string; name: string; externalId: string; kind: string; changes: unknown[] }>();
    for (const r of rows) {
      let g = groups.get(r.participantId);
      if (!g)
        groups.set(
          r.participantId,
          (g = {
            participantId: r.participantId,
            name: r.participantName,
            externalId: r.participantExternalId,
            kind: r.participantKind,
            changes: [],
          }),
        );
      g.changes.push(r);
    }
    return { status, participants: [...groups.values()] };
  }

  approve(eventId: string, participantId: string, changeIds: string[] | undefined, userId: string | null) {
    return this.decide(eventId, participantId, changeIds, userId, 'approved', null);
  }

  return(eventId: string, participantId: string, changeIds: string[] | undefined, userId: string | null, comment: string) {
    return this.decide(eventId, participantId, changeIds, userId, 'returned', comment);
  }

  private async decide(
    eventId: string,
    participantId: string,
    changeIds: string[] | undefined,
    userId: string | null,
    status: 'approved' | 'returned',
    comment: string | null,
  ) {
    const result = await this.db.transaction(async (m) => {
      const [p] = await m.query(`SELECT id FROM participants WHERE id = $1 AND event_id = $2`, [participantId, eventId]);
      if (!p) throw notFound(NOUNS.participant, participantId);
      const params: unknown[] = [participantId, status, userId, this.clock.now(), comment];
      const only = changeIds ? `AND id = ANY($${params.push(changeIds)}::uuid[])` : '';
      const [rows]: [{ id: string }[], number] = await m.query(
        `UPDATE participant_changes SET review_status = $2, reviewed_by = $3, reviewed_at = $4, review_comment = $5
          WHERE participant_id = $1 AND review_status = 'pending' ${only} RETURNING id`,
        params,
      );
      if (rows.length === 0)
        throw conflict('nothing_to_review', {
          es: 'No hay cambios pendientes de revisión para este participante',
          en: 'There are no changes waiting for review for this participant',
        });
      const notice: Notice = status === 'approved' ? { kind: 'review.approved' } : { kind: 'review.returned', comment: comment! };
      const key = `review:${rows.map((r) => r.id).sort()[0]}:${status}`;
      await insertNotices(m, eventId, [{ participantId, dedupeKey: key, notice }]);
      return { status, changes: rows.length };
    });
    await this.notify.add('dispatch', { kind: 'dispatch', eventId }, { removeOnComplete: true, removeOnFail: 100 }).catch(() => undefined);
    return result;
  }
}
