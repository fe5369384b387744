import { invalidField } from '@rueda/domain';
import type { Repositories } from '../ports/repositories';
import type { Tx } from '../ports/unit-of-work';

/**
 * A participant's maxMeetings may not go below the meetings it already has on the day
 * (scheduled, checked in or held: the ones the live day counts towards the maximum), or the
 * day would run with a participant over its own limit.
 *
 * Settled in the database: a command that sets maxMeetings first takes the event's live-day lock
 * exclusively (before any row lock, the order every live writer keeps), so no meeting can be
 * placed for the participant between the count and the commit.
 */
export async function holdForMaxMeetings(tx: Tx, eventId: string, changes: Record<string, unknown>): Promise<void> {
  if (typeof changes.maxMeetings === 'number') await tx.lockEvent(eventId);
}

/** Refuses a maxMeetings below the participant's meetings (call it after holdForMaxMeetings). */
export async function checkMaxMeetings(repos: Repositories, participantId: string, maxMeetings: unknown): Promise<void> {
  if (typeof maxMeetings !== 'number') return;
  const placed = await repos.records.placedMeetings(participantId);
  if (placed > maxMeetings)
    throw invalidField(
      'maxMeetings',
      `el participante ya tiene ${placed} reuniones agendadas o realizadas; maxMeetings no puede ser menor que ${placed}`,
      `the participant already has ${placed} scheduled or held meetings; maxMeetings cannot be lower than ${placed}`,
    );
}
