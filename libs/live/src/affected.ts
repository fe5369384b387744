import { LiveMeetingRecord, LiveState, occupies } from './model';

type Touch = (m: LiveMeetingRecord) => void;

/** Calls `touch` for every meeting that differs (status, cell or pair) or exists on one side only. */
function eachChangedMeeting(before: LiveState, after: LiveState, touch: Touch): void {
  const old = new Map(before.meetings.map((m) => [m.id, m] as const));
  const seen = new Set<string>();
  for (const m of after.meetings) {
    seen.add(m.id);
    const o = old.get(m.id);
    if (o === m) continue;
    if (!o || o.status !== m.status || o.slotId !== m.slotId || o.tableId !== m.tableId || o.a !== m.a || o.b !== m.b) {
      touch(m);
      if (o) touch(o);
    }
  }
  for (const o of before.meetings) if (!seen.has(o.id)) touch(o);
}

/** Slots whose start or end moved. */
function movedSlots(before: LiveState, after: LiveState): Set<string> {
  const old = new Map(before.slots.map((s) => [s.id, s] as const));
  const out = new Set<string>();
  for (const s of after.slots) {
    const o = old.get(s.id);
    if (!o || o.startsAt.getTime() !== s.startsAt.getTime() || o.endsAt.getTime() !== s.endsAt.getTime()) out.add(s.id);
  }
  return out;
}

/**
 * Participants whose agenda differs between two states: a meeting of theirs changed status,
 * cell or existence, or a slot they hold a meeting in moved. The server addresses the live
 * message to exactly these (LiveMessage.participants).
 */
export function affectedParticipants(before: LiveState, after: LiveState): string[] {
  const out = new Set<string>();
  eachChangedMeeting(before, after, (m) => {
    out.add(m.a);
    out.add(m.b);
  });
  const moved = movedSlots(before, after);
  if (moved.size) {
    for (const m of after.meetings) {
      if (occupies(m) && moved.has(m.slotId!)) {
        out.add(m.a);
        out.add(m.b);
      }
    }
  }
  return [...out].sort();
}

/** Tables whose occupation changed (LiveMessage.tables), including those of moved slots. */
export function affectedTables(before: LiveState, after: LiveState): string[] {
  const out = new Set<string>();
  eachChangedMeeting(before, after, (m) => {
    if (m.tableId !== null) out.add(m.tableId);
  });
  const moved = movedSlots(before, after);
  if (moved.size) {
    for (const m of after.meetings) if (occupies(m) && moved.has(m.slotId!)) out.add(m.tableId!);
  }
  return [...out].sort();
}
