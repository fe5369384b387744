import { z } from 'zod';
import { bi, isValidTimeZone, TEXT_LIMITS } from '@rueda/domain';
import { DEFAULT_WEIGHTS } from '@rueda/matching';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bi('hora inválida (HH:mm, 24 h)', 'invalid time (HH:mm, 24 h)'));

export const SessionBody = z
  .object({
    label: z.string().max(TEXT_LIMITS.event_sessions.label).default(''),
    day: z.iso.date(),
    startTime: hhmm,
    endTime: hhmm,
    slotMinutes: z.number().int().min(5).max(240),
    gapMinutes: z.number().int().min(0).max(120).default(0),
    breaks: z
      .array(z.object({ start: hhmm, end: hhmm, label: z.string().max(TEXT_LIMITS.event_sessions.label).optional() }))
      .max(10)
      .default([]),
  })
  .strict()
  .refine((s) => s.endTime > s.startTime, { message: bi('debe ser posterior a startTime', 'must be after startTime'), path: ['endTime'] });

export const EventSettingsBody = z
  .object({
    // Only the score components the matcher knows; an unknown key would be stored and silently ignored.
    matchWeights: z
      .object(Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, z.number().min(0).max(10).optional()])))
      .strict()
      .optional(),
    learnFromRequests: z.boolean().optional(),
    requestExpiryHours: z
      .number()
      .min(1)
      .max(24 * 60)
      .optional(),
    maxOpenRequests: z.number().int().min(1).max(500).optional(),
    mutualInterestBonus: z.number().min(0).max(10).optional(),
    recoveryMode: z.enum(['automatic', 'confirm']).optional(),
    idleMeasure: z.enum(['holes', 'breaks']).optional(),
    protectMinutes: z.number().int().min(0).max(120).optional(),
    liveMatchCandidates: z.number().int().min(0).max(50).optional(),
    /** Participants edit their own data through their link until then (ISO instant); absent: until the event starts. */
    selfServiceDeadline: z.iso.datetime({ offset: true }).nullable().optional(),
    /** Remind participants with no accepted meeting this many days before the event (0: never). */
    noMeetingReminderDays: z.number().int().min(0).max(60).optional(),
    /** Cooperants not in the catalogue may apply through the public registration form. */
    registrationOpen: z.boolean().optional(),
    /** How the event presents itself in emails. */
    branding: z
      .object({
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, '#rrggbb')
          .optional(),
        organiser: z.string().trim().max(200).optional(),
        logoUrl: z.url({ protocol: /^https$/ }).optional(),
        footer: z.string().trim().max(300).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

// No defaults here: an update must only touch what it names.
const eventFields = {
  name: z.string().trim().min(1).max(TEXT_LIMITS.events.name),
  venue: z.string().trim().max(TEXT_LIMITS.events.venue),
  description: z.string().max(TEXT_LIMITS.events.description),
  timeZone: z
    .string()
    .max(TEXT_LIMITS.events.timeZone)
    .refine(isValidTimeZone, bi('zona horaria IANA desconocida', 'unknown IANA time zone')),
  settings: EventSettingsBody,
  /** Last day personal links work (event time zone); null: 12 months after the event. */
  participantLinksExpireOn: z.iso.date().nullable(),
};

export const CreateEventBody = z
  .object({
    ...eventFields,
    venue: eventFields.venue.default(''),
    description: eventFields.description.default(''),
    timeZone: eventFields.timeZone.default('America/Guayaquil'),
    settings: EventSettingsBody.default({}),
    participantLinksExpireOn: eventFields.participantLinksExpireOn.default(null),
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
