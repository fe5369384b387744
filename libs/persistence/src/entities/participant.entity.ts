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
import { EventEntity } from './event.entity';

export type ParticipantKind = 'gadm' | 'cooperant';

@Entity('participants')
@Index(['eventId', 'externalId'], { unique: true })
@Index(['eventId', 'kind'])
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'event_id' }) event: Relation<EventEntity>;
  /** INEC code for a GADM, acronym for a cooperant: the id organisers' spreadsheets use. */
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.externalId }) externalId: string;
  @Column({ type: 'varchar', length: 12 }) kind: ParticipantKind;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.name }) name: string;
  @Column({ type: 'varchar', length: 6, nullable: true }) inecCode: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.canton, nullable: true }) canton: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.province, nullable: true }) province: string | null;
  @Column({ type: 'varchar', length: 2, nullable: true }) provinceCode: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) region: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.acronym, nullable: true }) acronym: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.tipo, nullable: true }) tipo: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.origin, nullable: true }) origin: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.email, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.participants.phone, nullable: true }) phone: string | null;
  /** Meetings held at the same time (several delegates); null = one per delegate, at least 1. */
  @Column({ type: 'integer', nullable: true }) parallel: number | null;
  @Column({ type: 'integer', nullable: true }) maxMeetings: number | null;
  /** Left the venue (or announced it): its meetings from then on were freed. */
  @Column({ type: 'timestamptz', nullable: true }) leftAt: Date | null;
  /** Takes part from afar: its meetings are hybrid, with its video-call link. */
  @Column({ type: 'boolean', default: false }) remote: boolean;
  @Column({ type: 'varchar', length: 500, nullable: true }) videoUrl: string | null;
  /** sha256 of the calendar feed token (webcal subscription); revoked with the access link. */
  @Column({ type: 'varchar', length: 64, nullable: true, select: false }) calendarTokenHash: string | null;
  @Column({ type: 'timestamptz', nullable: true }) calendarTokenIssuedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
