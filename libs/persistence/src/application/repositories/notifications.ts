import type { EntityManager } from 'typeorm';
import type { MailStatus, NotificationPrefs, NotificationRecord, NotificationRepository, OutgoingEmail } from '@rueda/application';
import type { Addressed } from '@rueda/notifications';
import { EmailMessageEntity, NotificationEntity, NotificationPrefsEntity } from '../../entities';
import { dispatchDueNotices, insertEmail } from '../../notifications/email';
import { insertNotices, scanChangeLog, storeDueReminders } from '../../notifications/pipeline';

export class TypeOrmNotificationRepository implements NotificationRepository {
  constructor(private readonly m: EntityManager) {}

  async prefs(participantId: string): Promise<NotificationPrefs> {
    const row = await this.m.getRepository(NotificationPrefsEntity).findOneBy({ participantId });
    return { email: row?.email ?? true, push: row?.push ?? true };
  }

  async savePrefs(eventId: string, participantId: string, prefs: NotificationPrefs) {
    await this.m.query(
      `INSERT INTO notification_prefs (participant_id, event_id, email, push) VALUES ($1, $2, $3, $4)
       ON CONFLICT (participant_id) DO UPDATE SET email = EXCLUDED.email, push = EXCLUDED.push, updated_at = now()`,
      [participantId, eventId, prefs.email, prefs.push],
    );
  }

  async savePushSubscription(eventId: string, participantId: string, s: { endpoint: string; p256dh: string; auth: string }) {
    await this.m.query(
      `INSERT INTO push_subscriptions (event_id, participant_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (endpoint) DO UPDATE SET event_id = $1, participant_id = $2, p256dh = $4, auth = $5, created_at = now()`,
      [eventId, participantId, s.endpoint, s.p256dh, s.auth],
    );
  }

  async dropPushSubscription(participantId: string, endpoint: string) {
    await this.m.query(`DELETE FROM push_subscriptions WHERE participant_id = $1 AND endpoint = $2`, [participantId, endpoint]);
  }

  insertNotices(eventId: string, notices: Addressed[]) {
    return insertNotices(this.m, eventId, notices);
  }

  async recordMailAttempt(
    messageId: string,
    final: MailStatus[],
    outcome: {
      status: MailStatus;
      attempted: boolean;
      subject?: string;
      smtpMessageId?: string | null;
      accepted?: string[];
      rejected?: string[];
      lastError?: string | null;
      sentAt?: Date;
    },
  ) {
    const { attempted, ...set } = outcome;
    const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    const r = await this.m
      .createQueryBuilder()
      .update(EmailMessageEntity)
      .set({ ...defined, ...(attempted ? { attempts: () => 'attempts + 1' } : {}) })
      .where('id = :messageId AND status <> ALL(:final)', { messageId, final })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  scanChangeLog(eventId: string) {
    return scanChangeLog(this.m, eventId);
  }

  dispatchDue(eventId: string, now: Date, windowMs: number) {
    return dispatchDueNotices(this.m, eventId, now, windowMs);
  }

  storeDueReminders(eventId: string, now: Date) {
    return storeDueReminders(this.m, eventId, now);
  }

  async recordChannelOutcome(notificationIds: string[], channel: string, outcome: string) {
    await this.m.query(
      `UPDATE notifications SET channels = channels || jsonb_build_object($2::text, $3::text) WHERE id = ANY($1::uuid[])`,
      [notificationIds, channel, outcome],
    );
  }

  async requeueHeldMail() {
    // (TypeORM answers an UPDATE … RETURNING with [rows, count].)
    const [held]: [{ id: string }[], number] = await this.m.query(
      `UPDATE email_messages SET status = 'queued', updated_at = now() WHERE status = 'held' RETURNING id`,
    );
    return held.map((h) => h.id);
  }

  insertEmail(e: OutgoingEmail) {
    return insertEmail(this.m, e);
  }

  async recent(participantId: string, limit: number): Promise<NotificationRecord[]> {
    const rows = await this.m.getRepository(NotificationEntity).find({
      where: { participantId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      select: { id: true, kind: true, notice: true, status: true, channels: true, createdAt: true, batchedAt: true },
    });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      notice: r.notice as NotificationRecord['notice'],
      status: r.status,
      channels: r.channels,
      createdAt: r.createdAt,
      sentAt: r.batchedAt,
    }));
  }
}
