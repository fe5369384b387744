import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ScheduleVersionEntity } from './schedule-version.entity';

/** The database, not the solver, has the last word: a table holds one meeting per slot. */
@Entity('schedule_assignments')
@Index(['scheduleVersionId', 'slotId', 'tableId'], { unique: true })
export class ScheduleAssignmentEntity {
  @PrimaryColumn({ type: 'uuid' }) scheduleVersionId: string;
  @PrimaryColumn({ type: 'uuid' }) meetingId: string;
  @ManyToOne(() => ScheduleVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_version_id' })
  scheduleVersion: Relation<ScheduleVersionEntity>;
  @Column({ type: 'uuid' }) slotId: string;
  @Column({ type: 'uuid' }) tableId: string;
}
