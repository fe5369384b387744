import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ScheduleStatus = 'draft' | 'published' | 'superseded';

/** One generated schedule of an event; at most one is published at a time. */
@Entity('schedule_versions')
@Index(['eventId', 'number'], { unique: true })
@Index('uq_schedule_versions_published', ['eventId'], { unique: true, where: `"status" = 'published'` })
export class ScheduleVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'varchar', length: 12 }) status: ScheduleStatus;
  @Column({ type: 'jsonb', default: {} }) stats: Record<string, unknown>;
  @Column({ type: 'jsonb', default: {} }) bounds: Record<string, unknown>;
  @Column({ type: 'jsonb', default: [] }) unscheduled: { meeting: string; reason: string }[];
  @Column({ type: 'varchar', length: 100, nullable: true }) jobId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
