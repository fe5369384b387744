/**
 * Texts of the day in every pocket and on every screen: the Jornada's phase, the installable
 * agenda and table view, push, the calendar feed, QR check-in, the big screen and the table's
 * safety net. Merged into `es` / `en` in messages.ts; English must have the same keys.
 */
export const esPocket = {
  'phase.before': 'La Jornada aún no empieza: la primera ronda es el {date} a las {time} ({tz}).',
  'phase.after': 'La Jornada terminó el {date} a las {time} ({tz}). Las reuniones ya no cambian.',
};

export const enPocket: Record<keyof typeof esPocket, string> = {
  'phase.before': 'The event has not started yet: the first round is on {date} at {time} ({tz}).',
  'phase.after': 'The event ended on {date} at {time} ({tz}). Meetings no longer change.',
};
