import type { LiveMeeting } from '@rueda/realtime';
import { QUEUES, type RecoveryJobData } from '@rueda/queues';
import type { JobRequest, LiveChange } from '../ports/changes';
import type { MeetingRecord } from '../ports/repositories';

/** A meeting as live clients receive it. */
export const liveMeeting = (m: MeetingRecord): LiveMeeting => ({
  id: m.id,
  status: m.status,
  participantAId: m.participantAId,
  participantBId: m.participantBId,
  slotId: m.slotId,
  tableId: m.tableId,
  version: m.version,
});

/** The live message of a changed meeting: both participants, its table and any table it left. */
export const meetingChange = (
  m: MeetingRecord,
  type: 'meeting.updated' | 'meeting.created' = 'meeting.updated',
  extraTables: string[] = [],
): LiveChange<LiveMeeting> => ({
  type,
  participants: [m.participantAId, m.participantBId],
  tables: [...new Set([...(m.tableId ? [m.tableId] : []), ...extraTables])],
  payload: liveMeeting(m),
});

/** The search for the best replacement of a freed table and slot, queued once the freeing commits. */
export const recoveryJob = (
  eventId: string,
  cell: { slotId: string; tableId: string },
  freedMeetingId: string | null,
  now: Date,
): JobRequest<RecoveryJobData> => ({
  queue: QUEUES.live,
  name: 'recover',
  data: { eventId, slotId: cell.slotId, tableId: cell.tableId, freedMeetingId, requestedAt: now.getTime() },
  options: { removeOnComplete: 1000, attempts: 2 },
});
