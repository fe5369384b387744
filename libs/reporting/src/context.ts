import type { ReportCommitment, ReportData, ReportDemand, ReportMeeting, ReportOffer, ReportOutcome, ReportParticipant } from './model';

/** Per-status tallies most reports share. "placed" is the report's "scheduled": ever given a slot. */
export interface Counts {
  requested: number;
  placed: number;
  held: number;
  noShow: number;
  cancelled: number;
  declined: number;
  expired: number;
}

export const emptyCounts = (): Counts => ({ requested: 0, placed: 0, held: 0, noShow: 0, cancelled: 0, declined: 0, expired: 0 });

/**
 * Ever placed on the schedule. A cancelled meeting only counts when it still carries its
 * slot: cancelling before scheduling is a withdrawn request, not a lost meeting.
 */
export function isPlaced(m: ReportMeeting): boolean {
  switch (m.status) {
    case 'scheduled':
    case 'checked_in':
    case 'held':
    case 'no_show':
      return true;
    case 'cancelled':
      return m.slotId != null || m.startsAt != null;
    default:
      return false;
  }
}

export function addTo(c: Counts, m: ReportMeeting, placed: boolean): void {
  c.requested++;
  if (placed) c.placed++;
  switch (m.status) {
    case 'held':
      c.held++;
      break;
    case 'no_show':
      c.noShow++;
      break;
    case 'cancelled':
      c.cancelled++;
      break;
    case 'declined':
      c.declined++;
      break;
    case 'expired':
      c.expired++;
      break;
    default:
      break;
  }
}

/** Percentage 0..100 with one decimal; 0 when there is nothing to divide by. */
export const pct = (n: number, d: number): number => (d > 0 ? Math.round((1000 * n) / d) / 10 : 0);
export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export interface ReportContext {
  data: ReportData;
  participants: Map<string, ReportParticipant>;
  demands: Map<string, ReportDemand>;
  offers: Map<string, ReportOffer>;
  /** isPlaced per meeting, by index in data.meetings. */
  placed: boolean[];
  outcomesByMeeting: Map<string, ReportOutcome[]>;
  commitmentsByMeeting: Map<string, ReportCommitment[]>;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

const cache = new WeakMap<ReportData, ReportContext>();

/**
 * Lookups built once per data object: the API renders several reports of the same
 * event in one request, and each would otherwise rebuild the same maps.
 * Callers must not mutate `data` after the first report (it is a snapshot).
 */
export function contextOf(data: ReportData): ReportContext {
  let ctx = cache.get(data);
  if (!ctx) {
    ctx = {
      data,
      participants: new Map((data.participants ?? []).map((p) => [p.id, p])),
      demands: new Map((data.demands ?? []).map((d) => [d.id, d])),
      offers: new Map((data.offers ?? []).map((o) => [o.id, o])),
      placed: (data.meetings ?? []).map(isPlaced),
      outcomesByMeeting: groupBy(data.outcomes ?? [], (o) => o.meetingId),
      commitmentsByMeeting: groupBy(data.commitments ?? [], (c) => c.meetingId),
    };
    cache.set(data, ctx);
  }
  return ctx;
}
