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
import { ParticipantEntity } from './participant.entity';
import { numericTransformer } from './numeric-transformer';

/** A cooperant's offer; fields follow rueda.match-input/1. */
@Entity('offers')
@Index(['eventId', 'externalId'], { unique: true })
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) participantId: string;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant: Relation<ParticipantEntity>;
  @Column({ type: 'varchar', length: TEXT_LIMITS.offers.externalId }) externalId: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.offers.title }) title: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'text', array: true, default: '{}' }) sectors: string[];
  @Column({ type: 'integer', array: true, default: '{}' }) ods: number[];
  @Column({ type: 'text', array: true, default: '{}' }) modalidades: string[];
  @Column({ type: 'text', array: true, default: '{}' }) regions: string[];
  @Column({ type: 'text', array: true, default: '{}' }) provinces: string[];
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericTransformer }) minAmountUsd: number | null;
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericTransformer }) maxAmountUsd: number | null;
  @Column({ type: 'date', nullable: true }) validUntil: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
