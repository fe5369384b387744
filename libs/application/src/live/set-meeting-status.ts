import { z } from 'zod';
import { canTransition, conflict, NOUNS, notFound, UNDO_WINDOW_MS, versionConflict } from '@rueda/domain';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { liveMeeting, meetingChange, recoveryJob } from './changes';
import { auditStatus, type MarkResult } from './status-audit';

/** What table staff may set at the table; `accepted` and the rest belong to other use cases. */
export const TABLE_STATUSES = ['checked_in', 'held', 'no_show', 'cancelled'] as const;

export const SetMeetingStatusCommand = z
  .object({
    /** Optional over the socket, where a message names only the meeting. */
    eventId: z.uuid().optional(),
    meetingId: z.uuid(),
    status: z.enum(TABLE_STATUSES),
    /** The version the caller read; a stale one is refused with the current meeting. */
    version: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .strict();

/**
 * Table staff mark a meeting: present, held, no-show, cancelled. A freed table (no-show or
 * cancelled) queues the search for a replacement once this commits. HTTP and socket run this.
 * The mark is kept in the meeting's audit trail and the table may undo it for UNDO_WINDOW_MS.
 */
export const SetMeetingStatus = useCase({
  name: 'SetMeetingStatus',
  command: SetMeetingStatusCommand,
  authorize: organisers,
  async run({ tx, now, principal }, cmd): Promise<MarkResult> {
    const eventId = cmd.eventId ?? (await tx.repos.meetings.eventOf(cmd.meetingId));
    const meeting = eventId ? await tx.repos.meetings.lock(eventId, cmd.meetingId) : null;
    if (!eventId || !meeting) throw notFound(NOUNS.meeting, cmd.meetingId);
    if (cmd.version !== undefined && meeting.version !== cmd.version) throw versionConflict(liveMeeting(meeting));
    if (meeting.status === cmd.status) return { ...liveMeeting(meeting), change: null };
    if (!canTransition(meeting.status, cmd.status)) {
      throw conflict(
        'invalid_transition',
        {
          es: `La reunión está «${meeting.status}» y no puede pasar a «${cmd.status}»`,
          en: `The meeting is "${meeting.status}" and cannot become "${cmd.status}"`,
        },
        { current: liveMeeting(meeting) },
      );
    }
    const before = meeting.status;
    meeting.status = cmd.status;
    const saved = await tx.repos.meetings.save(meeting);
    tx.record(eventId, meetingChange(saved));
    const change = await auditStatus(tx, principal, now, saved, 'mark', before);
    if ((cmd.status === 'no_show' || cmd.status === 'cancelled') && saved.slotId && saved.tableId) {
      tx.enqueue(recoveryJob(eventId, { slotId: saved.slotId, tableId: saved.tableId }, saved.id, now));
    }
    return {
      ...liveMeeting(saved),
      change: { id: change.id, at: change.at.toISOString(), undoUntil: new Date(change.at.getTime() + UNDO_WINDOW_MS).toISOString() },
    };
  },
});
