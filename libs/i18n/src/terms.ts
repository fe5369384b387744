import type { Bilingual } from './locale';

/**
 * The words for a meeting's status, once for the console, the agendas (web, PDF, iCalendar),
 * the reports and the exports. `count` is the ICU label next to a number: "746 agendadas".
 */
export interface StatusTerm extends Bilingual {
  count: Bilingual;
}

const term = (es: string, en: string, esMany: string, enMany: string): StatusTerm => ({
  es,
  en,
  count: { es: `{n, plural, one {${es}} other {${esMany}}}`, en: `{n, plural, one {${en}} other {${enMany}}}` },
});

export const MEETING_STATUS_TERMS = {
  requested: term('Solicitada', 'Requested', 'Solicitadas', 'Requested'),
  accepted: term('Aceptada', 'Accepted', 'Aceptadas', 'Accepted'),
  declined: term('Rechazada', 'Declined', 'Rechazadas', 'Declined'),
  expired: term('Vencida', 'Expired', 'Vencidas', 'Expired'),
  scheduled: term('Agendada', 'Scheduled', 'Agendadas', 'Scheduled'),
  checked_in: term('Presentes', 'Checked in', 'Presentes', 'Checked in'),
  held: term('Realizada', 'Held', 'Realizadas', 'Held'),
  no_show: term('No asistió', 'No-show', 'No asistieron', 'No-shows'),
  cancelled: term('Cancelada', 'Cancelled', 'Canceladas', 'Cancelled'),
} as const satisfies Record<string, StatusTerm>;

export type MeetingStatusTerm = keyof typeof MEETING_STATUS_TERMS;
