import { allPages, call, client, type Schemas } from './api';
import type { Assignment, Delegate, EventRec, Meeting, Participant, Slot, TableRec } from './types';

export interface LiveData {
  event: EventRec;
  version: Schemas['ScheduleVersionSummary'] | null;
  /** The day's agenda as it is now (built from the meetings), including freed (no-show, cancelled) meetings. */
  assignments: Assignment[];
  slots: Slot[];
  tables: TableRec[];
  meetings: Map<string, Meeting>;
  participants: Participant[];
  delegates: Delegate[];
}

/** Meetings that sit in a cell of the day's grid (freed ones stay visible as alerts). */
const PLACED = new Set(['scheduled', 'checked_in', 'held', 'no_show', 'cancelled']);

/**
 * The day's agenda from the meetings themselves (their current slot and table), not from the
 * published snapshot: moves, walk-ins and replacements show up at once, and the slot times
 * follow delays.
 */
export function liveAssignments(
  meetings: Iterable<Meeting>,
  slots: Slot[],
  tables: TableRec[],
  name: (id: string) => string,
): Assignment[] {
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const tableById = new Map(tables.map((tb) => [tb.id, tb]));
  const out: Assignment[] = [];
  for (const m of meetings) {
    if (!m.slotId || !m.tableId || !PLACED.has(m.status)) continue;
    const s = slotById.get(m.slotId);
    const tb = tableById.get(m.tableId);
    if (!s || !tb) continue;
    out.push({
      meetingId: m.id,
      slotId: s.id,
      slot: s.code,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      tableId: tb.id,
      table: tb.number,
      participantAId: m.participantAId,
      participantA: name(m.participantAId),
      participantBId: m.participantBId,
      participantB: name(m.participantBId),
      weight: m.weight,
      mandatory: m.mandatory,
    });
  }
  return out.sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.table - y.table);
}

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
