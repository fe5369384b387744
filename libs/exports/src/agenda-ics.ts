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
  no_show: 'CONFIRMED',
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

/**
 * iCalendar (RFC 5545) file of one participant's agenda: one VEVENT per meeting, in UTC,
 * published (METHOD:PUBLISH) so calendar apps import it as read-only events.
 */
export function agendaIcs(agenda: ParticipantAgenda): string {
  const venue = agenda.event.venue;
  const events: EventAttributes[] = [...agenda.meetings].sort(compareMeetings).map((m) => ({
    uid: meetingUid(agenda, m),
    start: Date.parse(m.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(m.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `Reunión con ${m.counterpart} — Mesa ${m.tableNumber}`,
    location: venue ? `${venue} — Mesa ${m.tableNumber}` : `Mesa ${m.tableNumber}`,
    description: [
      `${agenda.event.name}`,
      `Contraparte / Counterpart: ${m.counterpart} (${kindLabel(m.counterpartKind)})`,
      m.topic ? `Tema / Topic: ${m.topic}` : '',
      `Mesa / Table: ${m.tableNumber}`,
      `Estado / Status: ${statusLabel(m.status)}`,
    ]
      .filter(Boolean)
      .join('\n'),
    status: ICS_STATUS[m.status] ?? 'CONFIRMED',
    busyStatus: m.status === 'cancelled' ? 'FREE' : 'BUSY',
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
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(events, header);
  if (error || !value) throw error ?? new Error('ics: empty calendar');
  return refold(value);
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
