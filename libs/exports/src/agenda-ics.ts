import { createHash } from 'node:crypto';
import { createEvents, type EventAttributes, type EventStatus } from 'ics';
import type { MeetingStatus } from '@rueda/domain';
import { compareMeetings, kindLabel, statusLabel, type AgendaMeeting, type ParticipantAgenda } from './agenda';

const ICS_STATUS: Partial<Record<MeetingStatus, EventStatus>> = {
  requested: 'TENTATIVE',
  accepted: 'TENTATIVE',
  scheduled: 'CONFIRMED',
  checked_in: 'CONFIRMED',
  held: 'CONFIRMED',
  // Nobody met: the calendar should not keep it as a meeting that took place.
  no_show: 'CANCELLED',
  cancelled: 'CANCELLED',
  declined: 'CANCELLED',
  expired: 'CANCELLED',
};

export const UID_DOMAIN = 'rueda';

/**
 * The meeting id when known, so both participants' calendars and every re-export update the
 * same event; otherwise a hash of what identifies the meeting for this participant.
 */
export function meetingUid(agenda: ParticipantAgenda, m: AgendaMeeting): string {
  const id =
    m.id ?? createHash('sha1').update(`${agenda.participant.externalId}|${m.startsAt}|${m.tableNumber}`).digest('hex').slice(0, 20);
  return `${id}@${UID_DOMAIN}`;
}

const FREED = new Set<MeetingStatus>(['cancelled', 'no_show', 'declined', 'expired']);

export interface AgendaIcsOptions {
  /**
   * A subscribed feed (webcal): calendars are told to poll it every so many minutes
   * (REFRESH-INTERVAL, X-PUBLISHED-TTL), instead of importing a one-off file.
   */
  refreshMinutes?: number;
  /** DTSTAMP of every event (the clock, injected); now by default. */
  now?: Date;
}

/**
 * iCalendar (RFC 5545) file of one participant's agenda: one VEVENT per meeting, in UTC,
 * published (METHOD:PUBLISH) so calendar apps import it as read-only events. The UID is the
 * meeting's, so a feed refreshed later updates the same event (SEQUENCE tells which is newer).
 */
export function agendaIcs(agenda: ParticipantAgenda, opts: AgendaIcsOptions = {}): string {
  const venue = agenda.event.venue;
  const stamp = (opts.now ?? new Date()).getTime();
  const events: EventAttributes[] = [...agenda.meetings].sort(compareMeetings).map((m) => ({
    uid: meetingUid(agenda, m),
    ...(m.sequence !== undefined ? { sequence: m.sequence } : {}),
    ...(m.lastModified ? { lastModified: Date.parse(m.lastModified) } : {}),
    ...(m.videoUrl ? { url: m.videoUrl } : {}),
    // ics types leave DTSTAMP out; it takes it as `timestamp`.
    ...({ timestamp: stamp } as object),
    start: Date.parse(m.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(m.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `Reunión con ${m.counterpart} — Mesa ${m.tableNumber}`,
    location: [venue ? `${venue} — Mesa ${m.tableNumber}` : `Mesa ${m.tableNumber}`, m.videoUrl ? `en línea / online: ${m.videoUrl}` : '']
      .filter(Boolean)
      .join(' · '),
    description: [
      `${agenda.event.name}`,
      `Contraparte / Counterpart: ${m.counterpart} (${kindLabel(m.counterpartKind)})`,
      m.topic ? `Tema / Topic: ${m.topic}` : '',
      `Mesa / Table: ${m.tableNumber}`,
      m.videoUrl ? `Videollamada / Video call: ${m.videoUrl}` : '',
      `Estado / Status: ${statusLabel(m.status)}`,
    ]
      .filter(Boolean)
      .join('\n'),
    status: ICS_STATUS[m.status] ?? 'CONFIRMED',
    busyStatus: FREED.has(m.status) ? 'FREE' : 'BUSY',
    categories: ['Rueda de Negocios'],
  }));
  const header = { method: 'PUBLISH', productId: '-//Rueda//Agenda//ES', calName: `${agenda.event.name} — ${agenda.participant.name}` };
  // ics refuses an empty list; an empty agenda is still a valid (empty) calendar.
  if (events.length === 0) {
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${header.productId}`,
      'METHOD:PUBLISH',
      'CALSCALE:GREGORIAN',
      ...(opts.refreshMinutes
        ? [`X-PUBLISHED-TTL:PT${opts.refreshMinutes}M`, `REFRESH-INTERVAL;VALUE=DURATION:PT${opts.refreshMinutes}M`]
        : []),
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(events, header);
  if (error || !value) throw error ?? new Error('ics: empty calendar');
  return refold(opts.refreshMinutes ? asFeed(value, opts.refreshMinutes) : value);
}

/** A subscription: calendars poll it every `minutes` (RFC 7986 REFRESH-INTERVAL, and Outlook's X-PUBLISHED-TTL). */
function asFeed(ics: string, minutes: number): string {
  const ttl = `PT${minutes}M`;
  return ics.replace(/X-PUBLISHED-TTL:[^\r\n]*/, `X-PUBLISHED-TTL:${ttl}\r\nREFRESH-INTERVAL;VALUE=DURATION:${ttl}`);
}

/**
 * RFC 5545 limits lines to 75 octets; ics folds by characters, so Spanish text with accents
 * (two octets each) overflows. Unfold and fold again by octets, never inside a character.
 */
export function refold(ics: string): string {
  const out: string[] = [];
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    let current = '';
    let octets = 0;
    for (const ch of line) {
      const n = Buffer.byteLength(ch);
      if (octets + n > 75) {
        out.push(current);
        current = ' ';
        octets = 1;
      }
      current += ch;
      octets += n;
    }
    out.push(current);
  }
  return out.join('\r\n');
}
