import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { conflict } from '@rueda/domain';
import { applyWalkIn } from '@rueda/live';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { liveMeeting } from './changes';
import { lockDay } from './day-state';

export const RecordWalkInCommand = z
  .object({
    eventId: z.uuid(),
    participantAId: z.uuid(),
    participantBId: z.uuid(),
    slotId: z.uuid().optional(),
    tableId: z.uuid().optional(),
  })
  .strict();

/** A meeting agreed on the spot: the earliest free table and slot for both, or why there is none. */
export const RecordWalkIn = useCase({
  name: 'RecordWalkIn',
  command: RecordWalkInCommand,
  authorize: organisers,
  async run({ tx, now }, cmd) {
    const { settings, state } = await lockDay(tx, cmd.eventId, now);
    const r = applyWalkIn(
      state,
      { a: cmd.participantAId, b: cmd.participantBId, slotId: cmd.slotId, tableId: cmd.tableId },
      { newMeetingId: randomUUID(), protectMinutes: settings.protectMinutes },
    );
    if (!r.ok) throw conflict('no_free_cell', r.reason, { details: r.details });
    const persisted = await tx.repos.meetings.applyLiveChange(cmd.eventId, r, 'walk_in', now);
    tx.record(cmd.eventId, ...persisted.changes);
    return liveMeeting(persisted.meetings.find((x) => x.id === r.meeting.id)!);
  },
});
