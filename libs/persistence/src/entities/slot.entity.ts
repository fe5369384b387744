import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { EventEntity } from './event.entity';

@Entity('slots')
@Index(['eventId', 'code'], { unique: true })
@Index(['eventId', 'ordinal'], { unique: true })
export class SlotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'event_id' }) event: Relation<EventEntity>;
  @Column({ type: 'uuid', nullable: true }) sessionId: string | null;
  @Column({ type: 'varchar', length: 16 }) code: string;
  @Column({ type: 'integer' }) ordinal: number;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
}
