import { get, getAll } from './api';
import type { Assignment, Delegate, EventRec, Meeting, ScheduleVersion, Slot, TableRec } from './types';

export interface LiveData {
  event: EventRec;
  version: ScheduleVersion | null;
  assignments: Assignment[];
  slots: Slot[];
  tables: TableRec[];
  meetings: Map<string, Meeting>;
  delegates: Delegate[];
}

/** Everything the live pages (control room, table, board) draw: the published agenda and the meetings' current statuses. */
export async function loadLiveData(eventId: string, opts: { meetings?: boolean; delegates?: boolean } = {}): Promise<LiveData> {
  const [event, versions, slots, tables] = await Promise.all([
    get<EventRec>(`/events/${eventId}`),
    get<ScheduleVersion[]>(`/events/${eventId}/schedules`),
    get<Slot[]>(`/events/${eventId}/slots`),
    getAll<TableRec>(`/events/${eventId}/tables`),
  ]);
  const version = versions.find((v) => v.status === 'published') ?? null;
  const [assignments, meetings, delegates] = await Promise.all([
    version ? get<Assignment[]>(`/events/${eventId}/schedules/${version.id}/assignments`) : Promise.resolve([]),
    opts.meetings === false ? Promise.resolve([]) : getAll<Meeting>(`/events/${eventId}/meetings`),
    opts.delegates ? getAll<Delegate>(`/events/${eventId}/delegates`) : Promise.resolve([]),
  ]);
  return { event, version, assignments, slots, tables, meetings: new Map(meetings.map((m) => [m.id, m])), delegates };
}

/** Statuses that count as "present at the table". */
export const PRESENT = new Set(['checked_in', 'held']);
