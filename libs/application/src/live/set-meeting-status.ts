import { z } from 'zod';
import { canTransition, conflict, NOUNS, notFound, UNDO_WINDOW_MS, versionConflict } from '@rueda/domain';
import { organisers } from '../authorization';
import type { Principal } from '../ports/principal';
import type { MeetingRecord } from '../ports/repositories';
import type { Tx } from '../ports/unit-of-work';
import { useCase } from '../use-case';
import { liveMeeting, meetingChange, recoveryJob } from './changes';
import { auditStatus, type MarkResult } from './status-audit';

/** What table staff may set at the table; `accepted` and the rest belong to other use cases. */
export const TABLE_STATUSES = ['checked_in', 'held', 'no_show', 'cancelled'] as const;
type TableStatus = (typeof TABLE_STATUSES)[number];

export const SetMeetingStatusCommand = z
  .object({
    /** Optional over the socket, where a message names only the meeting. */
    eventId: z.uuid().optional(),
    meetingId: z.uuid(),
    status: z.enum(TABLE_STATUSES),
    /** The version the caller read; a stale one is refused with the current meeting. */
    version: z.number().int().min(1).max(2_147_483_647).optional(),
    /**
     * One key per mark, made by the device (a table's marks queued offline are sent again when
     * the connection returns): a key already applied gets the first answer back and changes nothing.
     */
    idempotencyKey: z.uuid().optional(),
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
    // After the meeting's lock: a replay racing its original waits for it, then finds its answer.
    if (cmd.idempotencyKey) {
      const first = await tx.repos.statusChanges.verdict(eventId, cmd.idempotencyKey);
      if (first) return replayOf(first, cmd.meetingId);
    }
    if (cmd.version !== undefined && meeting.version !== cmd.version) throw versionConflict(liveMeeting(meeting));
    if (meeting.status === cmd.status) return { ...liveMeeting(meeting), change: null };
    const result = await mark(tx, principal, now, eventId, meeting, cmd.status);
    if (cmd.idempotencyKey && !(await tx.repos.statusChanges.keepVerdict(eventId, cmd.idempotencyKey, result, now))) {
      throw keyReused();
    }
    return result;
  },
});

/** The answer kept for a key, given back as it was; a key sent for another meeting is refused. */
function replayOf(first: Record<string, unknown>, meetingId: string): MarkResult {
  if (first.id !== meetingId) throw keyReused();
  return { ...(first as unknown as MarkResult), replayed: true };
}

const keyReused = () =>
  conflict('idempotency_key_reused', {
    es: 'Esta clave de idempotencia ya se usó para otra marca; cada marca lleva la suya',
    en: 'This idempotency key was already used for another mark; each mark carries its own',
  });

/** Applies a table's mark: checked, audited, and a freed table sent to recovery. */
async function mark(
  tx: Tx,
  principal: Principal,
  now: Date,
  eventId: string,
  meeting: MeetingRecord,
  status: TableStatus,
): Promise<MarkResult> {
  if (!canTransition(meeting.status, status)) {
    throw conflict(
      'invalid_transition',
      {
        es: `La reunión está «${meeting.status}» y no puede pasar a «${status}»`,
        en: `The meeting is "${meeting.status}" and cannot become "${status}"`,
      },
      { current: liveMeeting(meeting) },
    );
  }
  const before = meeting.status;
  meeting.status = status;
  const saved = await tx.repos.meetings.save(meeting);
  tx.record(eventId, meetingChange(saved));
  const change = await auditStatus(tx, principal, now, saved, 'mark', before);
  if ((status === 'no_show' || status === 'cancelled') && saved.slotId && saved.tableId) {
    tx.enqueue(recoveryJob(eventId, { slotId: saved.slotId, tableId: saved.tableId }, saved.id, now));
  }
  return {
    ...liveMeeting(saved),
    change: { id: change.id, at: change.at.toISOString(), undoUntil: new Date(change.at.getTime() + UNDO_WINDOW_MS).toISOString() },
  };
}
