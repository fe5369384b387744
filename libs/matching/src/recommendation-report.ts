import type { RequestAnswer } from '@rueda/domain';

/**
 * How the recommendations fared at an event: of the meeting requests participants sent, how
 * many went to a counterpart the engine had listed in its top five, and how often requests at
 * each rank were accepted. Pure: the caller supplies the requests and the ranks it stored.
 */
export interface RankedPair {
  demand: string;
  offer: string;
  rank: number;
}

export interface RankedCounterpart {
  participant: string;
  counterpart: string;
  rank: number;
}

export interface RankIndex {
  pairs: Map<string, number>;
  counterparts: Map<string, number>;
}

export function rankIndex(pairs: RankedPair[], counterparts: RankedCounterpart[]): RankIndex {
  const cp = new Map<string, number>();
  for (const c of counterparts) {
    const key = `${c.participant}|${c.counterpart}`;
    cp.set(key, Math.min(cp.get(key) ?? Infinity, c.rank));
  }
  return { pairs: new Map(pairs.map((p) => [`${p.demand}|${p.offer}`, p.rank])), counterparts: cp };
}

export interface RequestRef {
  /** Requesting participant. */
  from: string;
  to: string;
  demand?: string | null;
  offer?: string | null;
}

/**
 * A request's rank: the rank of its demand–offer pair when the request names a listed pair;
 * otherwise the counterpart's rank among the requester's recommended counterparts, else among
 * the receiver's; undefined when no list has it.
 */
export function requestRank(r: RequestRef, idx: RankIndex): number | undefined {
  const pair = r.demand && r.offer ? idx.pairs.get(`${r.demand}|${r.offer}`) : undefined;
  return pair ?? idx.counterparts.get(`${r.from}|${r.to}`) ?? idx.counterparts.get(`${r.to}|${r.from}`);
}

export interface RankBucket {
  /** "1" … "5", "6-10", "none" (not among the stored recommendations, or beyond 10). */
  rank: string;
  requests: number;
  /** Accepted or declined (pending, expired and withdrawn requests are not decided). */
  decided: number;
  accepted: number;
  /** accepted / decided, null when nothing was decided. */
  acceptanceRate: number | null;
}

export interface RecommendationReport {
  requests: number;
  top: number;
  /** Requests whose pair or counterpart was in the top `top` recommendations. */
  fromTop: number;
  /** fromTop / requests, null without requests. */
  shareFromTop: number | null;
  byRank: RankBucket[];
}

const BUCKETS = ['1', '2', '3', '4', '5', '6-10', 'none'];

export function summariseRequests(items: Array<{ rank: number | undefined; answer: RequestAnswer }>, top = 5): RecommendationReport {
  const buckets = new Map(
    BUCKETS.map((r) => [r, { rank: r, requests: 0, decided: 0, accepted: 0, acceptanceRate: null as number | null }]),
  );
  let fromTop = 0;
  for (const { rank, answer } of items) {
    if (rank !== undefined && rank <= top) fromTop++;
    const b = buckets.get(rank === undefined || rank > 10 ? 'none' : rank <= 5 ? String(rank) : '6-10')!;
    b.requests++;
    if (answer === 'accepted' || answer === 'declined') b.decided++;
    if (answer === 'accepted') b.accepted++;
  }
  for (const b of buckets.values()) b.acceptanceRate = b.decided ? b.accepted / b.decided : null;
  return {
    requests: items.length,
    top,
    fromTop,
    shareFromTop: items.length ? fromTop / items.length : null,
    byRank: BUCKETS.map((r) => buckets.get(r)!),
  };
}
