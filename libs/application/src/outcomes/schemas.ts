import { z } from 'zod';
import { bi, TEXT_LIMITS } from '@rueda/domain';
import { COMMITMENT_STAGES, NEXT_STEP_CODES } from '@rueda/reporting';

// Messages Spanish first: the participant fills the form in Spanish.
export const dayField = (es: string, en: string) => z.iso.date({ error: bi(`${es}: fecha AAAA-MM-DD`, `${en}: date YYYY-MM-DD`) });
const amount = z
  .number({ error: bi('Monto en USD: un número', 'Amount in USD: a number') })
  .min(0, { error: bi('El monto no puede ser negativo', 'The amount cannot be negative') })
  .max(1e13, { error: bi('Monto demasiado grande', 'Amount too large') });
const nextStep = z.enum(NEXT_STEP_CODES, {
  error: bi(`Próximo paso desconocido: use ${NEXT_STEP_CODES.join(', ')}`, `Unknown next step: use ${NEXT_STEP_CODES.join(', ')}`),
});

const Contact = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: bi('Nombre requerido', 'Name required') })
      .max(200),
    role: z.string().trim().max(200).optional(),
    email: z
      .email({ error: bi('Correo inválido', 'Invalid email') })
      .max(200)
      .optional(),
    phone: z.string().trim().max(60).optional(),
  })
  .strict();

/** One side's outcome of a meeting; PUT replaces it whole (absent optional fields are cleared). */
const OutcomeFields = z
  .object({
    interest: z
      .number({ error: bi('Interés: un entero de 1 a 5', 'Interest: an integer from 1 to 5') })
      .int({ error: bi('Interés: un entero de 1 a 5', 'Interest: an integer from 1 to 5') })
      .min(1, { error: bi('Interés: de 1 a 5', 'Interest: from 1 to 5') })
      .max(5, { error: bi('Interés: de 1 a 5', 'Interest: from 1 to 5') }),
    nextSteps: z.array(nextStep).max(NEXT_STEP_CODES.length).default([]),
    amountUsd: amount.nullish(),
    contacts: z.array(Contact).max(20).default([]),
    notes: z.string().max(TEXT_LIMITS.meeting_outcomes.notes).default(''),
    nextContactDate: dayField('Próximo contacto', 'Next contact').nullish(),
    targetDate: dayField('Fecha objetivo', 'Target date').nullish(),
    /** The version read; a stale one is refused with 409 instead of overwriting the other person's edit. */
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** Dates in order and each next step once (zod cannot extend a refined object, so the fields and the check are apart). */
const outcomeChecks = (b: z.output<typeof OutcomeFields>, ctx: z.RefinementCtx) => {
  if (b.nextContactDate && b.targetDate && b.targetDate < b.nextContactDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetDate'],
      message: bi('La fecha objetivo no puede ser anterior al próximo contacto', 'The target date cannot be before the next contact'),
    });
  }
  if (new Set(b.nextSteps).size !== b.nextSteps.length) {
    ctx.addIssue({ code: 'custom', path: ['nextSteps'], message: bi('Próximo paso repetido', 'Repeated next step') });
  }
};

export const OutcomeBody = OutcomeFields.superRefine(outcomeChecks);
export type OutcomeInput = z.infer<typeof OutcomeBody>;

export const commitmentStage = z.enum(COMMITMENT_STAGES, {
  error: bi(`Etapa desconocida: use ${COMMITMENT_STAGES.join(', ')}`, `Unknown stage: use ${COMMITMENT_STAGES.join(', ')}`),
});
const version = z
  .number({ error: bi('Versión leída requerida', 'The version read is required') })
  .int()
  .min(1);

export const CreateCommitmentBody = z
  .object({
    meetingId: z.uuid(),
    title: z
      .string()
      .trim()
      .min(1, { error: bi('Título requerido', 'Title required') })
      .max(TEXT_LIMITS.commitments.title),
    description: z.string().max(TEXT_LIMITS.commitments.description).default(''),
    nextStep: nextStep.nullish(),
    /** Where the commitment starts; dropped is not a start. */
    stage: commitmentStage.exclude(['dropped']).default('identified'),
    /** Day the stage was reached; default today in the event's time zone. */
    date: dayField('Fecha', 'Date').optional(),
    amountUsd: amount.nullish(),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type CreateCommitmentInput = z.infer<typeof CreateCommitmentBody>;

export const AdvanceCommitmentBody = z
  .object({
    stage: commitmentStage,
    date: dayField('Fecha', 'Date').optional(),
    amountUsd: amount.nullish(),
    note: z.string().max(1000).optional(),
    version,
  })
  .strict();
export type AdvanceCommitmentInput = z.infer<typeof AdvanceCommitmentBody>;

export const UpdateCommitmentBody = z
  .object({
    title: z.string().trim().min(1).max(TEXT_LIMITS.commitments.title).optional(),
    description: z.string().max(TEXT_LIMITS.commitments.description).optional(),
    nextStep: nextStep.nullish(),
    amountUsd: amount.nullish(),
    version,
  })
  .strict();
export type UpdateCommitmentInput = z.infer<typeof UpdateCommitmentBody>;

export const ReviewCommitmentBody = z
  .object({
    months: z.union([z.literal(3), z.literal(6), z.literal(12)], {
      error: bi('Revisión de 3, 6 o 12 meses', 'Review at 3, 6 or 12 months'),
    }),
    date: dayField('Fecha', 'Date').optional(),
    note: z.string().max(1000).default(''),
    version,
  })
  .strict();
export type ReviewCommitmentInput = z.infer<typeof ReviewCommitmentBody>;

// The commands: the route bodies with what the path (or the participant's link) says.
const eventId = z.uuid();
const commitmentId = z.uuid();
export const RecordOutcomeCommand = OutcomeFields.extend({ eventId, meetingId: z.uuid(), participantId: z.uuid() }).superRefine(
  outcomeChecks,
);
export const CreateCommitmentCommand = CreateCommitmentBody.extend({ eventId });
export const AdvanceCommitmentCommand = AdvanceCommitmentBody.extend({ eventId, commitmentId });
export const UpdateCommitmentCommand = UpdateCommitmentBody.extend({ eventId, commitmentId });
export const ReviewCommitmentCommand = ReviewCommitmentBody.extend({ eventId, commitmentId });
