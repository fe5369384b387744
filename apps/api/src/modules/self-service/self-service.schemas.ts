import { z } from 'zod';
import { amountsInOrder, amountsMsg, FIELDS, withVersion } from '../records/resources';

/**
 * What a participant may change through its own link: the same field rules as the organiser
 * API and the import (imported from there, never copied), without the fields that identify or
 * place it (ids, kind, INEC code, province).
 */
const without = <T extends z.ZodRawShape, K extends keyof T>(shape: T, keys: K[]) =>
  Object.fromEntries(Object.entries(shape).filter(([k]) => !keys.includes(k as K))) as Omit<T, K>;

const participantFields = FIELDS.participants;
const delegateFields = without(FIELDS.delegates, ['participantId', 'externalId']);

const profileShape = {
  name: participantFields.name,
  acronym: participantFields.acronym,
  tipo: participantFields.tipo,
  origin: participantFields.origin,
  email: participantFields.email,
  phone: participantFields.phone,
  parallel: participantFields.parallel,
  maxMeetings: participantFields.maxMeetings,
};
export const ProfileUpdate = withVersion(profileShape);

export const DelegateCreate = z.object(delegateFields).strict();
export const DelegateUpdate = withVersion(delegateFields);

const demandShape = without(FIELDS.demands, ['participantId', 'externalId']);
export const DemandCreate = z.object(demandShape).strict();
export const DemandUpdate = withVersion(demandShape);

const offerShape = without(FIELDS.offers, ['participantId', 'externalId']);
export const OfferCreate = z.object(offerShape).strict().refine(amountsInOrder, amountsMsg());
export const OfferUpdate = withVersion(offerShape);

export const AvailabilityBody = z.object({ unavailableSlotIds: z.array(z.uuid()).max(1000) }).strict();

/** The public registration form of a cooperant not in the catalogue. */
export const RegistrationBody = z
  .object({
    name: participantFields.name,
    acronym: participantFields.acronym,
    tipo: participantFields.tipo,
    origin: participantFields.origin,
    email: z.email(),
    phone: participantFields.phone,
    contact: z.object({ fullName: delegateFields.fullName, role: delegateFields.role }).strict(),
    offers: z.array(OfferCreate).min(1).max(20),
  })
  .strict();
export type RegistrationBody = z.infer<typeof RegistrationBody>;

export const ReviewBody = z
  .object({
    /** Only these changes (default: all pending of the participant). */
    changeIds: z.array(z.uuid()).max(1000).optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export const ReturnBody = ReviewBody.extend({ comment: z.string().trim().min(1).max(2000) });
export const RejectBody = z.object({ comment: z.string().trim().min(1).max(2000) }).strict();
