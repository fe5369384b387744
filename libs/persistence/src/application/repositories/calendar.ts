import type { EntityManager } from 'typeorm';
import type { CalendarFeedRepository } from '@rueda/application';

export class TypeOrmCalendarFeedRepository implements CalendarFeedRepository {
  constructor(private readonly m: EntityManager) {}

  async issuedAt(eventId: string, participantId: string) {
    const [row] = await this.m.query(`SELECT calendar_token_issued_at AS "issuedAt" FROM participants WHERE id = $1 AND event_id = $2`, [
      participantId,
      eventId,
    ]);
    return row ? { issuedAt: row.issuedAt as Date | null } : null;
  }

  async set(eventId: string, participantId: string, token: { hash: string; issuedAt: Date } | null) {
    await this.m.query(`UPDATE participants SET calendar_token_hash = $3, calendar_token_issued_at = $4 WHERE id = $1 AND event_id = $2`, [
      participantId,
      eventId,
      token?.hash ?? null,
      token?.issuedAt ?? null,
    ]);
  }
}
