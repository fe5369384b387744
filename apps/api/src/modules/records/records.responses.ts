import { z } from 'zod';
import { day, id, int, timestamp } from '../../platform/response-types';

const versioned = { id, eventId: id, version: int };
const stamped = { createdAt: timestamp, updatedAt: timestamp };
const text = z.string().nullable();

export const TableOut = z
  .object({ ...versioned, number: int, label: z.string(), reservedForParticipantId: id.nullable() })
  .meta({ id: 'Table' });

export const ParticipantOut = z
  .object({
    ...versioned,
    ...stamped,
    externalId: z.string(),
    kind: z.enum(['gadm', 'cooperant']),
    name: z.string(),
    inecCode: text,
    canton: text,
    province: text,
    provinceCode: text,
    region: text,
    acronym: text,
    tipo: text,
    origin: text,
    email: text,
    phone: text,
    parallel: int.nullable(),
    maxMeetings: int.nullable(),
    leftAt: timestamp.nullable(),
    remote: z.boolean(),
    videoUrl: text,
    calendarTokenIssuedAt: timestamp.nullable(),
  })
  .meta({ id: 'Participant' });

export const DelegateOut = z
  .object({
    ...versioned,
    participantId: id,
    externalId: z.string(),
    fullName: z.string(),
    role: text,
    email: text,
    phone: text,
    checkedInAt: timestamp.nullable(),
  })
  .meta({ id: 'Delegate' });

/** What demands and offers share: the owner, the ids, the text and the codes they are matched on. */
const matchedOn = {
  ...versioned,
  ...stamped,
  participantId: id,
  externalId: z.string(),
  title: z.string(),
  description: z.string(),
  sectors: z.array(z.string()),
  ods: z.array(int),
  modalidades: z.array(z.string()),
};

export const DemandOut = z
  .object({ ...matchedOn, competencias: z.array(z.string()), amountUsd: z.number().nullable(), deadline: day.nullable() })
  .meta({ id: 'Demand' });

export const OfferOut = z
  .object({
    ...matchedOn,
    regions: z.array(z.string()),
    provinces: z.array(z.string()),
    minAmountUsd: z.number().nullable(),
    maxAmountUsd: z.number().nullable(),
    validUntil: day.nullable(),
  })
  .meta({ id: 'Offer' });
