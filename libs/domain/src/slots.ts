import { DomainError } from './rules/errors';
import { splitMessage } from './rules/validation';
import { zonedTimeToUtc } from './time-zone';

export interface SessionSpec {
  id?: string;
  day: string; // YYYY-MM-DD
  startTime: string; // HH:mm
  endTime: string; // HH:mm
  slotMinutes: number;
  gapMinutes?: number;
  breaks?: { start: string; end: string; label?: string }[];
}

export interface GeneratedSlot {
  code: string;
  ordinal: number;
  sessionId?: string;
  startsAt: Date;
  endsAt: Date;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** Sessions that cannot make slots: an invalid input naming `sessions`, with every problem in both languages. */
export class SessionError extends DomainError {
  constructor(problems: string[]) {
    const parts = problems.map(splitMessage);
    const es = parts.map((p) => p.es).join('; ');
    const en = parts.map((p) => p.en).join('; ');
    super(
      'invalid',
      'invalid_sessions',
      { es: `Sesiones inválidas: ${es}`, en: `Invalid sessions: ${en}` },
      { fields: [{ path: 'sessions', es, en }] },
    );
  }
}

/** Checks one session; returns the problems in Spanish / English (empty when fine). */
export function sessionProblems(s: SessionSpec): string[] {
  const out: string[] = [];
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.day) || Number.isNaN(Date.parse(s.day))) out.push(`día inválido / invalid day: ${s.day}`);
  for (const [k, v] of [
    ['startTime', s.startTime],
    ['endTime', s.endTime],
  ] as const) {
    if (!time.test(v)) out.push(`${k}: hora inválida / invalid time: ${v}`);
  }
  if (out.length) return out;
  if (minutesOf(s.endTime) <= minutesOf(s.startTime)) out.push('endTime debe ser posterior a startTime / endTime must be after startTime');
  if (!(s.slotMinutes >= 5 && s.slotMinutes <= 240)) out.push('slotMinutes entre 5 y 240 / slotMinutes between 5 and 240');
  for (const b of s.breaks ?? []) {
    if (!time.test(b.start) || !time.test(b.end) || minutesOf(b.end) <= minutesOf(b.start)) {
      out.push(`pausa inválida / invalid break: ${b.start}–${b.end}`);
    }
  }
  return out;
}

/**
 * Slots of an event from its sessions: consecutive meetings of `slotMinutes`, separated by
 * `gapMinutes`, skipping breaks; a slot never straddles a break or the end of its session.
 */
export function generateSlots(sessions: SessionSpec[], timeZone: string): GeneratedSlot[] {
  const sorted = [...sessions].sort((a, b) => (a.day + a.startTime).localeCompare(b.day + b.startTime));
  const slots: GeneratedSlot[] = [];
  for (const s of sorted) {
    const problems = sessionProblems(s);
    if (problems.length) throw new SessionError(problems);
    const end = minutesOf(s.endTime);
    const breaks = (s.breaks ?? []).map((b) => [minutesOf(b.start), minutesOf(b.end)] as const).sort((a, b) => a[0] - b[0]);
    let t = minutesOf(s.startTime);
    while (t + s.slotMinutes <= end) {
      const clash = breaks.find(([bs, be]) => t < be && t + s.slotMinutes > bs);
      if (clash) {
        t = clash[1];
        continue;
      }
      const ordinal = slots.length + 1;
      slots.push({
        code: `S${String(ordinal).padStart(2, '0')}`,
        ordinal,
        sessionId: s.id,
        startsAt: zonedTimeToUtc(s.day, hhmm(t), timeZone),
        endsAt: zonedTimeToUtc(s.day, hhmm(t + s.slotMinutes), timeZone),
      });
      t += s.slotMinutes + (s.gapMinutes ?? 0);
    }
  }
  for (let i = 1; i < slots.length; i++) {
    if (slots[i].startsAt < slots[i - 1].endsAt) throw new SessionError(['las sesiones se superponen / sessions overlap']);
  }
  return slots;
}
