import { formatLocal, type SessionSpec } from '@rueda/domain';

/** The demo's Jornada takes place where the real one does. */
export const DEMO_TIME_ZONE = 'America/Guayaquil';

export interface DemoDay {
  /** YYYY-MM-DD: today in the event's time zone. */
  day: string;
  timeZone: string;
  sessions: (SessionSpec & { label: string })[];
}

const SLOT = 20;
/** How much of the day is already behind: a few rounds to have held meetings and no-shows. */
const PAST_MINUTES = 80;
const FIRST_SESSION = 240;
const LUNCH = 40;
const SECOND_SESSION = 200;
/** The last minute a session may end at: sessions never cross midnight. */
const DAY_END = 23 * 60 + 59;

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/**
 * The demo Jornada happens today, around `now`: a first session that started about an hour
 * ago (so some rounds are over, one is under way and most are ahead) and, after lunch, a
 * second one. Near midnight what fits before the day ends is kept, so late at night the
 * Jornada is (honestly) mostly over. Pure: the caller passes the clock.
 */
export function demoDay(now: Date, timeZone = DEMO_TIME_ZONE): DemoDay {
  const [day, time] = formatLocal(now, timeZone).split('T');
  const [h, m] = time.split(':').map(Number);
  const local = h * 60 + m;
  const start = Math.max(0, Math.floor((local - PAST_MINUTES) / SLOT) * SLOT);
  const sessions: DemoDay['sessions'] = [];
  const add = (label: string, from: number, length: number) => {
    const to = Math.min(from + length, DAY_END);
    if (to - from >= SLOT)
      sessions.push({ label, day, startTime: hhmm(from), endTime: hhmm(to), slotMinutes: SLOT, gapMinutes: 0, breaks: [] });
  };
  add('Primera sesión / First session', start, FIRST_SESSION);
  add('Segunda sesión / Second session', start + FIRST_SESSION + LUNCH, SECOND_SESSION);
  return { day, timeZone, sessions };
}
