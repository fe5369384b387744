import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ParticipantEntity } from './participant.entity';
import { SlotEntity } from './slot.entity';

/** A slot a participant cannot attend (its `unavailable` list in the schedule instance). */
@Entity('unavailability')
export class UnavailabilityEntity {
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @PrimaryColumn({ type: 'uuid' }) slotId: string;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant: Relation<ParticipantEntity>;
  @ManyToOne(() => SlotEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'slot_id' }) slot: Relation<SlotEntity>;
}
