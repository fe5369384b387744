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
  @Column({ type: 'varchar', length: 60 }) externalId: string;
  @Column({ type: 'varchar', length: 200 }) fullName: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) role: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) phone: string | null;
  @Column({ type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @VersionColumn() version: number;
}
