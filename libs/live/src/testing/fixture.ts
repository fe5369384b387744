import type { MeetingStatus } from '@rueda/domain';
import { Candidate, CandidateSource, LiveMeetingRecord, LiveParticipant, LiveState, MINUTE_MS } from '../model';

/** Wall-clock time in Ecuador (UTC−5, no DST) on the Jornada day. */
export const at = (hhmm: string, day = '2026-11-25') => new Date(`${day}T${hhmm}:00-05:00`);

/** Slot id named after its local start: "S1020" starts at 10:20. */
export const slotId = (hhmm: string) => `S${hhmm.replace(':', '')}`;

export interface EventSpec {
  now: string;
  /** First slot start, local (default 09:00). */
  from?: string;
  slots?: number;
  slotMinutes?: number;
  tables?: number;
  people: (Partial<LiveParticipant> & { id: string })[];
  meetings?: LiveMeetingRecord[];
  candidates?: Candidate[];
}

/** A small readable Jornada: slots every 20 min from 09:00, tables T1..Tn. */
export function event(spec: EventSpec): LiveState {
  const first = at(spec.from ?? '09:00').getTime();
  const len = spec.slotMinutes ?? 20;
  const slots = Array.from({ length: spec.slots ?? 9 }, (_, i) => {
    const startsAt = new Date(first + i * len * MINUTE_MS);
    const local = new Date(startsAt.getTime() - 5 * 60 * MINUTE_MS).toISOString().slice(11, 16);
    return { id: slotId(local), startsAt, endsAt: new Date(startsAt.getTime() + len * MINUTE_MS) };
  });
  return {
    now: at(spec.now),
    slots,
    tables: Array.from({ length: spec.tables ?? 10 }, (_, i) => ({ id: `T${i + 1}`, number: i + 1 })),
    participants: spec.people.map((p) => ({
      kind: p.id.startsWith('G') ? 'gadm' : 'cooperant',
      parallel: 1,
      checkedIn: true,
      unavailable: [],
      ...p,
    })),
    meetings: spec.meetings ?? [],
    candidates: spec.candidates ?? [],
    timeZone: 'America/Guayaquil',
  };
}

export function meeting(
  id: string,
  a: string,
  b: string,
  slot: string | null,
  table: string | null,
  status: MeetingStatus = 'scheduled',
  weight = 1,
): LiveMeetingRecord {
  return { id, a, b, status, slotId: slot === null ? null : slotId(slot), tableId: table, weight };
}

export const cand = (a: string, b: string, source: CandidateSource, score: number, meetingId?: string): Candidate => ({
  a,
  b,
  source,
  score,
  ...(meetingId ? { meetingId } : {}),
});
