import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { buildMatchIndex, runMatch } from '@rueda/matching';
import { EventEntity, MatchCounterpartEntity, MatchResultEntity, MatchRunEntity, PairOverrideEntity } from '@rueda/persistence';
import { MatchingJobData, MatchingProgress, QUEUES } from '@rueda/queues';
import { workerOptions } from '../worker-options';
import { WorkerLiveEmitter } from '../live/worker-live-emitter';
import { loadEventFeedback, loadEventMatchInput } from './event-match-input';

/**
 * Scores every demand–offer pair of an event and stores the top offers per demand.
 * Safe to retry: the results of the run are replaced in one transaction.
 */
@Processor(QUEUES.matching, workerOptions({ concurrency: 1 }))
export class MatchingProcessor extends WorkerHost {
  private readonly log = new Logger(MatchingProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: WorkerLiveEmitter,
  ) {
    super();
  }

  async process(job: Job<MatchingJobData>): Promise<{ pairs: number; stored: number }> {
    const { eventId, runId, top } = job.data;
    const progress = async (p: MatchingProgress) => {
      await job.updateProgress(p);
      this.live.progress({ eventId, queue: 'matching', jobId: job.id!, phase: p.phase, percent: p.percent });
      await this.db
        .getRepository(MatchRunEntity)
        .update({ id: runId }, { status: p.phase === 'done' ? 'done' : 'running', progress: p.percent });
    };
    await progress({ phase: 'loading', percent: 5 });
    const event = await this.db.getRepository(EventEntity).findOneByOrFail({ id: eventId });
    const input = await loadEventMatchInput(this.db, eventId);
    const overrides = await this.db.getRepository(PairOverrideEntity).find({ where: { eventId } });
    const blocked = new Set(overrides.filter((o) => o.mode === 'block').map((o) => `${o.demandId}|${o.offerId}`));
    const pinned = overrides.filter((o) => o.mode === 'pin');
    await progress({ phase: 'scoring', percent: 20 });
    const started = Date.now();
    // Ask for enough extra offers per demand that blocked pairs can be dropped without leaving gaps.
    const extra = Math.min(blocked.size, 50);
    // Learning from the event (on unless the organisers switched it off): answered requests.
    const feedback = event.settings.learnFromRequests === false ? undefined : await loadEventFeedback(this.db, eventId, input);
    const index = buildMatchIndex(input, { weights: event.settings.matchWeights, feedback });
    const output = runMatch(input, { top: top + extra, index });
    // Per participant, its best counterparts over all its demands or offers (fairness on).
    const counterparts: Partial<MatchCounterpartEntity>[] = [];
    for (const p of input.participants) {
      index.topCounterparts(p.id, top).forEach((c, i) =>
        counterparts.push({
          runId,
          participantId: p.id,
          counterpartId: c.participant,
          rank: i + 1,
          score: c.score,
          promoted: !!c.promoted,
          pairs: c.pairs,
        }),
      );
    }
    const seconds = (Date.now() - started) / 1000;
    const perDemand = new Map<
      string,
      { offerId: string; score: number; reasons: { kind: string; detail: string; detailEn?: string }[] }[]
    >();
    for (const m of output.matches) {
      if (blocked.has(`${m.demand}|${m.offer}`)) continue;
      const list = perDemand.get(m.demand) ?? [];
      if (list.length < top) list.push({ offerId: m.offer, score: m.score, reasons: m.reasons });
      perDemand.set(m.demand, list);
    }
    for (const pin of pinned) {
      const list = perDemand.get(pin.demandId) ?? [];
      const found = list.find((x) => x.offerId === pin.offerId);
      const reason = { kind: 'pin', detail: 'fijado por la organización', detailEn: 'pinned by the organisers' };
      if (found) found.reasons = [reason, ...found.reasons];
      else list.unshift({ offerId: pin.offerId, score: 1, reasons: [reason] });
      perDemand.set(pin.demandId, list);
    }
    await progress({ phase: 'saving', percent: 80 });
    const rows: Partial<MatchResultEntity>[] = [];
    for (const [demandId, list] of perDemand) {
      list.sort((a, b) => Number(b.reasons[0]?.kind === 'pin') - Number(a.reasons[0]?.kind === 'pin') || b.score - a.score);
      list.forEach((x, i) => rows.push({ runId, demandId, offerId: x.offerId, rank: i + 1, score: x.score, reasons: x.reasons }));
    }
    await this.db.transaction(async (m) => {
      await m.getRepository(MatchResultEntity).delete({ runId });
      for (let i = 0; i < rows.length; i += 1000) await m.getRepository(MatchResultEntity).insert(rows.slice(i, i + 1000));
      await m.getRepository(MatchCounterpartEntity).delete({ runId });
      for (let i = 0; i < counterparts.length; i += 1000)
        await m.getRepository(MatchCounterpartEntity).insert(counterparts.slice(i, i + 1000));
      await m.getRepository(MatchRunEntity).update(
        { id: runId },
        {
          status: 'done',
          progress: 100,
          finishedAt: new Date(),
          error: null,
          stats: {
            demands: input.demands.length,
            offers: input.offers.length,
            pairs: input.demands.length * input.offers.length,
            stored: rows.length,
            seconds,
            feedbackKey: job.data.feedbackKey ?? 'off',
            feedbackRequests: feedback?.requests.length ?? 0,
          },
        },
      );
    });
    await job.updateProgress({ phase: 'done', percent: 100 } satisfies MatchingProgress);
    this.log.log(`event ${eventId}: ${rows.length} matches stored (${seconds.toFixed(2)} s scoring)`);
    return { pairs: input.demands.length * input.offers.length, stored: rows.length };
  }
}
