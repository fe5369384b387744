import type { MeetingStatus } from '@rueda/domain';

export interface Cell {
  slotId: string;
  tableId: string;
}

/** A meeting as it is now on the day (live) or as a draft would place it. */
export interface DayMeeting {
  id: string;
  a: string;
  b: string;
  status: MeetingStatus;
  slotId: string | null;
  tableId: string | null;
}

/** A live change a draft would undo: the meeting's cell now, and where the draft puts it (null: out of the agenda). */
export interface UndoneChange {
  meetingId: string;
  live: Cell;
  draft: Cell | null;
}

/** A draft placement given up on rebase: the live meeting that holds its cell or one of its parties in that slot. */
export interface RebaseConflict {
  meetingId: string;
  draft: Cell;
  heldBy: string;
}

export interface DraftCheck {
  /** Live changes after the draft that publishing it as it is would undo. */
  undone: UndoneChange[];
  /** On rebase: meetings that keep their live cell, and draft placements given up. */
  keep: string[];
  conflicts: RebaseConflict[];
}

const sameCell = (x: Cell | null, y: Cell | null) =>
  x === null ? y === null : y !== null && x.slotId === y.slotId && x.tableId === y.tableId;
const cellOf = (m: DayMeeting): Cell | null => (m.slotId && m.tableId ? { slotId: m.slotId, tableId: m.tableId } : null);

/**
 * What publishing a draft would do to the day. Publishing puts every scheduled meeting where
 * the draft says (or back to accepted); meetings checked in, held, missed or cancelled stay as
 * they are. So a live change is undone when a meeting it touched is scheduled now (a walk-in,
 * a move, a replacement placed) and the draft puts it elsewhere or nowhere.
 *
 * A rebase keeps those meetings in their live cell and gives up each draft placement that would
 * now share a cell, or a party in the same slot, with a meeting that holds its place on the day
 * (kept, checked in or held): those meetings stay out of the agenda and are listed.
 *
 * `touched`: meetings live changes touched after the draft, as they are now; `holding`: meetings
 * checked in or held now; `draft`: the draft's placements with the meetings they place.
 */
export function checkDraft(
  touched: readonly DayMeeting[],
  holding: readonly DayMeeting[],
  draft: readonly (DayMeeting & Cell)[],
): DraftCheck {
  const placed = new Map(draft.map((d) => [d.id, { slotId: d.slotId, tableId: d.tableId }]));
  const undone: UndoneChange[] = [];
  for (const m of touched) {
    const live = cellOf(m);
    if (m.status !== 'scheduled' || !live) continue;
    const to = placed.get(m.id) ?? null;
    if (!sameCell(live, to)) undone.push({ meetingId: m.id, live, draft: to });
  }
  const keep = undone.map((u) => u.meetingId);
  const kept = new Set(keep);
  const holders = [...touched.filter((m) => kept.has(m.id)), ...holding.filter((m) => !kept.has(m.id))];
  const bySlot = new Map<string, DayMeeting[]>();
  for (const h of holders) if (h.slotId) bySlot.set(h.slotId, [...(bySlot.get(h.slotId) ?? []), h]);
  const conflicts: RebaseConflict[] = [];
  for (const d of draft) {
    // Publishing only places meetings that are accepted or scheduled; the rest keep their state.
    if (kept.has(d.id) || (d.status !== 'accepted' && d.status !== 'scheduled')) continue;
    const h = (bySlot.get(d.slotId) ?? []).find(
      (x) => x.id !== d.id && (x.tableId === d.tableId || x.a === d.a || x.a === d.b || x.b === d.a || x.b === d.b),
    );
    if (h) conflicts.push({ meetingId: d.id, draft: { slotId: d.slotId, tableId: d.tableId }, heldBy: h.id });
  }
  return { undone, keep, conflicts };
}
