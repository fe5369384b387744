import { EntityManager } from 'typeorm';
import type { LiveChange as DomainChange } from '@rueda/live';
import { MeetingEntity } from '../entities';
import { holdEventShared } from './event-locks';
import { updateLockedMeeting } from './update-locked';
import { type LiveChange, meetingChange } from '@rueda/application';

/**
 * Writes the meetings a libs/live operation changed (new ones inserted) and returns the live
 * messages that announce them. Version columns move, so stale clients get a 409 afterwards.
 */
export async function persistMeetingChanges(
  m: EntityManager,
  eventId: string,
  change: DomainChange,
  origin: 'walk_in' | 'replacement',
  now: Date,
): Promise<{ changes: LiveChange[]; meetings: MeetingEntity[] }> {
  await holdEventShared(m, eventId);
  const repo = m.getRepository(MeetingEntity);
  const out: MeetingEntity[] = [];
  const changes: LiveChange[] = [];
  for (const c of change.changedMeetings) {
    let row: MeetingEntity;
    if (c.before === null) {
      row = await repo.save(
        repo.create({
          id: c.after.id,
          eventId,
          participantAId: c.after.a,
          participantBId: c.after.b,
          status: c.after.status,
          slotId: c.after.slotId,
          tableId: c.after.tableId,
          weight: c.after.weight,
          origin,
          respondedAt: now,
        }),
      );
    } else {
      row = await repo.findOneOrFail({ where: { id: c.meetingId, eventId }, lock: { mode: 'pessimistic_write' } });
      Object.assign(row, { status: c.after.status, slotId: c.after.slotId, tableId: c.after.tableId });
      // Just read under its row lock: written in one UPDATE, without save()'s second read.
      row = await updateLockedMeeting(m, row);
    }
    out.push(row);
    changes.push(
      meetingChange(row, c.before === null ? 'meeting.created' : 'meeting.updated', c.before?.tableId ? [c.before.tableId] : []),
    );
  }
  return { changes, meetings: out };
}
