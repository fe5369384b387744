import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  Relation,
} from 'typeorm';
import { ParticipantEntity } from './participant.entity';

import type { MeetingStatus } from '@rueda/domain';
import { TEXT_LIMITS } from '@rueda/domain';

export type MeetingOrigin = 'request' | 'organiser' | 'mandatory' | 'walk_in' | 'replacement';

/**
 * A bilateral meeting between two participants, through its whole lifecycle.
 * participantA is the requester (or the GADM when an organiser creates it).
 */
@Entity('meetings')
@Index(['eventId', 'status'])
@Index(['participantAId'])
@Index(['participantBId'])
@Check('"participant_a_id" <> "participant_b_id"')
@Check(`"status" IN ('requested','accepted','declined','expired','scheduled','checked_in','held','no_show','cancelled')`)
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) participantAId: string;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_a_id' })
  participantA: Relation<ParticipantEntity>;
  @Column({ type: 'uuid' }) participantBId: string;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_b_id' })
  participantB: Relation<ParticipantEntity>;
  @Column({ type: 'uuid', nullable: true }) demandId: string | null;
  @Column({ type: 'uuid', nullable: true }) offerId: string | null;
  @Column({ type: 'varchar', length: 16 }) origin: MeetingOrigin;
  @Column({ type: 'varchar', length: 16 }) status: MeetingStatus;
  @Column({ type: 'real', default: 1 }) weight: number;
  @Column({ type: 'boolean', default: false }) mandatory: boolean;
  @Column({ type: 'varchar', length: TEXT_LIMITS.meetings.note, default: '' }) note: string;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) slotId: string | null;
  @Column({ type: 'uuid', nullable: true }) tableId: string | null;
  /** The meeting's window: it may only be scheduled in these slots (null = any slot). */
  @Column({ type: 'uuid', array: true, nullable: true }) allowedSlotIds: string[] | null;
  /** A hybrid meeting's video-call link (data only: no video service is built in). */
  @Column({ type: 'varchar', length: 500, nullable: true }) videoUrl: string | null;
  /** Calendar SEQUENCE: raised by the database whenever time, place, status or link change. */
  @Column({ type: 'integer', default: 0, insert: false, update: false }) calendarSeq: number;
  /** The last slot and table the meeting had (kept by the database), so calendars can cancel it there. */
  @Column({ type: 'uuid', nullable: true, insert: false, update: false }) lastSlotId: string | null;
  @Column({ type: 'uuid', nullable: true, insert: false, update: false }) lastTableId: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
