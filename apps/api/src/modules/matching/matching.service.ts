import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  DemandEntity,
  EventEntity,
  latestDoneRun,
  MatchRunEntity,
  OfferEntity,
  PairOverrideEntity,
  PairOverrideMode,
} from '@rueda/persistence';
import { matchingJobId, MatchingJobData, QUEUES } from '@rueda/queues';
import { fieldProblem, invalid, MeetingStatus, NOUNS, notFound, requestAnswer } from '@rueda/domain';
import { RankIndex, rankIndex, requestRank, summariseRequests } from '@rueda/matching';

export interface MatchQuery {
  demandId?: string;
  offerId?: string;
  participantId?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue<MatchingJobData>,
  ) {}

  /**
   * Starts scoring the event's current data, or returns the run that already covers it:
   * one run and one job per (event, data version), so repeated clicks cost nothing.
   */
  async start(eventId: string, top: number): Promise<MatchRunEntity> {
    const event = await this.db.getRepository(EventEntity).findOneBy({ id: eventId });
    if (!event) throw notFound(NOUNS.event, eventId);
    const feedbackKey = await this.feedbackKey(event);
    const done = await this.db.getRepository(MatchRunEntity).findOneBy({ eventId, dataVersion: event.dataVersion, status: 'done' });
    if (done && runFeedbackKey(done) !== feedbackKey) {
      // Requests were answered (or learning was switched) since that run: score again, as a new
      // data version so the run history stays one run per version.
      await this.db.query(`UPDATE events SET data_version = data_version + 1 WHERE id = $1 AND data_version = $2`, [
        eventId,
        event.dataVersion,
      ]);
      return this.start(eventId, top);
    }
    await this.db.query(
      `INSERT INTO match_runs (event_id, data_version, status) VALUES ($1, $2, 'queued') ON CONFLICT (event_id, data_version) DO NOTHING`,
      [eventId, event.dataVersion],
    );
    const run = await this.db.getRepository(MatchRunEntity).findOneByOrFail({ eventId, dataVersion: event.dataVersion });
    if (run.status === 'failed')
      await this.db.getRepository(MatchRunEntity).update({ id: run.id }, { status: 'queued', error: null, progress: 0 });
    if (run.status !== 'done') {
      const jobId = matchingJobId(eventId, event.dataVersion);
      const existing = await this.queue.getJob(jobId);
      if (existing && (await existing.isFailed())) await existing.retry();
      else if (!existing)
        await this.queue.add('score-event', { eventId, dataVersion: event.dataVersion, runId: run.id, top, feedbackKey }, { jobId });
    }
    return this.db.getRepository(MatchRunEntity).findOneByOrFail({ id: run.id });
  }

  async latest(eventId: string) {
    const run = await this.db.getRepository(MatchRunEntity).findOne({ where: { eventId }, order: { dataVersion: 'DESC' } });
    if (!run) return null;
    const event = await this.db.getRepository(EventEntity).findOneBy({ id: eventId });
    const stale = event
      ? event.dataVersion !== run.dataVersion || (run.status === 'done' && runFeedbackKey(run) !== (await this.feedbackKey(event)))
      : false;
    return { ...run, stale };
  }

  /**
   * What a run reflects besides the data: "off" when the event does not learn from answered
   * requests, else how many requests were answered and when the last was ("on:3:2026-…").
   */
  private async feedbackKey(event: EventEntity): Promise<string> {
    if (event.settings.learnFromRequests === false) return 'off';
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n, coalesce(max(responded_at)::text, '-') AS last
         FROM meetings WHERE event_id = $1 AND origin = 'request' AND responded_at IS NOT NULL`,
      [event.id],
    );
    return `on:${row.n}:${row.last}`;
  }

  /**
   * How the recommendations fared: the share of requests that went to a top-five
   * recommendation and the acceptance rate by rank. Each request is ranked in the newest run
   * that had finished when it was sent (the first run for earlier requests), by its demand–offer
   * pair or else by counterpart.
   */
  async report(eventId: string) {
    const event = await this.db.getRepository(EventEntity).findOneBy({ id: eventId });
    if (!event) throw notFound(NOUNS.event, eventId);
    const runs: Array<{ id: string; finishedAt: Date }> = await this.db.query(
      `SELECT id, finished_at AS "finishedAt" FROM match_runs WHERE event_id = $1 AND status = 'done' ORDER BY finished_at`,
      [eventId],
    );
    const requests: Array<{
      from: string;
      to: string;
      demand: string | null;
      offer: string | null;
      status: MeetingStatus;
      respondedAt: Date | null;
      createdAt: Date;
    }> = await this.db.query(
      `SELECT participant_a_id AS "from", participant_b_id AS "to", demand_id AS demand, offer_id AS offer, status,
              responded_at AS "respondedAt", created_at AS "createdAt"
         FROM meetings WHERE event_id = $1 AND origin = 'request'`,
      [eventId],
    );
    const indexes = new Map<string, RankIndex>();
    const indexOf = async (runId: string) => {
      let idx = indexes.get(runId);
      if (!idx) {
        const [pairs, counterparts] = await Promise.all([
          this.db.query(`SELECT demand_id AS demand, offer_id AS offer, rank FROM match_results WHERE run_id = $1`, [runId]),
          this.db.query(
            `SELECT participant_id AS participant, counterpart_id AS counterpart, rank FROM match_counterparts WHERE run_id = $1`,
            [runId],
          ),
        ]);
        indexes.set(runId, (idx = rankIndex(pairs, counterparts)));
      }
      return idx;
    };
    const items = [];
    for (const r of requests) {
      const run = [...runs].reverse().find((x) => x.finishedAt <= r.createdAt) ?? runs[0];
      items.push({ rank: run ? requestRank(r, await indexOf(run.id)) : undefined, answer: requestAnswer(r.status, r.respondedAt) });
    }
    return { learnFromRequests: event.settings.learnFromRequests !== false, runs: runs.length, ...summariseRequests(items, 5) };
  }

  /** Matches of the newest finished run, with the titles and names a person needs to judge them. */
  async matches(eventId: string, q: MatchQuery) {
    const run = await latestDoneRun(this.db.manager, eventId);
    if (!run) return { run: null, items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const where: string[] = ['r.run_id = $1'];
    const params: unknown[] = [run.id];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (q.demandId) add('r.demand_id = ?', q.demandId);
    if (q.offerId) add('r.offer_id = ?', q.offerId);
    if (q.participantId) add('(d.participant_id = ? OR o.participant_id = ?)', q.participantId);
    const from = `FROM match_results r JOIN demands d ON d.id = r.demand_id JOIN offers o ON o.id = r.offer_id
      JOIN participants pd ON pd.id = d.participant_id JOIN participants po ON po.id = o.participant_id WHERE ${where.join(' AND ')}`;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n ${from}`, params);
    const items = await this.db.query(
      `SELECT r.demand_id AS "demandId", d.external_id AS "demandExternalId", d.title AS "demandTitle",
              pd.id AS "gadmId", pd.name AS "gadmName", pd.province AS "province",
              r.offer_id AS "offerId", o.external_id AS "offerExternalId", o.title AS "offerTitle",
              po.id AS "cooperantId", po.name AS "cooperantName",
              r.rank, r.score, r.reasons,
              (SELECT mode FROM pair_overrides x WHERE x.demand_id = r.demand_id AND x.offer_id = r.offer_id) AS "override"
       ${from} ORDER BY d.external_id, r.rank LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return {
      run: { id: run.id, dataVersion: run.dataVersion, finishedAt: run.finishedAt },
      items,
      total: n,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** A participant's best counterparts in the newest finished run, with the pairs behind each. */
  async recommendations(eventId: string, participantId: string) {
    const run = await latestDoneRun(this.db.manager, eventId);
    if (!run) return { run: null, items: [] };
    const items = await this.db.query(
      `SELECT c.counterpart_id AS "counterpartId", p.name AS "counterpartName", p.kind AS "counterpartKind", p.province, p.region,
              c.rank, c.score, c.promoted, c.pairs
         FROM match_counterparts c JOIN participants p ON p.id = c.counterpart_id
        WHERE c.run_id = $1 AND c.participant_id = $2 ORDER BY c.rank`,
      [run.id, participantId],
    );
    return { run: { id: run.id, dataVersion: run.dataVersion, finishedAt: run.finishedAt }, items };
  }

  /** An organiser's pin or block survives re-scoring; it changes the data version so a new run picks it up. */
  async setOverride(eventId: string, demandId: string, offerId: string, mode: PairOverrideMode) {
    const [d, o] = await Promise.all([
      this.db.getRepository(DemandEntity).existsBy({ id: demandId, eventId }),
      this.db.getRepository(OfferEntity).existsBy({ id: offerId, eventId }),
    ]);
    if (!d || !o) {
      throw invalid([
        ...(d ? [] : [fieldProblem('demandId', 'demanda desconocida en este evento', 'unknown demand in this event')]),
        ...(o ? [] : [fieldProblem('offerId', 'oferta desconocida en este evento', 'unknown offer in this event')]),
      ]);
    }
    await this.db.getRepository(PairOverrideEntity).upsert({ eventId, demandId, offerId, mode }, ['demandId', 'offerId']);
    return { demandId, offerId, mode };
  }

  async clearOverride(eventId: string, demandId: string, offerId: string) {
    await this.db.getRepository(PairOverrideEntity).delete({ eventId, demandId, offerId });
  }

  overrides(eventId: string) {
    return this.db.getRepository(PairOverrideEntity).find({ where: { eventId }, order: { createdAt: 'ASC' } });
  }
}

/** The feedback key a finished run was computed with ("off" for runs made before learning existed). */
function runFeedbackKey(run: MatchRunEntity): string {
  return (run.stats as { feedbackKey?: string }).feedbackKey ?? 'off';
}
