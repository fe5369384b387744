import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The organisers' review queue of what participants changed through their links. Deciding
 * (ApproveChanges, ReturnChanges) is a use case.
 */
@Injectable()
export class ReviewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
}
