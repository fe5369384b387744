import type { ProposalStatus } from '@rueda/live';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, CreateDateColumn } from 'typeorm';

/**
 * The event's change log (a transactional outbox): written in the same transaction as the
 * change, numbered per event, replayed to clients that reconnect.
 */
@Entity('live_messages')
@Index('idx_live_messages_event_at', ['eventId', 'at'])
export class LiveMessageEntity {
  @PrimaryColumn({ type: 'uuid' }) eventId: string;
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) seq: number;
  @Column({ type: 'varchar', length: 40 }) type: string;
  @Column({ type: 'uuid', array: true, default: '{}' }) participants: string[];
  @Column({ type: 'uuid', array: true, default: '{}' }) tables: string[];
  @Column({ type: 'jsonb', default: {} }) payload: Record<string, unknown>;
  /** Previous sequence number of each filtered stream the message goes to (realtime's streams.ts). */
  @Column({ type: 'jsonb', default: {} }) prevs: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}

/** Per event, the last sequence number of each filtered stream (board, a participant, a table, all of them). */
@Entity('live_streams')
export class LiveStreamEntity {
  @PrimaryColumn({ type: 'uuid' }) eventId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) stream: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) lastSeq: number;
}

/**
 * A job asked for inside a transaction (the transactional outbox): written with the change,
 * handed to its queue after commit, and again by the relay until the queue has it.
 */
@Entity('outbox_jobs')
export class OutboxJobEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) queue: string;
  @Column({ type: 'varchar', length: 60 }) name: string;
  /** The queue's job id: the outbox id unless the job names its own (asking twice is the same job). */
  @Column({ type: 'varchar', length: 200 }) jobId: string;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ type: 'jsonb', default: {} }) options: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
}

export type { ProposalStatus };

/** A replacement for a freed table and slot, proposed by the recovery job. */
@Entity('replacement_proposals')
@Index('idx_replacement_proposals_event_status', ['eventId', 'status'])
export class ReplacementProposalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) slotId: string;
  @Column({ type: 'uuid' }) tableId: string;
  @Column({ type: 'uuid', nullable: true }) freedMeetingId: string | null;
  @Column({ type: 'varchar', length: 12 }) status: ProposalStatus;
  @Column({ type: 'varchar', length: 12 }) mode: 'automatic' | 'confirm';
  @Column({ type: 'jsonb', default: {} }) proposal: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) resultMeetingId: string | null;
  /** The recovery request (outbox job) it answers: a job delivered twice proposes once. */
  @Column({ type: 'varchar', length: 200, nullable: true }) requestId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
