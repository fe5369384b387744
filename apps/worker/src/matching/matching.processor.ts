import { performance } from 'node:perf_hooks';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { applyOverrides, buildMatchIndex, runMatch, scoredPerDemand } from '@rueda/matching';
import { CompleteMatchingRun, type MatchCounterpartRow, ReportMatchingProgress, UseCases, WORKER } from '@rueda/application';
import { EventEntity, PairOverrideEntity } from '@rueda/persistence';
import { MatchingJobData, MatchingProgress, QUEUES } from '@rueda/queues';
import { workerOptions } from '../worker-options';
import { WorkerLiveEmitter } from '../live/worker-live-emitter';
import { loadEventFeedback, loadEventMatchInput } from './event-match-input';
import { asJobFailure } from '../job-failure';

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
    private readonly useCases: UseCases,
  ) {
    super();
  }

  async process(job: Job<MatchingJobData>): Promise<{ pairs: number; stored: number }> {
    const { eventId, runId, top } = job.data;
    const progress = async (p: MatchingProgress) => {
      await job.updateProgress(p);
      this.live.progress({ eventId, queue: 'matching', jobId: job.id!, phase: p.phase, percent: p.percent });
      await this.useCases.execute(ReportMatchingProgress, WORKER, { runId, percent: p.percent });
    };
    await progress({ phase: 'loading', percent: 5 });
    const event = await this.db.getRepository(EventEntity).findOneByOrFail({ id: eventId });
    const input = await loadEventMatchInput(this.db, eventId);
    const overrides = await this.db.getRepository(PairOverrideEntity).find({ where: { eventId } });
    const pairOverrides = overrides.map((o) => ({ demand: o.demandId, offer: o.offerId, mode: o.mode }));
    await progress({ phase: 'scoring', percent: 20 });
    // How long scoring took (stats.seconds) is elapsed time: a monotonic clock, not the Clock port.
    const started = performance.now();
    // Learning from the event (on unless the organisers switched it off): answered requests.
    const feedback = event.settings.learnFromRequests === false ? undefined : await loadEventFeedback(this.db, eventId, input);
    const index = buildMatchIndex(input, { weights: event.settings.matchWeights, feedback });
    const output = runMatch(input, { top: scoredPerDemand(top, pairOverrides), index });
    // Per participant, its best counterparts over all its demands or offers (fairness on).
    const counterparts: MatchCounterpartRow[] = [];
    for (const p of input.participants) {
      index.topCounterparts(p.id, top).forEach((c, i) =>
        counterparts.push({
          participantId: p.id,
          counterpartId: c.participant,
          rank: i + 1,
          score: c.score,
          promoted: !!c.promoted,
          pairs: c.pairs,
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    await progress({ phase: 'saving', percent: 80 });
    // The organisers' pins and blocks (libs/matching: applyOverrides).
    const rows = applyOverrides(output.matches, pairOverrides, top).map((r) => ({
      demandId: r.demand,
      offerId: r.offer,
      rank: r.rank,
      score: r.score,
      reasons: r.reasons,
    }));
    const saved = await this.useCases
      .execute(CompleteMatchingRun, WORKER, {
        runId,
        results: rows,
        counterparts,
        stats: {
          demands: input.demands.length,
          offers: input.offers.length,
          pairs: input.demands.length * input.offers.length,
          stored: rows.length,
          seconds,
          feedbackKey: job.data.feedbackKey ?? 'off',
          feedbackRequests: feedback?.requests.length ?? 0,
        },
      })
      .catch((e: unknown) => Promise.reject(asJobFailure(e)));
    if (!saved.completed) this.log.warn(`event ${eventId}: run ${runId} is already ${saved.status}, this attempt's results are not kept`);
    await job.updateProgress({ phase: 'done', percent: 100 } satisfies MatchingProgress);
    this.log.log(`event ${eventId}: ${rows.length} matches stored (${seconds.toFixed(2)} s scoring)`);
    return { pairs: input.demands.length * input.offers.length, stored: rows.length };
  }
}
