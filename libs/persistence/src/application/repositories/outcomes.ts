import type { EntityManager } from 'typeorm';
import type {
  CommitmentMeeting,
  CommitmentRecord,
  NewCommitment,
  OutcomeMeeting,
  OutcomeRecord,
  OutcomeRepository,
} from '@rueda/application';
import { localDay } from '@rueda/domain';
import { CommitmentEntity, MeetingOutcomeEntity } from '../../entities';
import { eventEndDate } from '../../reporting/report-data';

export class TypeOrmOutcomeRepository implements OutcomeRepository {
  constructor(private readonly m: EntityManager) {}

  async lockMeeting(eventId: string, meetingId: string): Promise<OutcomeMeeting | null> {
    const [row] = await this.m.query(
      `SELECT m.id, m.status, m.participant_a_id, m.participant_b_id, s.starts_at, e.time_zone
         FROM meetings m JOIN events e ON e.id = m.event_id LEFT JOIN slots s ON s.id = m.slot_id
        WHERE m.id = $1 AND m.event_id = $2 FOR UPDATE OF m`,
      [meetingId, eventId],
    );
    return row
      ? {
          id: row.id,
          status: row.status,
          participantAId: row.participant_a_id,
          participantBId: row.participant_b_id,
          startsAt: row.starts_at,
          timeZone: row.time_zone,
        }
      : null;
  }

  lockOutcome(meetingId: string, side: 'a' | 'b'): Promise<OutcomeRecord | null> {
    return this.m.getRepository(MeetingOutcomeEntity).findOne({ where: { meetingId, side }, lock: { mode: 'pessimistic_write' } });
  }

  draftOutcome(values: Pick<OutcomeRecord, 'eventId' | 'meetingId' | 'side' | 'participantId'>): OutcomeRecord {
    return this.m.getRepository(MeetingOutcomeEntity).create(values);
  }

  saveOutcome<O extends OutcomeRecord>(outcome: O): Promise<O> {
    return this.m.getRepository(MeetingOutcomeEntity).save(outcome as unknown as MeetingOutcomeEntity) as unknown as Promise<O>;
  }

  async commitmentMeeting(eventId: string, meetingId: string): Promise<CommitmentMeeting | null> {
    const [row] = await this.m.query(
      `SELECT m.status, e.time_zone, s.starts_at FROM meetings m JOIN events e ON e.id = m.event_id LEFT JOIN slots s ON s.id = m.slot_id
        WHERE m.id = $1 AND m.event_id = $2`,
      [meetingId, eventId],
    );
    return row ? { status: row.status, timeZone: row.time_zone, day: row.starts_at ? localDay(row.starts_at, row.time_zone) : null } : null;
  }

  eventEndDate(eventId: string): Promise<string | null> {
    return eventEndDate(this.m, eventId);
  }

  lockCommitment(eventId: string, commitmentId: string): Promise<CommitmentRecord | null> {
    return this.m.getRepository(CommitmentEntity).findOne({ where: { id: commitmentId, eventId }, lock: { mode: 'pessimistic_write' } });
  }

  draftCommitment(values: NewCommitment): CommitmentRecord {
    return this.m.getRepository(CommitmentEntity).create(values);
  }

  saveCommitment<C extends CommitmentRecord>(commitment: C): Promise<C> {
    return this.m.getRepository(CommitmentEntity).save(commitment as unknown as CommitmentEntity) as unknown as Promise<C>;
  }
}
