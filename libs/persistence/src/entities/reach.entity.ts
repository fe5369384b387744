import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Notice } from '@rueda/notifications';
import type { MailStatus } from '@rueda/application';

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * A participant's personal link. Looked up by the token's sha256; the token itself is kept
 * sealed (AES-256-GCM) so organisers can export or email it again without re-issuing it.
 */
@Entity('access_links')
export class AccessLinkEntity {
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Index('uq_access_links_token_hash', { unique: true }) @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  /** null for links issued before tokens were sealed: they work but cannot be shown again. */
  @Column({ type: 'text', nullable: true, select: false }) tokenSealed: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) issuedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) firstSeenAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastSeenAt: Date | null;
}

/** Where an email stands (the application's MailStatus: one list). */
export type EmailStatus = MailStatus;
export type EmailKind = 'invitation' | 'notification' | 'registration';

/**
 * Every email Rueda sends, with its status: queued (waiting for the mail worker), held (no SMTP
 * server configured), retrying (the last attempt failed; `lastError` says why), delivered
 * (accepted by the SMTP server), bounced (refused for good), failed (retries exhausted).
 * The body is rendered when sent, so personal links never rest in this table.
 */
@Entity('email_messages')
export class EmailMessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid', nullable: true }) participantId: string | null;
  @Column({ type: 'uuid', nullable: true }) registrationId: string | null;
  @Column({ type: 'uuid', nullable: true }) campaignId: string | null;
  @Column({ type: 'varchar', length: 20 }) kind: EmailKind;
  @Column({ type: 'text', array: true }) toAddresses: string[];
  @Column({ type: 'varchar', length: 500, default: '' }) subject: string;
  @Column({ type: 'varchar', length: 10 }) status: EmailStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'varchar', length: 1000, nullable: true }) lastError: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) smtpMessageId: string | null;
  @Column({ type: 'text', array: true, default: '{}' }) accepted: string[];
  @Column({ type: 'text', array: true, default: '{}' }) rejected: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
}

/** A bulk sending (invitations to a filtered set of participants). */
@Entity('email_campaigns')
export class EmailCampaignEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'varchar', length: 20 }) kind: 'invitation';
  @Column({ type: 'jsonb', default: {} }) filter: Record<string, unknown>;
  @Column({ type: 'integer', default: 0 }) total: number;
  /** Participants left out, with the reason (no address, invalid address, no link). */
  @Column({ type: 'jsonb', default: [] }) skipped: { participantId: string; name: string; reason: { es: string; en: string } }[];
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export type NotificationStatus = 'pending' | 'sent' | 'skipped';

/** One thing a participant is told, exactly once (unique dedupe key per participant). */
@Entity('notifications')
@Index('uq_notifications_participant_dedupe', ['participantId', 'dedupeKey'], { unique: true })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) participantId: string;
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'varchar', length: 200 }) dedupeKey: string;
  @Column({ type: 'jsonb' }) notice: Notice;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: NotificationStatus;
  /** What each channel did: `{ email: 'queued', push: 'skipped: no subscription' }`. */
  @Column({ type: 'jsonb', default: {} }) channels: Record<string, string>;
  @Column({ type: 'uuid', nullable: true }) emailMessageId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) batchedAt: Date | null;
}

/** The channels a participant keeps on (absent row = all on). */
@Entity('notification_prefs')
export class NotificationPrefsEntity {
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'boolean', default: true }) email: boolean;
  @Column({ type: 'boolean', default: true }) push: boolean;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** How far the notification pipeline has read an event's change log. */
@Entity('notification_cursors')
export class NotificationCursorEntity {
  @PrimaryColumn({ type: 'uuid' }) eventId: string;
  @Column({ type: 'bigint', default: 0, transformer: bigint }) lastSeq: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export type ChangeEntity = 'participant' | 'delegate' | 'demand' | 'offer' | 'availability';
export type ReviewStatus = 'pending' | 'approved' | 'returned';

/** A change a participant made through its link (or an organiser's review of it): who, when, before and after. */
@Entity('participant_changes')
export class ParticipantChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) participantId: string;
  @Column({ type: 'varchar', length: 16 }) entity: ChangeEntity;
  @Column({ type: 'uuid', nullable: true }) entityId: string | null;
  @Column({ type: 'varchar', length: 8 }) action: 'create' | 'update' | 'delete';
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ type: 'varchar', length: 12 }) actor: 'participant' | 'organiser';
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) reviewStatus: ReviewStatus;
  @Column({ type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) reviewComment: string | null;
}

export type RegistrationStatus = 'pending' | 'approved' | 'rejected';

/** A cooperant not in the catalogue applying through the public form. */
@Entity('registrations')
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: RegistrationStatus;
  @Column({ type: 'varchar', length: 200 }) email: string;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) participantId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) reviewComment: string | null;
}
