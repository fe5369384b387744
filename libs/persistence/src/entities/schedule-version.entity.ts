import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ScheduleStatus } from '@rueda/application';

export type { ScheduleStatus };

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
  /** How it was asked for (seed, time limit, minimum per GADM, mode), so it can be reproduced. */
  @Column({ type: 'jsonb', default: {} }) params: Record<string, unknown>;
  /** The event's live sequence when this version was asked for (null: made before it was recorded). */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  liveSeq: number | null;
  @Column({ type: 'jsonb', default: {} }) fairness: Record<string, unknown>;
  @Column({ type: 'varchar', length: 1000, nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
