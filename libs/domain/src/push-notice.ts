import type { Bilingual } from './rules/errors';

/**
 * What a participant's phone says when a change touches its agenda (Web Push): the change in a
 * few words, Spanish and English, about its own meeting only. The service worker shows the
 * side of the phone's language. Pure: the sender loads the facts and formats the times.
 */
export interface PushNotice {
  title: Bilingual;
  body: Bilingual;
  /** Notifications with the same tag replace each other (one per meeting, one for delays). */
  tag: string;
}

/** The participant's meeting as it is now, as the notice shows it. */
export interface PushMeetingFacts {
  meetingId: string;
  status: string;
  /** "10:40" in the event's time zone, or null when it has no slot any more. */
  time: string | null;
  table: number | null;
  counterpart: string;
}

const where = (m: PushMeetingFacts): Bilingual =>
  m.time && m.table !== null
    ? { es: `${m.time} · Mesa ${m.table} · con ${m.counterpart}`, en: `${m.time} · Table ${m.table} · with ${m.counterpart}` }
    : { es: `con ${m.counterpart}`, en: `with ${m.counterpart}` };

/** A meeting that changed (moved, cancelled, absent) or appeared (a replacement or walk-in). */
export function meetingNotice(kind: 'updated' | 'created', m: PushMeetingFacts): PushNotice | null {
  const w = where(m);
  const tag = `meeting-${m.meetingId}`;
  if (kind === 'created' && m.status === 'scheduled')
    return { tag, title: { es: 'Nueva reunión en su agenda', en: 'New meeting on your agenda' }, body: w };
  if (kind !== 'updated') return null;
  if (m.status === 'cancelled' || m.status === 'no_show')
    return {
      tag,
      title: { es: 'Reunión cancelada', en: 'Meeting cancelled' },
      body: {
        es: `${w.es}. ${m.status === 'no_show' ? 'Se registró una ausencia. ' : ''}Revise su agenda.`,
        en: `${w.en}. ${m.status === 'no_show' ? 'A no-show was recorded. ' : ''}Check your agenda.`,
      },
    };
  if (m.status === 'scheduled') return { tag, title: { es: 'Su reunión cambió', en: 'Your meeting changed' }, body: w };
  // Checked in or held: the participant is at the table, nothing to tell.
  return null;
}

/** The day's slots moved later: when the participant's next meeting now starts. */
export function delayNotice(next: PushMeetingFacts | null): PushNotice {
  return {
    tag: 'delay',
    title: { es: 'Retraso en la agenda', en: 'The agenda is running late' },
    body: next
      ? { es: `Su próxima reunión: ${where(next).es}.`, en: `Your next meeting: ${where(next).en}.` }
      : { es: 'Revise su agenda.', en: 'Check your agenda.' },
  };
}

/** Its next meeting starts in a few minutes. */
export function reminderNotice(m: PushMeetingFacts, minutes: number): PushNotice {
  return {
    tag: `meeting-${m.meetingId}`,
    title: { es: `Su reunión empieza en ${minutes} min`, en: `Your meeting starts in ${minutes} min` },
    body: where(m),
  };
}

/**
 * Push endpoints a participant may register: the browsers' own push services over https. Any
 * other URL would make the server post to wherever a caller chose; `extra` origins (exact,
 * e.g. a test receiver on loopback) are allowed only when the installation says so.
 */
const PUSH_SERVICES = [
  /(^|\.)googleapis\.com$/,
  /(^|\.)push\.services\.mozilla\.com$/,
  /(^|\.)push\.apple\.com$/,
  /(^|\.)notify\.windows\.com$/,
];

export function isPushEndpoint(endpoint: string, extra: readonly string[] = []): boolean {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    return false;
  }
  if (extra.includes(u.origin)) return true;
  return u.protocol === 'https:' && !u.username && !u.password && !u.port && PUSH_SERVICES.some((re) => re.test(u.hostname));
}
