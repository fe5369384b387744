import type { EntityManager } from 'typeorm';
import type {
  MatchCounterpartRow,
  MatchingRepository,
  MatchResultRow,
  MatchRunRecord,
  MatchRunStatus,
  PairOverrideMode,
} from '@rueda/application';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { matchingRunJobId } from '@rueda/queues';
import { DemandEntity, MatchCounterpartEntity, MatchResultEntity, MatchRunEntity, OfferEntity, PairOverrideEntity } from '../../entities';
import { inTurn } from '../../in-turn';

/**
 * What a run of the event reflects besides the data: "off" when the event does not learn from
 * answered requests, else how many requests were answered and when the last was ("on:3:2026-…").
 * One definition for starting a run and for telling whether the latest one is stale.
 */
export async function matchFeedbackKey(m: EntityManager, eventId: string, learnFromRequests: boolean): Promise<string> {
  if (!learnFromRequests) return 'off';
  const [row] = await m.query(
    `SELECT count(*)::int AS n, coalesce(max(responded_at)::text, '-') AS last
       FROM meetings WHERE event_id = $1 AND origin = 'request' AND responded_at IS NOT NULL`,
    [eventId],
  );
  return `on:${row.n}:${row.last}`;
}

const record = (r: MatchRunEntity): MatchRunRecord => ({
  id: r.id,
  eventId: r.eventId,
  dataVersion: r.dataVersion,
  status: r.status,
  progress: r.progress,
  stats: r.stats,
  error: r.error,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
});

export class TypeOrmMatchingRepository implements MatchingRepository {
  constructor(private readonly m: EntityManager) {}

  async lockForRun(eventId: string) {
    const [row] = await this.m.query(`SELECT data_version AS v, settings FROM events WHERE id = $1 FOR UPDATE`, [eventId]);
    return row ? { dataVersion: row.v as number, learnFromRequests: row.settings?.learnFromRequests !== false } : null;
  }

  feedbackKey(eventId: string, learnFromRequests: boolean) {
    return matchFeedbackKey(this.m, eventId, learnFromRequests);
  }

  async lockRun(runId: string) {
    const [row] = await this.m.query(`SELECT status FROM match_runs WHERE id = $1 FOR UPDATE`, [runId]);
    return (row?.status as MatchRunStatus | undefined) ?? null;
  }

  async updateOpenRun(
    runId: string,
    open: MatchRunStatus[],
    patch: { status: MatchRunStatus; progress: number; finishedAt?: Date; error?: string | null; stats?: Record<string, unknown> },
  ) {
    const r = await this.m
      .getRepository(MatchRunEntity)
      .update({ id: runId, status: In(open) }, patch as QueryDeepPartialEntity<MatchRunEntity>);
    return (r.affected ?? 0) > 0;
  }

  async saveResults(runId: string, results: MatchResultRow[], counterparts: MatchCounterpartRow[]) {
    await this.m.getRepository(MatchResultEntity).delete({ runId });
    for (let i = 0; i < results.length; i += 1000)
      await this.m.getRepository(MatchResultEntity).insert(results.slice(i, i + 1000).map((r) => ({ runId, ...r })));
    await this.m.getRepository(MatchCounterpartEntity).delete({ runId });
    for (let i = 0; i < counterparts.length; i += 1000)
      await this.m.getRepository(MatchCounterpartEntity).insert(counterparts.slice(i, i + 1000).map((c) => ({ runId, ...c })));
  }

  async failRunOfJob(jobId: string, open: MatchRunStatus[], error: string, now: Date) {
    const rows: unknown[] = await this.m.query(
      `UPDATE match_runs SET status = 'failed', error = $2, finished_at = $3
        WHERE 'match-' || event_id || '-v' || data_version = $1 AND status = ANY($4) RETURNING id`,
      [matchingRunJobId(jobId), error, now, open],
    );
    // (TypeORM answers an UPDATE … RETURNING with [rows, count].)
    return ((rows[1] as number | undefined) ?? 0) > 0;
  }

  async runAt(eventId: string, dataVersion: number) {
    const run = await this.m.getRepository(MatchRunEntity).findOneBy({ eventId, dataVersion });
    return run && record(run);
  }

  async bumpDataVersion(eventId: string) {
    const [[row]] = await this.m.query(`UPDATE events SET data_version = data_version + 1 WHERE id = $1 RETURNING data_version AS v`, [
      eventId,
    ]);
    return row.v as number;
  }

  async ensureRun(eventId: string, dataVersion: number) {
    await this.m.query(
      `INSERT INTO match_runs (event_id, data_version, status) VALUES ($1, $2, 'queued') ON CONFLICT (event_id, data_version) DO NOTHING`,
      [eventId, dataVersion],
    );
    return record(await this.m.getRepository(MatchRunEntity).findOneByOrFail({ eventId, dataVersion }));
  }

  async requeue(runId: string) {
    await this.m.getRepository(MatchRunEntity).update({ id: runId }, { status: 'queued', error: null, progress: 0 });
    return record(await this.m.getRepository(MatchRunEntity).findOneByOrFail({ id: runId }));
  }

  async pairInEvent(eventId: string, demandId: string, offerId: string) {
    // A transaction's manager: one connection, so the two reads go in turn.
    const [demand, offer] = await inTurn([
      () => this.m.getRepository(DemandEntity).existsBy({ id: demandId, eventId }),
      () => this.m.getRepository(OfferEntity).existsBy({ id: offerId, eventId }),
    ]);
    return { demand, offer };
  }

  async setOverride(eventId: string, demandId: string, offerId: string, mode: PairOverrideMode) {
    await this.m.getRepository(PairOverrideEntity).upsert({ eventId, demandId, offerId, mode }, ['demandId', 'offerId']);
  }

  async clearOverride(eventId: string, demandId: string, offerId: string) {
    await this.m.getRepository(PairOverrideEntity).delete({ eventId, demandId, offerId });
  }
}
