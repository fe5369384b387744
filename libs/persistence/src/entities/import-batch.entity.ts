import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Audit trail of committed imports: who loaded which file, and what it changed. */
@Entity('import_batches')
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'varchar', length: 16 }) kind: string;
  @Column({ type: 'varchar', length: 300 }) filename: string;
  @Column({ type: 'integer' }) rows: number;
  @Column({ type: 'integer' }) inserted: number;
  @Column({ type: 'integer' }) updated: number;
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
