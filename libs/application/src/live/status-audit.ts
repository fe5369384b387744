import { conflict, OCCUPYING_STATUSES, type MeetingStatus } from '@rueda/domain';
import type { LiveMeeting } from '@rueda/realtime';
import type { Principal } from '../ports/principal';
import type { MeetingRecord } from '../ports/repositories';
import type { StatusChange } from '../ports/repositories/status-changes';
import type { Tx } from '../ports/unit-of-work';
import { liveMeeting, meetingChange } from './changes';

/** Keeps a status change in the meeting's audit trail: who (the organiser, if one acted), when, before, after, why. */
export function auditStatus(
  tx: Tx,
  principal: Principal,
  now: Date,
  m: MeetingRecord,
  kind: StatusChange['kind'],
  before: MeetingStatus,
  reason = '',
): Promise<StatusChange> {
  return tx.repos.statusChanges.record({
    eventId: m.eventId,
    meetingId: m.id,
    kind,
    before,
    after: m.status,
    actorId: principal.type === 'user' ? principal.userId : null,
    actorEmail: principal.type === 'user' ? principal.email : null,
    reason,
    at: now,
  });
}

/**
 * Puts a meeting in `status` (undo, correction). Back at its table (scheduled, checked in,
 * held) only if nobody took the cell meanwhile; then any replacement still proposed for that
 * cell is withdrawn. The caller holds the event lock, then the meeting's.
 */
export async function putStatus(tx: Tx, now: Date, m: MeetingRecord, status: MeetingStatus): Promise<MeetingRecord> {
  if (OCCUPYING_STATUSES.includes(status) && !OCCUPYING_STATUSES.includes(m.status) && m.slotId && m.tableId) {
    const taken = await tx.repos.meetings.cellTakenBy(m);
    if (taken) {
      const pair = taken.names.join(' ⇄ ');
      throw conflict(
        'cell_taken',
        {
          es: `La mesa o una de las partes ya está en otra reunión de esa franja (${pair}); mueva una de las dos desde la sala de control`,
          en: `The table or one of the parties is already in another meeting of that slot (${pair}); move one of them from the control room`,
        },
        { current: liveMeeting(m) },
      );
    }
    for (const proposalId of await tx.repos.meetings.withdrawProposals(m.eventId, { slotId: m.slotId, tableId: m.tableId }, now)) {
      tx.record(m.eventId, {
        type: 'replacement.resolved',
        participants: [],
        tables: [m.tableId],
        payload: { proposalId, accepted: false },
      });
    }
  }
  m.status = status;
  const saved = await tx.repos.meetings.save(m);
  tx.record(m.eventId, meetingChange(saved));
  return saved;
}

/** What a table's mark returns: the meeting, and how long the table may take it back. */
export type MarkResult = LiveMeeting & {
  change: { id: string; at: string; undoUntil: string } | null;
  /** Set when the mark's idempotency key had been applied before: this is that first answer, nothing changed now. */
  replayed?: boolean;
};
