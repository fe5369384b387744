import { EntityManager } from 'typeorm';
import type { LiveChange as DomainChange } from '@rueda/live';
import { MeetingEntity } from '../entities';
import { holdEventShared } from './event-locks';
import { moveMeeting } from './update-locked';
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
      // An INSERT only: save() would first SELECT the id libs/live just made up.
      row = repo.create({
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
      });
      await repo.insert(row);
    } else {
      const to = { status: c.after.status, slotId: c.after.slotId, tableId: c.after.tableId };
      // Locked and written in one statement; a row missing or already so is read as before (and a missing one refused).
      row =
        (await moveMeeting(m, eventId, c.meetingId, to)) ??
        (await repo.findOneOrFail({ where: { id: c.meetingId, eventId }, lock: { mode: 'pessimistic_write' } }));
    }
    out.push(row);
    changes.push(
      meetingChange(row, c.before === null ? 'meeting.created' : 'meeting.updated', c.before?.tableId ? [c.before.tableId] : []),
    );
  }
  return { changes, meetings: out };
}
