import { z } from 'zod';
import { pageOf } from '../../platform/openapi';
import { id, int, timestamp } from '../../platform/response-types';

const overrideMode = z.enum(['pin', 'block']);

export const MatchRunOut = z
  .object({
    id,
    eventId: id,
    dataVersion: int,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number(),
    stats: z.record(z.string(), z.unknown()),
    error: z.string().nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: 'MatchRun' });

/** The newest run, and whether the data or the learning changed since (null: never run). */
export const LatestMatchRunOut = MatchRunOut.extend({ stale: z.boolean() }).nullable();

/** The finished run a list comes from (null: no run has finished yet). */
const RunRef = z.object({ id, dataVersion: int, finishedAt: timestamp.nullable() }).nullable();

export const MatchRowOut = z
  .object({
    demandId: id,
    demandExternalId: z.string(),
    demandTitle: z.string(),
    gadmId: id,
    gadmName: z.string(),
    province: z.string().nullable(),
    offerId: id,
    offerExternalId: z.string(),
    offerTitle: z.string(),
    cooperantId: id,
    cooperantName: z.string(),
    rank: int,
    score: z.number(),
    reasons: z.array(z.object({ kind: z.string(), detail: z.string(), detailEn: z.string().optional() })),
    override: overrideMode.nullable(),
  })
  .meta({ id: 'MatchRow' });

export const MatchPageOut = pageOf(MatchRowOut).extend({ run: RunRef });

export const RecommendationsOut = z.object({
  run: RunRef,
  items: z.array(
    z.object({
      counterpartId: id,
      counterpartName: z.string(),
      counterpartKind: z.enum(['gadm', 'cooperant']),
      province: z.string().nullable(),
      region: z.string().nullable(),
      rank: int,
      score: z.number(),
      promoted: z.boolean(),
      pairs: z.array(z.object({ demand: z.string(), offer: z.string(), score: z.number() })),
    }),
  ),
});

export const PairOverrideOut = z.object({ demandId: id, offerId: id, mode: overrideMode });
export const PairOverrideRowOut = PairOverrideOut.extend({ eventId: id, createdAt: timestamp }).meta({ id: 'PairOverride' });

/** How recommendations fared: requests from the top five, and acceptance by rank. */
export const RecommendationReportOut = z
  .object({
    learnFromRequests: z.boolean(),
    runs: int,
    requests: int,
    top: int,
    fromTop: int,
    shareFromTop: z.number().nullable(),
    byRank: z.array(z.object({ rank: z.string(), requests: int, decided: int, accepted: int, acceptanceRate: z.number().nullable() })),
  })
  .meta({ id: 'RecommendationReport' });
