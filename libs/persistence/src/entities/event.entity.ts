import { TEXT_LIMITS } from '@rueda/domain';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, Relation } from 'typeorm';
import type { EventSettings } from '@rueda/domain';
import { EventSessionEntity } from './event-session.entity';

export type { EventSettings };

@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.events.name }) name: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.events.venue, default: '' }) venue: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.events.timeZone, default: 'America/Guayaquil' }) timeZone: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.events.description, default: '' }) description: string;
  @Column({ type: 'jsonb', default: {} }) settings: EventSettings;
  /** Last day (event time zone) personal links work; null: 12 months after the event (participantLinkLastDay). */
  @Column({ type: 'date', nullable: true }) participantLinksExpireOn: string | null;
  /** Bumped by database triggers whenever demands, offers or participants change. */
  @Column({ type: 'integer', default: 1 }) dataVersion: number;
  /** Sequence number of the newest live message of the event. */
  @Column({ type: 'bigint', default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) liveSeq: number;
  @OneToMany(() => EventSessionEntity, (s) => s.event) sessions: Relation<EventSessionEntity[]>;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
