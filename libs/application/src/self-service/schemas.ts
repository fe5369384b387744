import { z } from 'zod';
import { amountsInOrder, amountsMsg, FIELDS, withVersion } from '../records/fields';

/**
 * What a participant may change through its own link: the same field rules as the organiser
 * API and the import (the record fields, never copied), without the fields that identify or
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

const offerShape = without(FIELDS.offers, ['participantId', 'externalId']);
export const OfferCreate = z.object(offerShape).strict().refine(amountsInOrder, amountsMsg());

export const AvailabilityBody = z.object({ unavailableSlotIds: z.array(z.uuid()).max(1000) }).strict();

/** The participant's own records it keeps itself, by route name. */
export const OWN_ITEMS = ['delegates', 'demands', 'offers'] as const;
export type OwnItemKind = (typeof OWN_ITEMS)[number];

const itemShapes: Record<OwnItemKind, z.ZodRawShape> = {
  delegates: delegateFields,
  demands: without(FIELDS.demands, ['participantId', 'externalId']),
  offers: offerShape,
};

/** The participant acting on its own data: from its link, never from the body. */
const Own = { eventId: z.uuid(), participantId: z.uuid() };

/** An offer's amounts in order (the only rule across fields), on a body or a command alike. */
const acrossFields =
  (kind: OwnItemKind) =>
  <S extends z.ZodObject>(s: S) =>
    kind === 'offers' ? s.refine(amountsInOrder, amountsMsg()) : s;

/**
 * The route bodies and the commands of one kind of own record, side by side (a refined zod
 * object cannot be extended): a command is its route's body plus who acts and the record's id.
 */
export function ownItemSchemas(kind: OwnItemKind) {
  const rules = acrossFields(kind);
  const shape = itemShapes[kind];
  const update = withVersion(shape).shape;
  return {
    createBody: rules(z.object(shape).strict()),
    updateBody: withVersion(shape),
    create: rules(z.object({ ...Own, ...shape }).strict()),
    // An update's amounts are checked on the record it makes (merged with the stored one).
    update: z.object({ ...Own, id: z.uuid(), ...update }).strict(),
    remove: z.object({ ...Own, id: z.uuid() }).strict(),
  };
}

export const UpdateMyProfileCommand = ProfileUpdate.extend(Own);
export const SetMyAvailabilityCommand = AvailabilityBody.extend(Own);

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
export const RejectBody = z.object({ comment: z.string().trim().min(1).max(2000) }).strict();

export const SubmitRegistrationCommand = RegistrationBody.extend({ eventId: z.uuid() });
const OneRegistration = { eventId: z.uuid(), registrationId: z.uuid() };
export const ApproveRegistrationCommand = z.object(OneRegistration).strict();
export const RejectRegistrationCommand = RejectBody.extend(OneRegistration);
