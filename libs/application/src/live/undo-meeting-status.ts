import { z } from 'zod';
import { conflict, NOUNS, notFound, undoProblem } from '@rueda/domain';
import type { LiveMeeting } from '@rueda/realtime';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { liveMeeting } from './changes';
import { auditStatus, putStatus } from './status-audit';

export const UndoMeetingStatusCommand = z.object({ eventId: z.uuid(), meetingId: z.uuid(), changeId: z.uuid() }).strict();

/**
 * The table takes its last mark back (a wrong tap): within UNDO_WINDOW_MS, if it is still the
 * meeting's latest change, and if nobody took the freed cell meanwhile. Audited as an undo.
 */
export const UndoMeetingStatus = useCase({
  name: 'UndoMeetingStatus',
  command: UndoMeetingStatusCommand,
  authorize: organisers,
  async run({ tx, now, principal }, cmd): Promise<LiveMeeting> {
    // The event first, as recovery and every live operation lock it: the same order never deadlocks.
    await tx.lockEvent(cmd.eventId);
    const meeting = await tx.repos.meetings.lock(cmd.eventId, cmd.meetingId);
    if (!meeting) throw notFound(NOUNS.meeting, cmd.meetingId);
    const latest = await tx.repos.statusChanges.latest(meeting.id);
    const problem = undoProblem(latest ?? undefined, cmd.changeId, meeting.status, now);
    if (problem) throw conflict('undo_not_possible', problem, { current: liveMeeting(meeting) });
    const before = meeting.status;
    const saved = await putStatus(tx, now, meeting, latest!.before);
    await auditStatus(tx, principal, now, saved, 'undo', before);
    return liveMeeting(saved);
  },
});
