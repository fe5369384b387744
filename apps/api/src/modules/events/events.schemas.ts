import { z } from 'zod';
import { bi, isValidTimeZone } from '@rueda/domain';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bi('hora inválida (HH:mm, 24 h)', 'invalid time (HH:mm, 24 h)'));

export const SessionBody = z
  .object({
    label: z.string().max(120).default(''),
    day: z.iso.date(),
    startTime: hhmm,
    endTime: hhmm,
    slotMinutes: z.number().int().min(5).max(240),
    gapMinutes: z.number().int().min(0).max(120).default(0),
    breaks: z
      .array(z.object({ start: hhmm, end: hhmm, label: z.string().max(120).optional() }))
      .max(10)
      .default([]),
  })
  .strict()
  .refine((s) => s.endTime > s.startTime, { message: bi('debe ser posterior a startTime', 'must be after startTime'), path: ['endTime'] });

export const EventSettingsBody = z
  .object({
    matchWeights: z.record(z.string(), z.number().min(0).max(10)).optional(),
    requestExpiryHours: z
      .number()
      .min(1)
      .max(24 * 60)
      .optional(),
    maxOpenRequests: z.number().int().min(1).max(500).optional(),
    mutualInterestBonus: z.number().min(0).max(10).optional(),
    recoveryMode: z.enum(['automatic', 'confirm']).optional(),
    protectMinutes: z.number().int().min(0).max(120).optional(),
    liveMatchCandidates: z.number().int().min(0).max(50).optional(),
  })
  .strict();

// No defaults here: an update must only touch what it names.
const eventFields = {
  name: z.string().trim().min(1).max(200),
  venue: z.string().trim().max(300),
  description: z.string().max(2000),
  timeZone: z.string().refine(isValidTimeZone, bi('zona horaria IANA desconocida', 'unknown IANA time zone')),
  settings: EventSettingsBody,
};

export const CreateEventBody = z
  .object({
    ...eventFields,
    venue: eventFields.venue.default(''),
    description: eventFields.description.default(''),
    timeZone: eventFields.timeZone.default('America/Guayaquil'),
    settings: EventSettingsBody.default({}),
    sessions: z.array(SessionBody).max(50).default([]),
    tableCount: z.number().int().min(0).max(2000).default(0),
  })
  .strict();

export const UpdateEventBody = z
  .object(eventFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const ReplaceSessionsBody = z.object({ sessions: z.array(SessionBody).max(50) }).strict();
export const UnavailabilityBody = z.object({ slotIds: z.array(z.uuid()).max(1000) }).strict();
