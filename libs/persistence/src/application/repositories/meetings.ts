import type { EntityManager } from 'typeorm';
import type { LiveMeetingOrigin, MeetingRecord, MeetingRepository } from '@rueda/application';
import { OCCUPYING_STATUSES } from '@rueda/domain';
import type { LiveChange as LiveDomainChange } from '@rueda/live';
import { MeetingEntity } from '../../entities';
import { holdEventShared } from '../../live/event-locks';
import { persistMeetingChanges } from '../../live/persist-live';
import { isRememberedLocked, rememberLocked, updateLockedMeeting } from '../../live/update-locked';

export class TypeOrmMeetingRepository implements MeetingRepository {
  constructor(private readonly m: EntityManager) {}

  async eventOf(meetingId: string): Promise<string | null> {
    const row = await this.m.getRepository(MeetingEntity).findOne({ where: { id: meetingId }, select: { eventId: true } });
    return row?.eventId ?? null;
  }

  async lock(eventId: string, meetingId: string): Promise<MeetingEntity | null> {
    await holdEventShared(this.m, eventId);
    const row = await this.m
      .getRepository(MeetingEntity)
      .findOne({ where: { id: meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
    if (row) rememberLocked(this.m, row);
    return row;
  }

  async cellTakenBy(meeting: MeetingRecord): Promise<{ id: string; names: string[] } | null> {
    if (!meeting.slotId) return null;
    const [row] = await this.m.query(
      `SELECT m.id, a.name AS a, b.name AS b FROM meetings m
         JOIN participants a ON a.id = m.participant_a_id JOIN participants b ON b.id = m.participant_b_id
        WHERE m.slot_id = $1 AND m.id <> $2 AND m.status = ANY($3::text[])
          AND (m.table_id = $4 OR m.participant_a_id IN ($5, $6) OR m.participant_b_id IN ($5, $6))
        LIMIT 1`,
      [meeting.slotId, meeting.id, OCCUPYING_STATUSES, meeting.tableId, meeting.participantAId, meeting.participantBId],
    );
    return row ? { id: row.id, names: [row.a, row.b] } : null;
  }

  async withdrawProposals(eventId: string, cell: { slotId: string; tableId: string }, at: Date): Promise<string[]> {
    // TypeORM answers an UPDATE with [rows, row count], not the rows alone.
    const [rows]: [{ id: string }[], number] = await this.m.query(
      `UPDATE replacement_proposals SET status = 'expired', resolved_at = $4
        WHERE event_id = $1 AND slot_id = $2 AND table_id = $3 AND status = 'proposed' RETURNING id`,
      [eventId, cell.slotId, cell.tableId, at],
    );
    return rows.map((r) => r.id);
  }

  save<M extends MeetingRecord>(meeting: M): Promise<M> {
    // A row lock() returned is written in one UPDATE; any other goes through save() (which may insert).
    if (isRememberedLocked(meeting)) return updateLockedMeeting(this.m, meeting as unknown as MeetingEntity) as unknown as Promise<M>;
    return this.m.getRepository(MeetingEntity).save(meeting as unknown as MeetingEntity) as unknown as Promise<M>;
  }

  async lockAsRead(eventId: string, change: LiveDomainChange): Promise<boolean> {
    const read = new Map(change.changedMeetings.flatMap((c) => (c.before ? [[c.meetingId, c.before] as const] : [])));
    if (!read.size) return true;
    await holdEventShared(this.m, eventId);
    const rows: { id: string; status: string; slot_id: string | null; table_id: string | null }[] = await this.m.query(
      `SELECT id, status, slot_id, table_id FROM meetings WHERE event_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [eventId, [...read.keys()]],
    );
    return (
      rows.length === read.size &&
      rows.every((r) => {
        const b = read.get(r.id)!;
        return r.status === b.status && r.slot_id === (b.slotId ?? null) && r.table_id === (b.tableId ?? null);
      })
    );
  }

  applyLiveChange(eventId: string, change: LiveDomainChange, origin: LiveMeetingOrigin, now: Date) {
    return persistMeetingChanges(this.m, eventId, change, origin, now);
  }
}
