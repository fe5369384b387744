import { performance } from 'node:perf_hooks';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { applyOverrides, buildMatchIndex, runMatch, scoredPerDemand } from '@rueda/matching';
import { EventEntity, MatchCounterpartEntity, MatchResultEntity, MatchRunEntity, PairOverrideEntity } from '@rueda/persistence';
import { MatchingJobData, MatchingProgress, QUEUES } from '@rueda/queues';
import { workerOptions } from '../worker-options';
import { WorkerLiveEmitter } from '../live/worker-live-emitter';
import { loadEventFeedback, loadEventMatchInput } from './event-match-input';
import type { Clock } from '@rueda/application';
import { CLOCK } from '../clock';

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
    @Inject(CLOCK) private readonly clock: Clock,
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
    const pairOverrides = overrides.map((o) => ({ demand: o.demandId, offer: o.offerId, mode: o.mode }));
    await progress({ phase: 'scoring', percent: 20 });
    // How long scoring took (stats.seconds) is elapsed time: a monotonic clock, not the Clock port.
    const started = performance.now();
    // Learning from the event (on unless the organisers switched it off): answered requests.
    const feedback = event.settings.learnFromRequests === false ? undefined : await loadEventFeedback(this.db, eventId, input);
    const index = buildMatchIndex(input, { weights: event.settings.matchWeights, feedback });
    const output = runMatch(input, { top: scoredPerDemand(top, pairOverrides), index });
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
    const seconds = (performance.now() - started) / 1000;
    await progress({ phase: 'saving', percent: 80 });
    // The organisers' pins and blocks (libs/matching: applyOverrides).
    const rows: Partial<MatchResultEntity>[] = applyOverrides(output.matches, pairOverrides, top).map((r) => ({
      runId,
      demandId: r.demand,
      offerId: r.offer,
      rank: r.rank,
      score: r.score,
      reasons: r.reasons,
    }));
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
          finishedAt: this.clock.now(),
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
