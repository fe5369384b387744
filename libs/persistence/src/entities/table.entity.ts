import { TEXT_LIMITS } from '@rueda/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, VersionColumn } from 'typeorm';
import { EventEntity } from './event.entity';

@Entity('tables')
@Index(['eventId', 'number'], { unique: true })
export class TableEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'event_id' }) event: Relation<EventEntity>;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'varchar', length: TEXT_LIMITS.tables.label, default: '' }) label: string;
  /**
   * A table kept for one cooperant all day (its `fixedTable` in the schedule instance); at most
   * one table per participant (the partial unique index uq_tables_reserved_for, in SQL).
   */
  @Column({ type: 'uuid', nullable: true }) reservedForParticipantId: string | null;
  @VersionColumn({ default: 1 }) version: number;
}
