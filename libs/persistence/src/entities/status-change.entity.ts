import { Column, Entity, Generated, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingStatus } from '@rueda/domain';

/** One status change of a meeting on the day: a mark at the table, its undo, or an organiser's correction. */
@Entity('meeting_status_changes')
@Index('ix_meeting_status_changes_meeting', ['meetingId', 'at'])
export class MeetingStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @Column({ type: 'varchar', length: 12 }) kind: 'mark' | 'undo' | 'correction';
  @Column({ type: 'varchar', length: 16 }) beforeStatus: MeetingStatus;
  @Column({ type: 'varchar', length: 16 }) afterStatus: MeetingStatus;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) actorEmail: string | null;
  @Column({ type: 'varchar', length: 500, default: '' }) reason: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  /** Order of writing (bigserial), the tie-breaker between changes at the same instant. */
  @Column({ type: 'bigint', insert: false, update: false }) @Generated('increment') seq: string;
}

/** The verdict given to a request sent with an idempotency key (an offline mark replayed). */
@Entity('idempotent_requests')
export class IdempotentRequestEntity {
  @PrimaryColumn({ type: 'uuid' }) eventId: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) key: string;
  @Column({ type: 'integer' }) status: number;
  @Column({ type: 'jsonb' }) body: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
