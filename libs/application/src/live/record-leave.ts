import { z } from 'zod';
import { applyLeaveEarly } from '@rueda/live';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { recoveryJob } from './changes';
import { lockDay } from './day-state';

export const RecordLeaveCommand = z
  .object({ eventId: z.uuid(), participantId: z.uuid(), at: z.iso.datetime({ offset: true }).optional() })
  .strict();

/** A participant leaves: its later meetings are cancelled and every freed table looks for a replacement. */
export const RecordLeave = useCase({
  name: 'RecordLeave',
  command: RecordLeaveCommand,
  authorize: organisers,
  async run({ tx, now }, cmd) {
    const at = cmd.at ? new Date(cmd.at) : now;
    const { state } = await lockDay(tx, cmd.eventId, now);
    const r = applyLeaveEarly(state, cmd.participantId, at);
    await tx.repos.participants.markLeft(cmd.eventId, cmd.participantId, at);
    const persisted = await tx.repos.meetings.applyLiveChange(cmd.eventId, r, 'replacement', now);
    tx.record(cmd.eventId, ...persisted.changes, {
      type: 'participant.left',
      participants: [cmd.participantId],
      tables: [],
      payload: { participantId: cmd.participantId, at: at.toISOString(), freedMeetingIds: r.freed.map((f) => f.meetingId) },
    });
    for (const f of r.freed) tx.enqueue(recoveryJob(cmd.eventId, f, f.meetingId, now));
    return { freed: r.freed };
  },
});
