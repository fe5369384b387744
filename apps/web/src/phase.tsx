import { useI18n } from './i18n';
import { Notice } from './ui';

export type EventPhase = 'unscheduled' | 'before' | 'during' | 'after';

export interface DayBounds {
  /** Start of the first slot and end of the last, ISO instants (null without slots). */
  startsAt: string | null;
  endsAt: string | null;
}

/** The span of the day from its slots (delays included: slots carry their current times). */
export function dayBounds(slots: { startsAt: string; endsAt: string }[]): DayBounds {
  let startsAt: string | null = null;
  let endsAt: string | null = null;
  for (const s of slots) {
    if (!startsAt || Date.parse(s.startsAt) < Date.parse(startsAt)) startsAt = s.startsAt;
    if (!endsAt || Date.parse(s.endsAt) > Date.parse(endsAt)) endsAt = s.endsAt;
  }
  return { startsAt, endsAt };
}

export function eventPhase(b: DayBounds, now: number): EventPhase {
  if (!b.startsAt || !b.endsAt) return 'unscheduled';
  if (now < Date.parse(b.startsAt)) return 'before';
  if (now >= Date.parse(b.endsAt)) return 'after';
  return 'during';
}

/**
 * Says plainly when the Jornada has not started or is over (every live page shows it), with
 * the date as dd/mm/aaaa and the time in the event's time zone.
 */
export function PhaseNotice({
  bounds,
  now,
  timeZone,
  className,
}: {
  bounds: DayBounds;
  now: number;
  timeZone: string;
  className?: string;
}) {
  const { t, lang, time } = useI18n();
  const phase = eventPhase(bounds, now);
  if (phase !== 'before' && phase !== 'after') return null;
  const at = phase === 'before' ? bounds.startsAt! : bounds.endsAt!;
  const date = new Intl.DateTimeFormat(lang === 'es' ? 'es-EC' : 'en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(at));
  return (
    <div className={`phase-notice phase-${phase} ${className ?? ''}`} data-phase={phase}>
      <Notice kind={phase === 'after' ? 'info' : 'warn'}>
        {t(phase === 'before' ? 'phase.before' : 'phase.after', { date, time: time(at, timeZone), tz: timeZone })}
      </Notice>
    </div>
  );
}
