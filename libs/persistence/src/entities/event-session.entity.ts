import { TEXT_LIMITS } from '@rueda/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { EventEntity } from './event.entity';

export interface SessionBreak {
  start: string;
  end: string;
  label?: string;
}

/** A block of meetings on one day (e.g. morning 09:00–12:30), from which slots are generated. */
@Entity('event_sessions')
@Index(['eventId', 'day', 'startTime'], { unique: true })
export class EventSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne('EventEntity', (e: EventEntity) => e.sessions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Relation<EventEntity>;
  @Column({ type: 'varchar', length: TEXT_LIMITS.event_sessions.label, default: '' }) label: string;
  @Column({ type: 'date' }) day: string;
  @Column({ type: 'varchar', length: 5 }) startTime: string;
  @Column({ type: 'varchar', length: 5 }) endTime: string;
  @Column({ type: 'integer' }) slotMinutes: number;
  /** Minutes between two consecutive meetings (change of table). */
  @Column({ type: 'integer', default: 0 }) gapMinutes: number;
  @Column({ type: 'jsonb', default: [] }) breaks: SessionBreak[];
}
