import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type MatchRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One scoring of an event at one data version (the BullMQ job id derives from both). */
@Entity('match_runs')
@Index(['eventId', 'dataVersion'], { unique: true })
export class MatchRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'integer' }) dataVersion: number;
  @Column({ type: 'varchar', length: 12 }) status: MatchRunStatus;
  @Column({ type: 'real', default: 0 }) progress: number;
  @Column({ type: 'jsonb', default: {} }) stats: Record<string, unknown>;
  @Column({ type: 'varchar', length: 1000, nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

@Entity('match_results')
@Index(['runId', 'offerId'])
export class MatchResultEntity {
  @PrimaryColumn({ type: 'uuid' }) runId: string;
  @PrimaryColumn({ type: 'uuid' }) demandId: string;
  @PrimaryColumn({ type: 'uuid' }) offerId: string;
  @Column({ type: 'integer' }) rank: number;
  @Column({ type: 'real' }) score: number;
  @Column({ type: 'jsonb', default: [] }) reasons: { kind: string; detail: string; detailEn?: string }[];
}

export type PairOverrideMode = 'pin' | 'block';

/** An organiser's decision on a demand–offer pair, kept across scoring runs. */
@Entity('pair_overrides')
export class PairOverrideEntity {
  @PrimaryColumn({ type: 'uuid' }) demandId: string;
  @PrimaryColumn({ type: 'uuid' }) offerId: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'varchar', length: 8 }) mode: PairOverrideMode;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** Per participant, its best counterparts of a run (aggregated over its demands or offers). */
@Entity('match_counterparts')
export class MatchCounterpartEntity {
  @PrimaryColumn({ type: 'uuid' }) runId: string;
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @PrimaryColumn({ type: 'uuid' }) counterpartId: string;
  @Column({ type: 'integer' }) rank: number;
  @Column({ type: 'real' }) score: number;
  /** Listed thanks to the fairness quota for small GADMs rather than raw score. */
  @Column({ type: 'boolean', default: false }) promoted: boolean;
  @Column({ type: 'jsonb', default: [] }) pairs: { demand: string; offer: string; score: number }[];
}
