import { addDays, addMonths, localDay, REVIEW_MONTHS } from '@rueda/domain';
import type { Addressed } from './kinds';

export interface ReminderEvent {
  timeZone: string;
  /** First slot start and last slot end (ISO), null before sessions exist. */
  firstStart: string | null;
  lastEnd: string | null;
  /** Remind participants with no accepted meeting this many days before the event (0 = never). */
  noMeetingReminderDays: number;
}

export interface ReminderParticipant {
  id: string;
  /** Meetings accepted, scheduled or later (a participant with none gets the reminder). */
  booked: number;
  held: number;
  /** Open commitments born in its meetings, named in the follow-up reminders. */
  commitments: number;
}

const DAY = 86_400_000;
/** A reminder missed for this long (workers down, event imported late) is not sent any more. */
const STALE_DAYS = 30;

/**
 * Reminders that fall due by date: no accepted meeting N days before the event, the outcome
 * form once the event is over, follow-ups 3, 6 and 12 months later (only the latest one due, so
 * a late run never sends three at once). Idempotent through the dedupe keys.
 */
export function dueReminders(now: Date, ev: ReminderEvent, participants: ReminderParticipant[]): Addressed[] {
  const out: Addressed[] = [];
  const t = now.getTime();
  if (ev.firstStart && ev.noMeetingReminderDays > 0) {
    const start = Date.parse(ev.firstStart);
    if (t < start && t >= start - ev.noMeetingReminderDays * DAY) {
      // Calendar days in the event's zone: on the 23rd, an event on the 25th is 2 days away.
      const days = (Date.parse(localDay(new Date(start), ev.timeZone)) - Date.parse(localDay(now, ev.timeZone))) / DAY;
      const daysLeft = Math.max(1, Math.round(days));
      for (const p of participants)
        if (p.booked === 0) out.push({ participantId: p.id, dedupeKey: 'no-meeting', notice: { kind: 'no_meeting.reminder', daysLeft } });
    }
  }
  if (ev.lastEnd) {
    const end = Date.parse(ev.lastEnd);
    if (t >= end && t < end + STALE_DAYS * DAY) {
      for (const p of participants)
        if (p.held > 0)
          out.push({ participantId: p.id, dedupeKey: 'outcome-form', notice: { kind: 'outcome.form', heldMeetings: p.held } });
    }
    const lastDay = localDay(new Date(end), ev.timeZone);
    const today = localDay(now, ev.timeZone);
    const months = [...REVIEW_MONTHS].reverse().find((m) => {
      const due = addMonths(lastDay, m);
      return today >= due && today < addDays(due, STALE_DAYS);
    });
    if (months !== undefined) {
      for (const p of participants)
        if (p.held > 0)
          out.push({
            participantId: p.id,
            dedupeKey: `followup:${months}`,
            notice: { kind: 'followup.reminder', months, commitments: p.commitments },
          });
    }
  }
  return out;
}

/** Open requests whose expiry falls within this window get an "about to expire" reminder. */
export const EXPIRING_WINDOW_HOURS = 24;
