import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runFeedbackKey } from '@rueda/application';
import { EventEntity, latestDoneRun, matchFeedbackKey, MatchRunEntity, PairOverrideEntity } from '@rueda/persistence';
import { MeetingStatus, NOUNS, notFound, requestAnswer } from '@rueda/domain';
import { RankIndex, rankIndex, requestRank, summariseRequests } from '@rueda/matching';

export interface MatchQuery {
  demandId?: string;
  offerId?: string;
  participantId?: string;
  page: number;
  pageSize: number;
}

/** The matching reads; starting a run and pins/blocks are use cases (libs/application/src/matching). */
@Injectable()
export class MatchingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async latest(eventId: string) {
    const run = await this.db.getRepository(MatchRunEntity).findOne({ where: { eventId }, order: { dataVersion: 'DESC' } });
    if (!run) return null;
    const event = await this.db.getRepository(EventEntity).findOneBy({ id: eventId });
    const stale = event
      ? event.dataVersion !== run.dataVersion ||
        (run.status === 'done' &&
          runFeedbackKey(run) !== (await matchFeedbackKey(this.db.manager, eventId, event.settings.learnFromRequests !== false)))
      : false;
    return { ...run, stale };
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

  overrides(eventId: string) {
    return this.db.getRepository(PairOverrideEntity).find({ where: { eventId }, order: { createdAt: 'ASC' } });
  }
}
