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
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}

export type ProposalStatus = 'proposed' | 'accepted' | 'rejected' | 'applied' | 'expired';

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
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
