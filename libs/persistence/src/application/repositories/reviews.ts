import type { EntityManager } from 'typeorm';
import type { ReviewDecision, ReviewRepository } from '@rueda/application';

export class TypeOrmReviewRepository implements ReviewRepository {
  constructor(private readonly m: EntityManager) {}

  async decide(participantId: string, changeIds: string[] | undefined, d: ReviewDecision): Promise<string[]> {
    const params: unknown[] = [participantId, d.status, d.reviewedBy, d.at, d.comment];
    const only = changeIds ? `AND id = ANY($${params.push(changeIds)}::uuid[])` : '';
    const [rows]: [{ id: string }[], number] = await this.m.query(
      `UPDATE participant_changes SET review_status = $2, reviewed_by = $3, reviewed_at = $4, review_comment = $5
        WHERE participant_id = $1 AND review_status = 'pending' ${only} RETURNING id`,
      params,
    );
    return rows.map((r) => r.id);
  }
}
