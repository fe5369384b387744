import type { EntityManager } from 'typeorm';
import type { AccessLinkRepository } from '@rueda/application';
import { issueAccessLinks, type LinkKeys, touchAccessLink } from '../../access/access-links';

export class TypeOrmAccessLinkRepository implements AccessLinkRepository {
  constructor(
    private readonly m: EntityManager,
    private readonly deps: { linkKeys: LinkKeys },
  ) {}

  async issue(eventId: string, participantIds: string[], opts: { revoke: boolean; now: Date }) {
    return issueAccessLinks(this.m, await this.deps.linkKeys.get(), eventId, participantIds, opts);
  }

  async lockCurrent(eventId: string, participantId: string): Promise<string | null> {
    const rows: { token_hash: string }[] = await this.m.query(
      `SELECT token_hash FROM access_links WHERE participant_id = $1 AND event_id = $2 FOR UPDATE`,
      [participantId, eventId],
    );
    return rows[0]?.token_hash ?? null;
  }

  touch(participantId: string, now: Date) {
    return touchAccessLink(this.m, participantId, now);
  }

  async dropDependents(eventId: string, participantId: string): Promise<void> {
    await this.m.query(
      `UPDATE participants SET calendar_token_hash = NULL, calendar_token_issued_at = NULL WHERE id = $1 AND event_id = $2`,
      [participantId, eventId],
    );
    await this.m.query(`DELETE FROM push_subscriptions WHERE participant_id = $1 AND event_id = $2`, [participantId, eventId]);
  }
}
