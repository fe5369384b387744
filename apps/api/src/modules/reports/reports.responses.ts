import { z } from 'zod';
import { COMMITMENT_STAGES } from '@rueda/reporting';
import { id, int, timestamp } from '../../platform/response-types';
import { ParticipationOut } from '../scheduling/scheduling.responses';

/** Where each report is, as JSON, CSV and XLSX, and the whole workbook and PDF. */
export const ReportIndexOut = z.object({
  reports: z.array(z.object({ name: z.string(), json: z.string(), csv: z.string(), xlsx: z.string() })),
  workbook: z.string(),
  pdf: z.string(),
});

/** A file export running as a job: its status, progress and, once done, where to download it. */
export const ExportJobOut = z
  .object({
    jobId: id,
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    params: z.record(z.string(), z.unknown()),
    progress: z.record(z.string(), z.unknown()),
    filename: z.string(),
    size: int.nullable(),
    error: z.string().nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
    url: z.string(),
    fileUrl: z.string().nullable(),
  })
  .meta({ id: 'ExportJob' });

const ReportColumnOut = z
  .object({ key: z.string(), es: z.string(), en: z.string(), type: z.enum(['text', 'int', 'number', 'percent', 'usd']).optional() })
  .meta({ id: 'ReportColumn' });
/** The shape every report shares (CSV, XLSX and PDF render any of them): columns, and rows keyed by column. */
const TableOut = z
  .object({ columns: z.array(ReportColumnOut), rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))) })
  .meta({ id: 'ReportTable' });
/** What GET …/reports/:file adds to every report: its name, title, event and time. */
const header = <N extends z.ZodType>(name: N) =>
  TableOut.extend({ report: name, title: z.string(), event: z.object({ id, name: z.string() }), generatedAt: timestamp });

const Distribution = z
  .object({
    n: int,
    total: int,
    mean: z.number(),
    median: z.number(),
    max: z.number(),
    withAtLeastOne: int,
    shareWithAtLeastOne: z.number(),
    gini: z.number(),
  })
  .meta({ id: 'Distribution' });
const GroupFairness = z.object({ key: z.string(), label: z.string(), gadms: int, participating: int, distribution: Distribution });
const Counts = z.object({ requested: int, placed: int, held: int, noShow: int, cancelled: int, declined: int, expired: int });

/** The key figures of the event: counts by status, the rates organisers quote, GADM participation, outcomes. */
export const SummaryReportOut = header(z.literal('summary'))
  .extend({
    figures: z.object({
      requested: int,
      pending: int,
      acceptedUnscheduled: int,
      declined: int,
      expired: int,
      withdrawn: int,
      scheduled: int,
      open: int,
      held: int,
      noShow: int,
      cancelled: int,
      cancelledAfterScheduling: int,
      rates: z.object({
        acceptance: z.number(),
        scheduling: z.number(),
        held: z.number(),
        noShow: z.number(),
        cancellation: z.number(),
        decline: z.number(),
        expiry: z.number(),
      }),
      byOrigin: z.record(z.string(), int),
      participants: z.object({ gadms: int, cooperants: int, gadmsWithHeld: int, cooperantsWithHeld: int }),
      gadmParticipation: ParticipationOut,
      outcomes: z.object({ meetingsWithOutcome: int, meanInterest: z.number(), nextSteps: z.record(z.string(), int) }),
      commitments: z.object({ count: int, active: int, activeAmountUsd: z.number(), signedOrLaterAmountUsd: z.number() }),
    }),
  })
  .meta({ id: 'SummaryReport' });

/** Per-GADM figures and the fairness picture (how meetings spread over GADMs, regions, provinces, sizes). */
export const GadmReportOut = header(z.literal('gadms'))
  .extend({
    gadms: z.array(
      z.object({
        inecCode: z.string(),
        canton: z.string(),
        name: z.string(),
        participantId: id.optional(),
        province: z.string(),
        provinceCode: z.string(),
        region: z.string(),
        size: z.enum(['small', 'large']),
        participated: z.boolean(),
        counts: Counts,
        counterparts: int,
      }),
    ),
    fairness: z.object({
      metric: z.enum(['held', 'scheduled']),
      overall: Distribution,
      participatingOnly: Distribution,
      histogram: z.array(z.object({ from: int, to: int, label: z.string(), count: int })),
      byRegion: z.array(GroupFairness),
      byProvince: z.array(GroupFairness),
      bySize: z.array(GroupFairness),
    }),
    tables: z.object({ overview: TableOut, histogram: TableOut, byRegion: TableOut, byProvince: TableOut, bySize: TableOut }),
  })
  .meta({ id: 'GadmReport' });

/** Commitments per stage of the follow-up pipeline, in pipeline order. */
export const PipelineReportOut = header(z.literal('pipeline'))
  .extend({
    stages: z.array(
      z.object({ stage: z.enum(COMMITMENT_STAGES), es: z.string(), en: z.string(), count: int, amountUsd: z.number(), withAmount: int }),
    ),
    active: z.object({ count: int, amountUsd: z.number() }),
    heldWithCommitment: int,
    conversion: z.number(),
  })
  .meta({ id: 'PipelineReport' });

const ReportParticipantOut = z
  .object({
    id,
    kind: z.enum(['gadm', 'cooperant']),
    name: z.string(),
    externalId: z.string(),
    province: z.string().optional(),
    provinceCode: z.string().optional(),
    region: z.string().optional(),
    tipo: z.string().optional(),
    population: z.number().optional(),
  })
  .meta({ id: 'ReportParticipant' });
const CodeLabel = { code: z.string(), es: z.string(), en: z.string() };

/** One row per cooperant: activity, reach over the territory, interest and commitments. */
export const CooperantReportOut = header(z.literal('cooperants'))
  .extend({
    cooperants: z.array(
      z.object({
        participant: ReportParticipantOut,
        counts: Counts,
        gadmsMet: int,
        provinces: int,
        regions: int,
        ownInterest: z.number(),
        counterpartInterest: z.number(),
        commitments: int,
        amountUsd: z.number(),
      }),
    ),
  })
  .meta({ id: 'CooperantReport' });

/** Meetings by sector, SDG, municipal competence or cooperation modality of their demand (else offer). */
export const ClassificationReportOut = header(z.enum(['sectors', 'ods', 'competencias', 'modalidades']))
  .extend({
    dimension: z.enum(['sectors', 'ods', 'competencias', 'modalidades']),
    entries: z.array(z.object({ ...CodeLabel, counts: Counts, commitments: int, amountUsd: z.number() })),
    multiCoded: int,
    totalHeld: int,
  })
  .meta({ id: 'ClassificationReport' });

/** Held meetings per cooperant and sector: cells[i][j] for cooperant i and sector j. */
export const MatrixReportOut = header(z.literal('matrix'))
  .extend({ cooperants: z.array(ReportParticipantOut), sectors: z.array(z.object(CodeLabel)), cells: z.array(z.array(int)) })
  .meta({ id: 'MatrixReport' });

/** One JSON report, told apart by its name (`report`). */
export const ReportOut = z.discriminatedUnion('report', [
  SummaryReportOut,
  GadmReportOut,
  CooperantReportOut,
  ClassificationReportOut,
  PipelineReportOut,
  MatrixReportOut,
]);
