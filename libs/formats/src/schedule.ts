import { z } from 'zod';
import { FormatError, zodIssuesToFormatIssues } from './format-error';

export const SCHEDULE_FORMAT = 'rueda.schedule/1' as const;

export const scheduleAssignmentSchema = z.object({
  meeting: z.string(),
  slot: z.string(),
  table: z.string(),
});

export const scheduleUnscheduledSchema = z.object({
  meeting: z.string(),
  reason: z.string().min(1),
});

export const scheduleStatsSchema = z.looseObject({
  scheduled: z.number().int().min(0),
  weight: z.number().min(0),
  holes: z.number().int().min(0),
  /** Always written by current solvers; optional for files written before it existed. */
  breaks: z.number().int().min(0).optional(),
  seconds: z.number().min(0),
});

// Readers must tolerate extra proof fields (holesLowerBound, gap...) added by newer solvers.
export const scheduleBoundsSchema = z.looseObject({
  weightUpperBound: z.number(),
  holesLowerBound: z.number().int().min(0).optional(),
  weightRatio: z.number().optional(),
  gap: z.number().optional(),
  /** The idle measure that was optimised ("holes" or "breaks"). */
  idleMeasure: z.enum(['holes', 'breaks']).optional(),
  /** No schedule of at least this weight has less idle time (by idleMeasure). */
  idleLowerBound: z.number().int().min(0).optional(),
  /** Idle time minus idleLowerBound: 0 means the idle time is proven minimal. */
  idleGap: z.number().int().min(0).optional(),
  /** Both gaps closed: the schedule is the proven lexicographic optimum (weight, then idle time). */
  optimal: z.boolean().optional(),
});

export const gadmFairnessSchema = z.looseObject({
  gadms: z.number().int().min(0),
  gadmsWithRequests: z.number().int().min(0),
  gadmsWithRequestsAndNoMeeting: z.number().int().min(0),
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  mean: z.number().min(0),
  minAmongRequesting: z.number().int().min(0).optional(),
  histogram: z.record(z.string(), z.number().int().min(0)),
});

/** How idle time is spread over participants (the fairness of waits). */
export const idleFairnessSchema = z.looseObject({
  measure: z.enum(['holes', 'breaks']),
  /** Largest minus smallest idle time among participants with at least one meeting. */
  spread: z.number().int().min(0),
  max: z.number().int().min(0),
  /** Participants by their idle time: {"0": 40, "1": 12, ...}. */
  histogram: z.record(z.string(), z.number().int().min(0)),
});

export const scheduleSchema = z.looseObject({
  format: z.literal(SCHEDULE_FORMAT),
  assignments: z.array(scheduleAssignmentSchema),
  unscheduled: z.array(scheduleUnscheduledSchema),
  stats: scheduleStatsSchema,
  bounds: scheduleBoundsSchema,
  fairness: gadmFairnessSchema.optional(),
  idleFairness: idleFairnessSchema.optional(),
});

export type ScheduleAssignment = z.infer<typeof scheduleAssignmentSchema>;
export type ScheduleUnscheduled = z.infer<typeof scheduleUnscheduledSchema>;
export type ScheduleStats = z.infer<typeof scheduleStatsSchema>;
export type ScheduleBounds = z.infer<typeof scheduleBoundsSchema>;
export type GadmFairness = z.infer<typeof gadmFairnessSchema>;
export type IdleFairness = z.infer<typeof idleFairnessSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;

/** Reads a `rueda.schedule/1` document (shape only; check it against its instance with validateSchedule). */
export function parseSchedule(json: unknown): Schedule {
  const format = json !== null && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  if (format !== SCHEDULE_FORMAT) {
    throw new FormatError([
      {
        path: 'format',
        message: `formato desconocido ${JSON.stringify(format ?? null)}, se esperaba "${SCHEDULE_FORMAT}" / unknown format, expected "${SCHEDULE_FORMAT}"`,
      },
    ]);
  }
  const parsed = scheduleSchema.safeParse(json);
  if (!parsed.success) throw new FormatError(zodIssuesToFormatIssues(parsed.error));
  return parsed.data;
}
