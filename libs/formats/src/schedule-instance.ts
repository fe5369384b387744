import { z } from 'zod';
import { FormatError, FormatIssue, zodIssuesToFormatIssues } from './format-error';

export const SCHEDULE_INSTANCE_FORMAT = 'rueda.schedule-instance/1' as const;

const id = z.string().min(1, 'id vacío / empty id');

export const scheduleSlotSchema = z.object({
  id,
  start: z.string().optional(),
  end: z.string().optional(),
});

export const scheduleTableSchema = z.object({ id });

export const scheduleParticipantSchema = z.object({
  id,
  // Optional: when absent, a 4-digit id (INEC code) marks a GADM.
  kind: z.string().optional(),
  name: z.string().optional(),
  parallel: z.number().int().min(1).optional(),
  unavailable: z.array(z.string()).optional(),
  maxMeetings: z.number().int().min(0).optional(),
  fixedTable: z.string().min(1).optional(),
});

export const schedulePinSchema = z.object({ slot: z.string(), table: z.string() });

export const scheduleMeetingSchema = z.object({
  id,
  participants: z.tuple([z.string(), z.string()]),
  weight: z.number().positive().optional(),
  pinned: schedulePinSchema.optional(),
  /** The meeting's window: it may only be placed in one of these slots (morning only, day 2 only). */
  allowedSlots: z.array(z.string()).optional(),
});

/** How idle time is counted (second objective, after weight). */
export const IDLE_MEASURES = ['holes', 'breaks'] as const;
export type IdleMeasure = (typeof IDLE_MEASURES)[number];
export const idleMeasureSchema = z.enum(IDLE_MEASURES, {
  error: () => `medida de espera desconocida, se espera "holes" o "breaks" / unknown idleMeasure, expected "holes" or "breaks"`,
});

export const scheduleInstanceSchema = z.object({
  format: z.literal(SCHEDULE_INSTANCE_FORMAT),
  slots: z.array(scheduleSlotSchema),
  tables: z.array(scheduleTableSchema),
  participants: z.array(scheduleParticipantSchema),
  meetings: z.array(scheduleMeetingSchema),
  /** Default "holes". */
  idleMeasure: idleMeasureSchema.optional(),
});

export type ScheduleSlot = z.infer<typeof scheduleSlotSchema>;
export type ScheduleTable = z.infer<typeof scheduleTableSchema>;
export type ScheduleParticipant = z.infer<typeof scheduleParticipantSchema>;
export type ScheduleMeeting = z.infer<typeof scheduleMeetingSchema>;
export type ScheduleInstance = z.infer<typeof scheduleInstanceSchema>;

/**
 * Reads a `rueda.schedule-instance/1` document. Structural errors (zod) and semantic ones
 * (unknown ids, contradictory pins...) are all collected so that the organiser sees every
 * conflict at once; throws FormatError when there is any.
 */
export function parseScheduleInstance(json: unknown): ScheduleInstance {
  const format = json !== null && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  if (format !== SCHEDULE_INSTANCE_FORMAT) {
    // A file of another kind would otherwise drown the reader in irrelevant structural issues.
    throw new FormatError([
      {
        path: 'format',
        message: `formato desconocido ${JSON.stringify(format ?? null)}, se esperaba "${SCHEDULE_INSTANCE_FORMAT}" / unknown format, expected "${SCHEDULE_INSTANCE_FORMAT}"`,
      },
    ]);
  }
  const parsed = scheduleInstanceSchema.safeParse(json);
  if (!parsed.success) throw new FormatError(zodIssuesToFormatIssues(parsed.error));
  const issues = validateScheduleInstance(parsed.data);
  if (issues.length > 0) throw new FormatError(issues);
  return parsed.data;
}

function indexIds(items: { id: string }[], listName: string, issues: FormatIssue[]): Map<string, number> {
  const byId = new Map<string, number>();
  items.forEach((item, i) => {
    const first = byId.get(item.id);
    if (first !== undefined) {
      issues.push({
        path: `${listName}[${i}].id`,
        message: `id duplicado "${item.id}" (ya en ${listName}[${first}]) / duplicate id (already at ${listName}[${first}])`,
      });
    } else {
      byId.set(item.id, i);
    }
  });
  return byId;
}

