// The jsonb shapes are the use cases' (libs/application ports), defined once there.
import type { CommitmentStageChange, OutcomeContact } from '@rueda/application';
import { TEXT_LIMITS } from '@rueda/domain';
import {
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
import { MeetingEntity } from './meeting.entity';
import { numericTransformer } from './numeric-transformer';

export type OutcomeSide = 'a' | 'b';

/**
 * What one side of a held meeting says came of it. One row per meeting and side, so the
 * GADM and the cooperant each keep their own view (and the report can compare them).
 */
@Entity('meeting_outcomes')
@Index('uq_meeting_outcomes_meeting_side', ['meetingId', 'side'], { unique: true })
@Index('idx_meeting_outcomes_event_participant', ['eventId', 'participantId'])
export class MeetingOutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_outcomes_meeting_id_fkey' })
  meeting: Relation<MeetingEntity>;
  @Column({ type: 'varchar', length: 1 }) side: OutcomeSide;
  /** The participant on that side, kept so "my outcomes" needs no join. */
  @Column({ type: 'uuid' }) participantId: string;
  /** 1 (none) .. 5 (very high). */
  @Column({ type: 'smallint' }) interest: number;
  /** Codes of NEXT_STEP_CODES (@rueda/reporting). */
  @Column({ type: 'text', array: true, default: '{}' }) nextSteps: string[];
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericTransformer }) amountUsd: number | null;
  @Column({ type: 'jsonb', default: [] }) contacts: OutcomeContact[];
  @Column({ type: 'varchar', length: TEXT_LIMITS.meeting_outcomes.notes, default: '' }) notes: string;
  /** When the two sides plan to talk again, and when they expect a decision (not before). */
  @Column({ type: 'date', nullable: true }) nextContactDate: string | null;
  @Column({ type: 'date', nullable: true }) targetDate: string | null;
  /** participant (own access link) or staff (on paper, typed in by the organisers). */
  @Column({ type: 'varchar', length: 12 }) filledBy: 'participant' | 'staff';
  @Column({ type: 'uuid', nullable: true }) filledByUserId: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export type CommitmentStageCode = 'identified' | 'negotiation' | 'signed' | 'execution' | 'closed' | 'dropped';

export interface CommitmentReview {
  /** 3, 6 or 12 months after the event. */
  months: number;
  dueDate: string;
  reviewedOn: string | null;
  stage: CommitmentStageCode | null;
  note: string;
}

/**
 * A commitment born in a held meeting, followed through the pipeline with its reviews at
 * 3, 6 and 12 months after the event and the dated history of its stages.
 */
@Entity('commitments')
@Index('idx_commitments_event_stage', ['eventId', 'stage'])
@Index('idx_commitments_meeting', ['meetingId'])
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'commitments_meeting_id_fkey' })
  meeting: Relation<MeetingEntity>;
  @Column({ type: 'varchar', length: TEXT_LIMITS.commitments.title }) title: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.commitments.description, default: '' }) description: string;
  /** Next-step code the commitment follows from (MOU, TECH_MISSION, ...), if any. */
  @Column({ type: 'varchar', length: 20, nullable: true }) nextStep: string | null;
  @Column({ type: 'varchar', length: 12 }) stage: CommitmentStageCode;
  @Column({ type: 'date' }) stageDate: string;
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericTransformer }) amountUsd: number | null;
  /** Day the 3/6/12-month reviews count from: the last day of the event. */
  @Column({ type: 'date' }) baseDate: string;
  @Column({ type: 'jsonb', default: [] }) reviews: CommitmentReview[];
  @Column({ type: 'jsonb', default: [] }) history: CommitmentStageChange[];
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * A file built by a worker (e.g. the book of all agendas). Kept in PostgreSQL so any API node
 * can serve it, whichever worker made it; the bytes are only read on download.
 */
@Entity('export_files')
@Index('idx_export_files_event_created', ['eventId', 'createdAt'])
export class ExportFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'varchar', length: 20 }) kind: string;
  @Column({ type: 'varchar', length: 10 }) status: ExportStatus;
  @Column({ type: 'jsonb', default: {} }) params: Record<string, unknown>;
  @Column({ type: 'jsonb', default: {} }) progress: Record<string, unknown>;
  @Column({ type: 'varchar', length: 200 }) filename: string;
  @Column({ type: 'varchar', length: 100 }) contentType: string;
  @Column({ type: 'bytea', nullable: true, select: false }) content: Buffer | null;
  @Column({ type: 'integer', nullable: true }) size: number | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) error: string | null;
  @Column({ type: 'uuid', nullable: true }) requestedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
