import { allPages, call, client } from './api';
import { liveAssignments, type LiveData } from './live-apply';
import type { Delegate } from './types';

export { liveAssignments, type LiveData };

/** Everything the live pages (control room, table, board) draw: the agenda as it is now and the meetings' current statuses. */
export async function loadLiveData(eventId: string, opts: { delegates?: boolean } = {}): Promise<LiveData> {
  const path = { eventId };
  const query = (page: number) => ({ page, pageSize: 500 });
  const [event, versions, slots, tables, meetings, participants, delegates] = await Promise.all([
    call(client.GET('/events/{eventId}', { params: { path } })),
    call(client.GET('/events/{eventId}/schedules', { params: { path } })),
    call(client.GET('/events/{eventId}/slots', { params: { path } })),
    allPages((page) => call(client.GET('/events/{eventId}/tables', { params: { path, query: query(page) } }))),
    allPages((page) => call(client.GET('/events/{eventId}/meetings', { params: { path, query: query(page) } }))),
    allPages((page) => call(client.GET('/events/{eventId}/participants', { params: { path, query: query(page) } }))),
    opts.delegates
      ? allPages((page) => call(client.GET('/events/{eventId}/delegates', { params: { path, query: query(page) } })))
      : Promise.resolve<Delegate[]>([]),
  ]);
  const version = versions.find((v) => v.status === 'published') ?? null;
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const assignments = version ? liveAssignments(meetings, slots, tables, (id) => names.get(id) ?? id.slice(0, 8)) : [];
  return { event, version, assignments, slots, tables, meetings: new Map(meetings.map((m) => [m.id, m])), participants, delegates };
}

/** Statuses that count as "present at the table". */
export const PRESENT = new Set(['checked_in', 'held']);
/** Statuses that no longer occupy their table. */
export const FREED_STATUSES = new Set(['no_show', 'cancelled']);
