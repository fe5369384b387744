import { ApiError, type Bilingual, type Schemas } from '../api';
import { unreachable } from './snapshot';

/** What table staff mark at a table. */
export type StaffStatus = 'checked_in' | 'held' | 'no_show';

/**
 * A table's mark waiting to reach the server. Every mark gets its own idempotency key when it
 * is made, so sending it twice (a reply lost on the way back, two tabs) changes nothing twice.
 */
export interface QueuedMark {
  key: string;
  eventId: string;
  meetingId: string;
  status: StaffStatus;
  /** The meeting's version the table saw: if the organiser changed it meanwhile the server refuses. */
  version?: number;
  /** A later mark of the same meeting made offline: sent with the version its predecessor left. */
  after?: string;
  /** "A – B", to name the meeting in the verdict. */
  pair: string;
  /** When it was made (ISO, the device's clock). */
  at: string;
}

/** The server's answer to one mark sent from the queue. */
export interface MarkVerdict {
  mark: QueuedMark;
  /** Applied (or already applied: `replayed`); else the server's reason in both languages. */
  ok: boolean;
  replayed?: boolean;
  reason?: Bilingual;
  error?: ApiError;
  /** The meeting as the server has it now, when it refused a stale mark (409 with `current`). */
  current?: { status: string; slotId: string | null; tableId: string | null };
  result?: SentMark;
}

/** What the server answers for an applied mark (the meeting, and the undo window of a new change). */
export type SentMark = Schemas['MeetingMark'];

/** Where each event's queue lives on the device. */
export const MARKS_PREFIX = 'rueda.marks.';
const storeKey = (eventId: string) => `${MARKS_PREFIX}${eventId}`;

/** Marks still waiting on this device, all events together (signing out would lose them). */
export function unsentMarkCount(): number {
  let n = 0;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(MARKS_PREFIX)) n += (JSON.parse(localStorage.getItem(k) ?? '[]') as unknown[]).length;
    }
  } catch {
    // Unreadable storage holds nothing we could send.
  }
  return n;
}

export function queuedMarks(eventId: string): QueuedMark[] {
  try {
    return JSON.parse(localStorage.getItem(storeKey(eventId)) ?? '[]') as QueuedMark[];
  } catch {
    return [];
  }
}

function store(eventId: string, marks: QueuedMark[]): void {
  if (marks.length) localStorage.setItem(storeKey(eventId), JSON.stringify(marks));
  else localStorage.removeItem(storeKey(eventId));
  window.dispatchEvent(new CustomEvent('rueda:marks', { detail: eventId }));
}

/** A random v4 UUID; crypto.randomUUID only exists on https, a venue's LAN may be plain http. */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Puts a mark in the table's queue (chained after a mark of the same meeting still waiting). */
export function queueMark(m: Omit<QueuedMark, 'key' | 'at' | 'after'>): QueuedMark {
  const marks = queuedMarks(m.eventId);
  const before = [...marks].reverse().find((x) => x.meetingId === m.meetingId);
  const mark: QueuedMark = {
    ...m,
    key: newKey(),
    at: new Date().toISOString(),
    ...(before ? { after: before.key, version: undefined } : {}),
  };
  store(m.eventId, [...marks, mark]);
  return mark;
}

const flushing = new Map<string, Promise<MarkVerdict[]>>();

/**
 * Sends the table's queued marks in the order they were made (marks queued meanwhile too).
 * Each applied or refused mark leaves the queue with its verdict; at the first one that cannot
 * reach the server the rest wait for the next try.
 */
export function flushMarks(
  eventId: string,
  send: (m: QueuedMark, version: number | undefined) => Promise<SentMark>,
): Promise<MarkVerdict[]> {
  // One flush at a time: a caller arriving meanwhile waits for it, then sends what is left
  // (the running flush reports its own verdicts, so nothing is reported twice).
  const running = flushing.get(eventId);
  if (running) return running.then(() => flushMarks(eventId, send));
  const run = (async () => {
    const verdicts: MarkVerdict[] = [];
    for (;;) {
      const mark = queuedMarks(eventId)[0];
      if (!mark) break;
      let result: SentMark;
      try {
        result = await send(mark, mark.version);
      } catch (e) {
        if (unreachable(e) || !(e instanceof ApiError)) break;
        // Refused: so are the later marks of the same meeting made on top of it.
        const reason = e.messages ?? { es: e.message, en: e.message };
        const dropped = new Set([mark.key]);
        for (const x of queuedMarks(eventId)) if (x.after && dropped.has(x.after)) dropped.add(x.key);
        const current = e.body?.current as MarkVerdict['current'] | undefined;
        for (const x of queuedMarks(eventId)) if (dropped.has(x.key)) verdicts.push({ mark: x, ok: false, reason, error: e, current });
        store(
          eventId,
          queuedMarks(eventId).filter((x) => !dropped.has(x.key)),
        );
        continue;
      }
      verdicts.push({ mark, ok: true, replayed: !!result.replayed, result });
      // The next mark of the same meeting now expects the version this one left (kept, in case the connection drops again).
      store(
        eventId,
        queuedMarks(eventId)
          .filter((x) => x.key !== mark.key)
          .map((x) => (x.after === mark.key ? { ...x, after: undefined, version: result.version } : x)),
      );
    }
    return verdicts;
  })().finally(() => flushing.delete(eventId));
  flushing.set(eventId, run);
  return run;
}
