import { formatLocal, zonedTimeToUtc } from './time-zone';

/** How long personal links keep working after the event unless organisers choose: follow-up runs 3, 6 and 12 months. */
export const LINK_VALID_MONTHS_AFTER_EVENT = 12;

const addMonths = (day: string, months: number): string => {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // 31 March + 12 months is 31 March; 29 February + 12 months is 28 February.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The last day (in the event's time zone) a participant's personal link works: the day the
 * organisers set, else 12 months after the event's last day (or after its creation while it has
 * no sessions yet).
 */
export function participantLinkLastDay(e: {
  linksExpireOn: string | null;
  lastSessionDay: string | null;
  createdAt: Date;
  timeZone: string;
}): string {
  if (e.linksExpireOn) return e.linksExpireOn;
  const from = e.lastSessionDay ?? formatLocal(e.createdAt, e.timeZone).slice(0, 10);
  return addMonths(from, LINK_VALID_MONTHS_AFTER_EVENT);
}

/** The instant the link stops working: midnight at the end of its last day, in the event's zone. */
export function participantLinkExpiresAt(e: Parameters<typeof participantLinkLastDay>[0]): Date {
  return zonedTimeToUtc(nextDay(participantLinkLastDay(e)), '00:00', e.timeZone);
}