/** Semantic checks of an instance that already has the right shape; returns every issue found. */
export function validateScheduleInstance(inst: ScheduleInstance): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const slotIdx = indexIds(inst.slots, 'slots', issues);
  const tableIdx = indexIds(inst.tables, 'tables', issues);
  const partIdx = indexIds(inst.participants, 'participants', issues);
  indexIds(inst.meetings, 'meetings', issues);
  // Also checked here (not only by zod) for instances built in code, e.g. from the database.
  if (inst.idleMeasure !== undefined && !(IDLE_MEASURES as readonly string[]).includes(inst.idleMeasure)) {
    issues.push({
      path: 'idleMeasure',
      message: `medida de espera desconocida "${String(inst.idleMeasure)}", se espera "holes" o "breaks" / unknown idleMeasure, expected "holes" or "breaks"`,
    });
  }

  inst.participants.forEach((p, i) => {
    (p.unavailable ?? []).forEach((s, j) => {
      if (!slotIdx.has(s)) {
        issues.push({ path: `participants[${i}].unavailable[${j}]`, message: `franja desconocida "${s}" / unknown slot` });
      }
    });
    if (p.fixedTable !== undefined && !tableIdx.has(p.fixedTable)) {
      issues.push({ path: `participants[${i}].fixedTable`, message: `mesa desconocida "${p.fixedTable}" / unknown table` });
    }
    if (p.fixedTable !== undefined && (p.parallel ?? 1) > 1) {
      issues.push({
        path: `participants[${i}].parallel`,
        message: `con mesa fija solo cabe parallel 1 / a participant with a fixedTable has parallel 1`,
      });
    }
  });

  const participantOf = (pid: string) => {
    const k = partIdx.get(pid);
    return k === undefined ? undefined : inst.participants[k];
  };

  // Pins are checked together: same table+slot, per-slot parallel and maxMeetings overflow.
  const pinByTableSlot = new Map<string, number>();
  const pinsPerParticipantSlot = new Map<string, number[]>();
  const pinsPerParticipant = new Map<string, number[]>();

  inst.meetings.forEach((m, i) => {
    const [a, b] = m.participants;
    const known: boolean[] = [];
    m.participants.forEach((pid, j) => {
      const ok = partIdx.has(pid);
      known.push(ok);
      if (!ok)
        issues.push({ path: `meetings[${i}].participants[${j}]`, message: `participante desconocido "${pid}" / unknown participant` });
    });
    if (a === b) {
      issues.push({
        path: `meetings[${i}].participants`,
        message: `reunión de "${a}" consigo mismo / meeting of a participant with itself`,
      });
    }
    checkWindow(inst, i, slotIdx, partIdx, issues);
    const pin = m.pinned;
    if (!pin) return;
    const slotKnown = slotIdx.has(pin.slot);
    const tableKnown = tableIdx.has(pin.table);
    if (!slotKnown) issues.push({ path: `meetings[${i}].pinned.slot`, message: `franja desconocida "${pin.slot}" / unknown slot` });
    if (!tableKnown) issues.push({ path: `meetings[${i}].pinned.table`, message: `mesa desconocida "${pin.table}" / unknown table` });
    if (slotKnown && tableKnown) {
      const key = `${pin.table}\u0000${pin.slot}`;
      const other = pinByTableSlot.get(key);
      if (other !== undefined) {
        issues.push({
          path: `meetings[${i}].pinned`,
          message: `mesa "${pin.table}" en franja "${pin.slot}" ya fijada para meetings[${other}] (${inst.meetings[other].id}) / table and slot already pinned for another meeting`,
        });
      } else {
        pinByTableSlot.set(key, i);
      }
    }
    m.participants.forEach((pid, j) => {
      const p = known[j] ? participantOf(pid) : undefined;
      if (!p || (j === 1 && a === b)) return;
      if (slotKnown && (p.unavailable ?? []).includes(pin.slot)) {
        issues.push({
          path: `meetings[${i}].pinned.slot`,
          message: `"${pid}" no está disponible en la franja "${pin.slot}" / participant unavailable in the pinned slot`,
        });
      }
      if (tableKnown && p.fixedTable !== undefined && p.fixedTable !== pin.table) {
        issues.push({
          path: `meetings[${i}].pinned.table`,
          message: `"${pid}" tiene mesa fija "${p.fixedTable}", no "${pin.table}" / participant has another fixed table`,
        });
      }
      if (slotKnown) {
        const k = `${pid}\u0000${pin.slot}`;
        const list = pinsPerParticipantSlot.get(k) ?? [];
        list.push(i);
        pinsPerParticipantSlot.set(k, list);
      }
      const all = pinsPerParticipant.get(pid) ?? [];
      all.push(i);
      pinsPerParticipant.set(pid, all);
    });
  });

  for (const [key, list] of pinsPerParticipantSlot) {
    const [pid, slot] = key.split('\u0000');
    const p = participantOf(pid)!;
    const parallel = p.fixedTable !== undefined ? 1 : (p.parallel ?? 1);
    if (list.length > parallel) {
      for (const i of list.slice(parallel)) {
        issues.push({
          path: `meetings[${i}].pinned.slot`,
          message: `"${pid}" tendría ${list.length} reuniones fijadas en la franja "${slot}" y admite ${parallel} / more pinned meetings in this slot than the participant's parallel`,
        });
      }
    }
  }
  for (const [pid, list] of pinsPerParticipant) {
    const p = participantOf(pid)!;
    if (p.maxMeetings !== undefined && list.length > p.maxMeetings) {
      for (const i of list.slice(p.maxMeetings)) {
        issues.push({
          path: `meetings[${i}].pinned`,
          message: `"${pid}" tiene ${list.length} reuniones fijadas y maxMeetings ${p.maxMeetings} / more pinned meetings than maxMeetings`,
        });
      }
    }
  }
  return issues;
}

