import { buildIndex, cellProblem, slotTiming, timingOptions, type TimingOptions } from './occupancy';
import type { Cell, LiveState, Reason } from './model';

/** Statuses a meeting can be moved from on the day: placed and not yet held or missed. */
export const MOVABLE_STATUSES = ['scheduled', 'checked_in'] as const;

export type MoveCheck =
  { ok: true } | { ok: false; code: 'not_found' | 'invalid_transition' | 'unknown_slot' | 'cell_unavailable'; reason: Reason };

/**
 * Can an organiser move `meetingId` to `to` right now? The target is judged as if the meeting
 * were not on the agenda yet: the table must be free, both people free, present and
 * available in that slot, and the slot not over.
 */
export function checkMove(state: LiveState, meetingId: string, to: Cell, options?: Partial<TimingOptions>): MoveCheck {
  const meeting = state.meetings.find((m) => m.id === meetingId);
  if (!meeting)
    return { ok: false, code: 'not_found', reason: { es: `reunión desconocida: ${meetingId}`, en: `unknown meeting: ${meetingId}` } };
  if (!(MOVABLE_STATUSES as readonly string[]).includes(meeting.status)) {
    return {
      ok: false,
      code: 'invalid_transition',
      reason: { es: 'Solo se mueven reuniones agendadas', en: 'Only scheduled meetings can be moved' },
    };
  }
  const without = { ...state, meetings: state.meetings.filter((x) => x.id !== meetingId) };
  const ix = buildIndex(without);
  const pos = ix.slotPos.get(to.slotId);
  if (pos === undefined)
    return { ok: false, code: 'unknown_slot', reason: { es: `franja desconocida: ${to.slotId}`, en: `unknown slot: ${to.slotId}` } };
  const timing = slotTiming(without.slots[pos], without.now, timingOptions(options));
  const problem =
    timing === 'closed'
      ? { es: 'la franja ya terminó', en: 'the slot is over' }
      : cellProblem(ix, meeting.a, meeting.b, pos, to.tableId, { timing, addsMeeting: true });
  return problem ? { ok: false, code: 'cell_unavailable', reason: problem } : { ok: true };
}
