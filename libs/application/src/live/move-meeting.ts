import { z } from 'zod';
import { conflict, NOUNS, notFound, versionConflict } from '@rueda/domain';
import { checkMove } from '@rueda/live';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { liveMeeting, meetingChange, recoveryJob } from './changes';
import { lockDay } from './day-state';

export const MoveMeetingCommand = z
  .object({
    eventId: z.uuid(),
    meetingId: z.uuid(),
    slotId: z.uuid(),
    tableId: z.uuid(),
    version: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .strict();

/** Moves a meeting to another table or slot if both people and the table are free there; the freed cell looks for a replacement. */
export const MoveMeeting = useCase({
  name: 'MoveMeeting',
  command: MoveMeetingCommand,
  authorize: organisers,
  async run({ tx, now }, cmd) {
    const { settings, state } = await lockDay(tx, cmd.eventId, now);
    const row = await tx.repos.meetings.lock(cmd.eventId, cmd.meetingId);
    if (!row) throw notFound(NOUNS.meeting, cmd.meetingId);
    if (cmd.version !== undefined && row.version !== cmd.version) throw versionConflict(liveMeeting(row));
    const check = checkMove(state, cmd.meetingId, cmd, { protectMinutes: settings.protectMinutes });
    if (!check.ok) {
      if (check.code === 'unknown_slot') throw notFound(NOUNS.slot, cmd.slotId);
      // A meeting the day no longer counts (declined, expired) is there but cannot move.
      const code = check.code === 'not_found' ? 'invalid_transition' : check.code;
      throw conflict(code, check.reason, { current: liveMeeting(row) });
    }
    const from = row.slotId && row.tableId ? { slotId: row.slotId, tableId: row.tableId } : null;
    row.slotId = cmd.slotId;
    row.tableId = cmd.tableId;
    const saved = await tx.repos.meetings.save(row);
    tx.record(cmd.eventId, meetingChange(saved, 'meeting.updated', from ? [from.tableId] : []));
    if (from) tx.enqueue(recoveryJob(cmd.eventId, from, null, now));
    return liveMeeting(saved);
  },
});
