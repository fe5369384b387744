import { TEXT_LIMITS } from '@rueda/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, Relation } from 'typeorm';
import { ParticipantEntity } from './participant.entity';

@Entity('delegates')
@Index(['eventId', 'externalId'], { unique: true })
export class DelegateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) participantId: string;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant: Relation<ParticipantEntity>;
  @Column({ type: 'varchar', length: TEXT_LIMITS.delegates.externalId }) externalId: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.delegates.fullName }) fullName: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.delegates.role, nullable: true }) role: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.delegates.email, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: TEXT_LIMITS.delegates.phone, nullable: true }) phone: string | null;
  @Column({ type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @VersionColumn() version: number;
}
