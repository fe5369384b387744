import type { MeetingStatus } from './meetings';
import type { Bilingual } from './rules/errors';

/** Statuses a meeting on the day's grid can have; organisers may correct one into another. */
export const PLACED_STATUSES: readonly MeetingStatus[] = ['scheduled', 'checked_in', 'held', 'no_show', 'cancelled'];
/** Statuses that occupy their table and slot (the database's unique cell rule covers these). */
export const OCCUPYING_STATUSES: readonly MeetingStatus[] = ['scheduled', 'checked_in', 'held'];

/** How long a mark made at a table can be taken back by the table itself. */
export const UNDO_WINDOW_MS = 60_000;

/** An organiser's correction: any placed status to another, with a reason. */
export function correctionProblem(from: MeetingStatus, to: MeetingStatus, reason: string): Bilingual | null {
  if (!PLACED_STATUSES.includes(from))
    return { es: `Solo se corrigen reuniones del día (está «${from}»)`, en: `Only meetings of the day can be corrected (it is "${from}")` };
  if (!PLACED_STATUSES.includes(to)) return { es: `Estado no válido para corregir: «${to}»`, en: `Not a status to correct to: "${to}"` };
  if (from === to) return { es: `La reunión ya está «${to}»`, en: `The meeting is already "${to}"` };
  if (reason.trim().length < 3) return { es: 'Indique el motivo de la corrección', en: 'Give the reason for the correction' };
  return null;
}

export interface StatusChangeRecord {
  id: string;
  kind: 'mark' | 'undo' | 'correction';
  before: MeetingStatus;
  after: MeetingStatus;
  at: Date;
}

/**
 * Whether the table's last mark can still be taken back: it must be the meeting's latest
 * change, a mark (not an undo or an organiser's correction), still the meeting's status, and
 * within the window.
 */
export function undoProblem(latest: StatusChangeRecord | undefined, changeId: string, current: MeetingStatus, now: Date): Bilingual | null {
  if (!latest || latest.id !== changeId)
    return {
      es: 'La reunión cambió después de esa marca: ya no se puede deshacer',
      en: 'The meeting changed after that mark: it can no longer be undone',
    };
  if (latest.kind !== 'mark')
    return { es: 'Solo se deshace una marca hecha en la mesa', en: 'Only a mark made at the table can be undone' };
  if (latest.after !== current)
    return {
      es: 'La reunión cambió después de esa marca: ya no se puede deshacer',
      en: 'The meeting changed after that mark: it can no longer be undone',
    };
  if (now.getTime() - latest.at.getTime() > UNDO_WINDOW_MS)
    return {
      es: `Pasó el minuto para deshacer; pida a la sala de control que lo corrija`,
      en: `The minute to undo has passed; ask the control room to correct it`,
    };
  return null;
}
