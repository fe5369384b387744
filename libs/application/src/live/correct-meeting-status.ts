import { z } from 'zod';
import {
  bi,
  conflict,
  correctionProblem,
  NOUNS,
  notFound,
  OCCUPYING_STATUSES,
  PLACED_STATUSES,
  versionConflict,
  type MeetingStatus,
} from '@rueda/domain';
import type { LiveMeeting } from '@rueda/realtime';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { liveMeeting, recoveryJob } from './changes';
import { auditStatus, putStatus } from './status-audit';

export const CorrectMeetingStatusCommand = z
  .object({
    eventId: z.uuid(),
    meetingId: z.uuid(),
    status: z.enum(PLACED_STATUSES as [MeetingStatus, ...MeetingStatus[]]),
    reason: z
      .string()
      .trim()
      .min(3, {
        message: bi('Indique el motivo de la corrección (3 caracteres o más)', 'Give the reason for the correction (3 characters or more)'),
      })
      .max(500),
    version: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .strict();

/**
 * Organisers correct a meeting's status (a wrong "no-show", a meeting held after all), with a
 * reason kept in the audit trail. Back at the table only if the cell is still free; a meeting
 * that leaves its table frees it for a replacement.
 */
export const CorrectMeetingStatus = useCase({
  name: 'CorrectMeetingStatus',
  command: CorrectMeetingStatusCommand,
  authorize: organisers,
  async run({ tx, now, principal }, cmd): Promise<LiveMeeting> {
    // The event first, as recovery and every live operation lock it: the same order never deadlocks.
    await tx.lockEvent(cmd.eventId);
    const meeting = await tx.repos.meetings.lock(cmd.eventId, cmd.meetingId);
    if (!meeting) throw notFound(NOUNS.meeting, cmd.meetingId);
    if (cmd.version !== undefined && meeting.version !== cmd.version) throw versionConflict(liveMeeting(meeting));
    const problem = correctionProblem(meeting.status, cmd.status, cmd.reason);
    if (problem) throw conflict('correction_not_possible', problem, { current: liveMeeting(meeting) });
    const before = meeting.status;
    const saved = await putStatus(tx, now, meeting, cmd.status);
    await auditStatus(tx, principal, now, saved, 'correction', before, cmd.reason);
    if (OCCUPYING_STATUSES.includes(before) && !OCCUPYING_STATUSES.includes(cmd.status) && saved.slotId && saved.tableId) {
      tx.enqueue(recoveryJob(cmd.eventId, { slotId: saved.slotId, tableId: saved.tableId }, saved.id, now));
    }
    return liveMeeting(saved);
  },
});
