import { isUnavailable, LiveState, occupies, PAIR_BLOCKING_STATUSES, pairKey, presentAt, Reason } from './model';

export type ViolationCode =
  'unknown_ref' | 'table_twice' | 'over_parallel' | 'unavailable' | 'left' | 'fixed_table' | 'over_max' | 'duplicate_pair';

export interface Violation {
  code: ViolationCode;
  meetingIds: string[];
  reason: Reason;
}

/**
 * Rules every live state must keep (the schedule-instance rules plus leaving early and one live
 * meeting per pair). `held` meetings are history and are not checked against availability.
 */
export function checkInvariants(state: LiveState): Violation[] {
  const out: Violation[] = [];
  const people = new Map(state.participants.map((p) => [p.id, p] as const));
  const slots = new Map(state.slots.map((s) => [s.id, s] as const));
  const tables = new Set(state.tables.map((t) => t.id));
  const cell = new Map<string, string>();
  const perSlot = new Map<string, string[]>();
  const total = new Map<string, number>();
  const pairs = new Map<string, string>();
  for (const m of state.meetings) {
    if (PAIR_BLOCKING_STATUSES.includes(m.status)) {
      const k = pairKey(m.a, m.b);
      const other = pairs.get(k);
      if (other !== undefined) {
        out.push({
          code: 'duplicate_pair',
          meetingIds: [other, m.id],
          reason: { es: `${m.a} y ${m.b} tienen dos reuniones vivas`, en: `${m.a} and ${m.b} have two live meetings` },
        });
      } else pairs.set(k, m.id);
    }
    if (!occupies(m)) continue;
    const slot = slots.get(m.slotId!);
    if (!slot || !tables.has(m.tableId!) || !people.has(m.a) || !people.has(m.b)) {
      out.push({
        code: 'unknown_ref',
        meetingIds: [m.id],
        reason: { es: `la reunión ${m.id} cita algo desconocido`, en: `meeting ${m.id} refers to something unknown` },
      });
      continue;
    }
    const ck = `${m.slotId}\u0000${m.tableId}`;
    const at = cell.get(ck);
    if (at !== undefined) {
      out.push({
        code: 'table_twice',
        meetingIds: [at, m.id],
        reason: { es: `mesa ${m.tableId} dos veces en ${m.slotId}`, en: `table ${m.tableId} twice in ${m.slotId}` },
      });
    } else cell.set(ck, m.id);
    for (const id of [m.a, m.b]) {
      const p = people.get(id)!;
      const sk = `${m.slotId}\u0000${id}`;
      const list = perSlot.get(sk) ?? [];
      list.push(m.id);
      perSlot.set(sk, list);
      if (list.length > Math.max(1, p.parallel)) {
        out.push({
          code: 'over_parallel',
          meetingIds: [...list],
          reason: { es: `${id} con demasiadas reuniones en ${m.slotId}`, en: `${id} has too many meetings in ${m.slotId}` },
        });
      }
      total.set(id, (total.get(id) ?? 0) + 1);
      if (p.maxMeetings !== undefined && total.get(id) === p.maxMeetings + 1) {
        out.push({
          code: 'over_max',
          meetingIds: [m.id],
          reason: { es: `${id} supera su máximo de reuniones`, en: `${id} exceeds its maximum of meetings` },
        });
      }
      if (p.fixedTable !== undefined && p.fixedTable !== m.tableId) {
        out.push({
          code: 'fixed_table',
          meetingIds: [m.id],
          reason: { es: `${id} fuera de su mesa fija`, en: `${id} away from its fixed table` },
        });
      }
      if (m.status === 'held') continue;
      if (isUnavailable(p, m.slotId!)) {
        out.push({
          code: 'unavailable',
          meetingIds: [m.id],
          reason: { es: `${id} no disponible en ${m.slotId}`, en: `${id} unavailable in ${m.slotId}` },
        });
      }
      if (!presentAt(p, slot.startsAt)) {
        out.push({
          code: 'left',
          meetingIds: [m.id],
          reason: { es: `${id} ya se habrá retirado en ${m.slotId}`, en: `${id} will have left by ${m.slotId}` },
        });
      }
    }
  }
  return out;
}
