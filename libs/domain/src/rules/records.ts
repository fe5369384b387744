import { z } from 'zod';
import { isVideoUrl } from '../hybrid';
import { TEXT_LIMITS as L } from '../limits';
import { bi } from './validation';

/**
 * The fields of each event record (participants, delegates, demands, offers, tables), once:
 * the API validates create and update bodies with them and the web builds its record forms
 * from the same shapes, so a field added here appears in both.
 *
 * Code lists are checked against the reference taxonomy and the GADM list, which only the
 * server loads; the caller passes those checks in (`CodeChecks`). The web passes plain ones
 * (`UNCHECKED_CODES`) and lets the API name an unknown code.
 */
export interface CodeChecks {
  sectors: z.ZodType<string[]>;
  competencias: z.ZodType<string[]>;
  modalidades: z.ZodType<string[]>;
  ods: z.ZodType<number[]>;
  provinceCode: z.ZodType<string>;
  tipo: z.ZodType<string>;
}

export const REGIONS = ['Costa', 'Sierra', 'Amazonía', 'Insular'] as const;
export const regionName = z.enum(REGIONS);

/** Code lists unchecked (the browser's forms): sizes only. */
export const UNCHECKED_CODES: CodeChecks = {
  sectors: z.array(z.string()).max(19),
  competencias: z.array(z.string()).max(14),
  modalidades: z.array(z.string()).max(20),
  ods: z.array(z.number().int()).max(17),
  provinceCode: z.string().regex(/^\d{2}$/),
  tipo: z.string().max(L.participants.tipo),
};

const ext = (max: number) => z.string().trim().min(1).max(max);
const text = (max: number) => z.string().trim().max(max);
const email = (max: number) => z.email().max(max);
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();
const amount = z.number().min(0).max(1e13);
const isoDate = z.iso.date();
const videoUrl = z
  .string()
  .trim()
  .refine(isVideoUrl, {
    message: bi('Debe ser un enlace https:// de hasta 500 caracteres', 'Must be an https:// link of up to 500 characters'),
  });

/** The create shape of each record kind (updates take the same fields, partial, plus the version read). */
export function recordFields(c: CodeChecks) {
  return {
    tables: {
      number: z.number().int().min(1).max(10_000),
      label: text(L.tables.label).default(''),
      reservedForParticipantId: opt(z.uuid()),
    },
    participants: {
      externalId: ext(L.participants.externalId),
      kind: z.enum(['gadm', 'cooperant']),
      name: text(L.participants.name).min(1),
      inecCode: opt(z.string().regex(/^\d{4}$/)),
      canton: opt(text(L.participants.canton)),
      province: opt(text(L.participants.province)),
      provinceCode: opt(c.provinceCode),
      region: opt(regionName),
      acronym: opt(text(L.participants.acronym)),
      tipo: opt(c.tipo),
      origin: opt(text(L.participants.origin)),
      email: opt(email(L.participants.email)),
      phone: opt(text(L.participants.phone)),
      parallel: opt(z.number().int().min(1).max(20)),
      maxMeetings: opt(z.number().int().min(0).max(200)),
      /** Takes part from afar, by its video-call link (hybrid meetings). */
      remote: z.boolean().default(false),
      videoUrl: opt(videoUrl),
    },
    delegates: {
      participantId: z.uuid(),
      externalId: ext(L.delegates.externalId),
      fullName: text(L.delegates.fullName).min(1),
      role: opt(text(L.delegates.role)),
      email: opt(email(L.delegates.email)),
      phone: opt(text(L.delegates.phone)),
    },
    demands: {
      participantId: z.uuid(),
      externalId: ext(L.demands.externalId),
      title: text(L.demands.title).min(1),
      description: text(L.demands.description).default(''),
      sectors: c.sectors.default([]),
      competencias: c.competencias.default([]),
      ods: c.ods.default([]),
      modalidades: c.modalidades.default([]),
      amountUsd: opt(amount),
      deadline: opt(isoDate),
    },
    offers: {
      participantId: z.uuid(),
      externalId: ext(L.offers.externalId),
      title: text(L.offers.title).min(1),
      description: text(L.offers.description).default(''),
      sectors: c.sectors.default([]),
      ods: c.ods.default([]),
      modalidades: c.modalidades.default([]),
      regions: z.array(regionName).default([]),
      provinces: z.array(c.provinceCode).default([]),
      minAmountUsd: opt(amount),
      maxAmountUsd: opt(amount),
      validUntil: opt(isoDate),
    },
  };
}

export type RecordKind = keyof ReturnType<typeof recordFields>;

/** Fields set when a record is created and never changed afterwards (absent from its update). */
export const CREATE_ONLY: Record<RecordKind, readonly string[]> = {
  tables: [],
  participants: [],
  delegates: ['participantId', 'externalId'],
  demands: [],
  offers: [],
};
