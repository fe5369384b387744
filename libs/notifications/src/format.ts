/**
 * Formats of everything a participant reads in a message come from the shared toolkit
 * (@rueda/i18n): es-EC numbers (1.550.000), dd/mm/aaaa, 24 h, the event's zone named as a
 * reader names it, and counted words as ICU messages (plurals by Intl.PluralRules).
 */
import { formatMessage, type Bilingual, type Lang } from '@rueda/i18n';

export { formatDate, formatDateTime, formatTime, formatTimeRange, timeZoneLabel, type Lang } from '@rueda/i18n';

/** The counted words of the messages, in both languages. */
export const COUNTS = {
  meetings: { es: '{n, plural, one {# reunión} other {# reuniones}}', en: '{n, plural, one {# meeting} other {# meetings}}' },
  updates: { es: '{n, plural, one {# novedad} other {# novedades}}', en: '{n, plural, one {# update} other {# updates}}' },
  /** "de su reunión" / "de sus 3 reuniones": the possessive agrees with the count. */
  yourMeetings: {
    es: '{n, plural, one {su reunión} other {sus # reuniones}}',
    en: '{n, plural, one {your meeting} other {your # meetings}}',
  },
  months: { es: '{n, plural, one {# mes} other {# meses}}', en: '{n, plural, one {# month} other {# months}}' },
  daysLeft: { es: '{n, plural, one {Falta # día} other {Faltan # días}}', en: '{n, plural, one {# day} other {# days}}' },
  openCommitments: {
    es: '{n, plural, one {# compromiso abierto} other {# compromisos abiertos}}',
    en: '{n, plural, one {# open commitment} other {# open commitments}}',
  },
} satisfies Record<string, Bilingual>;

/** "1 reunión", "3 reuniones", "1.550 reuniones". */
export function count(what: keyof typeof COUNTS, n: number, lang: Lang): string {
  return formatMessage(COUNTS[what][lang], { n }, lang);
}