/**
 * A window (allowedSlots) must name known slots and leave the meeting at least one slot where
 * both participants are available; a pin must lie inside it.
 */
function checkWindow(
  inst: ScheduleInstance,
  i: number,
  slotIdx: Map<string, number>,
  partIdx: Map<string, number>,
  issues: FormatIssue[],
): void {
  const m = inst.meetings[i];
  const window = m.allowedSlots;
  if (window === undefined) return;
  const path = `meetings[${i}].allowedSlots`;
  let unknown = false;
  window.forEach((s, j) => {
    if (!slotIdx.has(s)) {
      unknown = true;
      issues.push({ path: `${path}[${j}]`, message: `reunión "${m.id}": franja desconocida "${s}" / meeting "${m.id}": unknown slot` });
    }
  });
  if (m.pinned && slotIdx.has(m.pinned.slot) && !window.includes(m.pinned.slot)) {
    issues.push({
      path: `meetings[${i}].pinned.slot`,
      message: `reunión "${m.id}": la franja fijada "${m.pinned.slot}" está fuera de su ventana allowedSlots / meeting "${m.id}": pinned slot outside its allowedSlots window`,
    });
  }
  if (unknown) return;
  const parts = m.participants.map((pid) => partIdx.get(pid)).filter((k): k is number => k !== undefined);
  const closed = windowLeavesNoSlot(
    window,
    parts.map((k) => inst.participants[k].unavailable ?? []),
  );
  if (closed) issues.push({ path, message: `reunión "${m.id}": ${closed.es} / meeting "${m.id}": ${closed.en}` });
}

/**
 * The rule every window obeys, wherever it is set (file, API): it must leave at least one slot
 * in which both participants are available. Returns the reason when it does not.
 */
export function windowLeavesNoSlot(
  window: readonly string[],
  unavailableOfEach: readonly (readonly string[])[],
): { es: string; en: string } | null {
  const unavailable = new Set(unavailableOfEach.flat());
  if (window.some((s) => !unavailable.has(s))) return null;
  return {
    es: 'su ventana no deja ninguna franja en la que ambos participantes estén disponibles',
    en: 'its window leaves no slot where both participants are available',
  };
}
