import { LOCALES, type Lang } from './locale';

/**
 * Every printed time is a wall-clock time of the event's own zone, named next to it: a
 * participant reads "09:20 (hora de Ecuador, GMT−5)", never UTC and never a raw zone id.
 */

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang | 'wall', timeZone: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone ?? ''}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    const locale = lang === 'wall' ? 'en-CA' : LOCALES[lang];
    try {
      f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    } catch {
      // An unknown zone id must not take a whole page or PDF down: fall back to the runtime's zone.
      f = new Intl.DateTimeFormat(locale, opts);
    }
    cache.set(key, f);
  }
  return f;
}

export type Instant = string | number | Date;

const toDate = (x: Instant): Date => (x instanceof Date ? x : new Date(x));
const valid = (d: Date) => !Number.isNaN(d.getTime());

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

/** 09:05 (24 h) in `timeZone`; '—' for an invalid instant. */
export function formatTime(x: Instant, timeZone?: string, lang: Lang = 'es'): string {
  const d = toDate(x);
  return valid(d) ? formatter(lang, timeZone, TIME).format(d) : '—';
}

/** 25/11/2026 (dd/mm/aaaa) in `timeZone`. */
export function formatDate(x: Instant, timeZone?: string, lang: Lang = 'es'): string {
  const d = toDate(x);
  return valid(d) ? formatter(lang, timeZone, DATE).format(d) : '—';
}

/** 25/11/2026 09:05 in `timeZone`. */
export function formatDateTime(x: Instant, timeZone?: string, lang: Lang = 'es'): string {
  const d = toDate(x);
  return valid(d) ? `${formatDate(d, timeZone, lang)} ${formatTime(d, timeZone, lang)}` : '—';
}

/** "miércoles, 25 de noviembre de 2026" (capitalised: it heads a section) in `timeZone`. */
export function formatDayLong(x: Instant, timeZone?: string, lang: Lang = 'es', withYear = true): string {
  const d = toDate(x);
  if (!valid(d)) return '—';
  const s = formatter(lang, timeZone, { weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(
    d,
  );
  return s.charAt(0).toLocaleUpperCase(LOCALES[lang]) + s.slice(1);
}

/** "09:00–09:20" in `timeZone` (one time when both ends are the same minute). */
export function formatTimeRange(from: Instant, to: Instant, timeZone?: string, lang: Lang = 'es'): string {
  const a = formatTime(from, timeZone, lang);
  const b = formatTime(to, timeZone, lang);
  return a === b ? a : `${a}–${b}`;
}

/** `YYYY-MM-DDTHH:mm` wall clock in `timeZone`: sortable and groupable by day (`.slice(0, 10)`). */
export function wallClock(x: Instant, timeZone: string): string {
  const p: Record<string, string> = {};
  const parts = formatter('wall', timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(toDate(x));
  for (const part of parts) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function zonePart(lang: Lang, timeZone: string, style: 'longGeneric' | 'shortOffset', at: Date): string {
  const parts = formatter(lang, timeZone, { timeZoneName: style, year: 'numeric' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The zone as a reader names it, with its offset at `at` (default now): "hora de Ecuador
 * (GMT−5)", "Ecuador Time (GMT−5)". Zones without a name of their own ("Etc/GMT+5") show the
 * offset alone. The minus is the typographic one (U+2212).
 */
export function timeZoneLabel(timeZone: string, lang: Lang = 'es', at: Instant = Date.now()): string {
  const d = toDate(at);
  const offset = zonePart(lang, timeZone, 'shortOffset', d).replace('-', '\u2212');
  const name = zonePart(lang, timeZone, 'longGeneric', d);
  if (!name || /^(GMT|UTC)([+\-−]|$)/.test(name)) return offset || timeZone;
  return offset ? `${name} (${offset})` : name;
}
