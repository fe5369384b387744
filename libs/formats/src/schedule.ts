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
  seconds: z.number().min(0),
});

// Readers must tolerate extra proof fields (holesLowerBound, gap...) added by newer solvers.
export const scheduleBoundsSchema = z.looseObject({
  weightUpperBound: z.number(),
  holesLowerBound: z.number().int().min(0).optional(),
  weightRatio: z.number().optional(),
  gap: z.number().optional(),
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

export const scheduleSchema = z.looseObject({
  format: z.literal(SCHEDULE_FORMAT),
  assignments: z.array(scheduleAssignmentSchema),
  unscheduled: z.array(scheduleUnscheduledSchema),
  stats: scheduleStatsSchema,
  bounds: scheduleBoundsSchema,
  fairness: gadmFairnessSchema.optional(),
});

export type ScheduleAssignment = z.infer<typeof scheduleAssignmentSchema>;
export type ScheduleUnscheduled = z.infer<typeof scheduleUnscheduledSchema>;
export type ScheduleStats = z.infer<typeof scheduleStatsSchema>;
export type ScheduleBounds = z.infer<typeof scheduleBoundsSchema>;
export type GadmFairness = z.infer<typeof gadmFairnessSchema>;
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
