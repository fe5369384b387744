import { z } from 'zod';
import { id, int, timestamp } from '../../platform/response-types';
import { DelegateOut, DemandOut, OfferOut, ParticipantOut } from '../records/records.responses';
import { RegistrationBody } from './self-service.schemas';

const kind = z.enum(['gadm', 'cooperant']);
const reviewStatus = z.enum(['pending', 'approved', 'returned']);

/** What the participant may still edit, until when, and what the organisers said of its changes. */
export const SelfServiceOut = z
  .object({
    participant: ParticipantOut,
    delegates: z.array(DelegateOut),
    demands: z.array(DemandOut),
    offers: z.array(OfferOut),
    availability: z.object({
      unavailableSlotIds: z.array(id),
      slots: z.array(z.object({ id, code: z.string(), startsAt: timestamp, endsAt: timestamp })),
    }),
    window: z.object({ open: z.boolean(), deadline: timestamp.nullable(), timeZone: z.string() }),
    review: z.partialRecord(reviewStatus, z.object({ count: int, at: timestamp.nullable(), comment: z.string().nullable() })),
  })
  .meta({ id: 'SelfService' });

export const AvailabilityOut = z.object({ unavailableSlotIds: z.array(id) });

/** A delegate, a demand or an offer, as the collection in the path says. */
export const SelfServiceItemOut = z.union([DelegateOut, DemandOut, OfferOut]);

/** One change a participant made through its link, with the values before and after. */
export const ParticipantChangeOut = z
  .object({
    id,
    participantId: id,
    participantName: z.string(),
    participantExternalId: z.string(),
    participantKind: kind,
    entity: z.enum(['participant', 'delegate', 'demand', 'offer', 'availability']),
    entityId: id.nullable(),
    action: z.enum(['create', 'update', 'delete']),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    actor: z.enum(['participant', 'organiser']),
    createdAt: timestamp,
    reviewStatus,
    reviewedAt: timestamp.nullable(),
    reviewComment: z.string().nullable(),
    reviewedBy: z.string().nullable(),
  })
  .meta({ id: 'ParticipantChange' });

export const ReviewQueueOut = z.object({
  status: reviewStatus,
  participants: z.array(
    z.object({ participantId: id, name: z.string(), externalId: z.string(), kind, changes: z.array(ParticipantChangeOut) }),
  ),
});

export const ReviewDecisionOut = z.object({ status: z.enum(['approved', 'returned']), changes: int });

const registrationStatus = z.enum(['pending', 'approved', 'rejected']);

export const RegistrationOut = z
  .object({
    id,
    eventId: id,
    status: registrationStatus,
    email: z.string(),
    /** The form as the cooperant sent it. */
    data: RegistrationBody,
    participantId: id.nullable(),
    createdAt: timestamp,
    reviewedBy: id.nullable(),
    reviewedAt: timestamp.nullable(),
    reviewComment: z.string().nullable(),
  })
  .meta({ id: 'Registration' });

export const RegistrationStateOut = z.object({ id, status: registrationStatus });

export const RegistrationFormOut = z.object({
  event: z.object({ id, name: z.string(), venue: z.string(), timeZone: z.string() }),
  open: z.boolean(),
});
