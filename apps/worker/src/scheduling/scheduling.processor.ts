import { performance } from 'node:perf_hooks';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { type Clock, FillScheduleDraft, UseCases, WORKER } from '@rueda/application';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadEventScheduleInstance } from '@rueda/persistence';
import { QUEUES, SchedulingJobData, SchedulingProgress } from '@rueda/queues';
import { workerOptions } from '../worker-options';
import { solveInThread } from './solve-in-thread';
import { WorkerLiveEmitter } from '../live/worker-live-emitter';
import { CLOCK } from '../clock';
import { asJobFailure } from '../job-failure';

/**
 * Builds the event's instance, runs the solver with progress reports, and hands the result to
 * FillScheduleDraft (one transaction: a retried job never finds half a schedule, and never
 * writes over a version that is no longer generating).
 */
@Processor(QUEUES.scheduling, workerOptions({ concurrency: 1 }))
export class SchedulingProcessor extends WorkerHost {
  private readonly log = new Logger(SchedulingProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: WorkerLiveEmitter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly useCases: UseCases,
  ) {
    super();
  }

  async process(job: Job<SchedulingJobData>) {
    const { eventId, scheduleVersionId, seed, timeLimitMs, minMeetingsPerGadm, mode, maxIdleSpread } = job.data;
    const report = (p: SchedulingProgress) => {
      this.live.progress({ eventId, queue: 'scheduling', jobId: job.id!, ...p });
      return job.updateProgress(p).catch(() => undefined);
    };
    await report({ phase: 'loading', percent: 2 });
    const { instance, pinned, leftOut } = await loadEventScheduleInstance(this.db.manager, eventId, {
      keepPublished: mode === 'keep-published',
      now: this.clock.now(),
    });
    await report({ phase: 'solving', percent: 5 });
    let lastReport = 0;
    const schedule = await solveInThread(instance, { seed, timeLimitMs, minMeetingsPerGadm, maxIdleSpread }, (p) => {
      // The solver reports often; Redis needs to hear only a few times a second. A throttle
      // measures elapsed time, so it reads the monotonic clock, not the Clock port.
      const now = performance.now();
      if (now - lastReport < 250) return;
      lastReport = now;
      void report({ phase: 'solving', percent: 5 + Math.round(p.percent * 0.9), bestWeight: p.bestWeight, bound: p.bound });
    });
    await report({ phase: 'saving', percent: 96, bestWeight: schedule.stats.weight, bound: schedule.bounds.weightUpperBound });
    const saved = await this.useCases
      // Meetings the instance left out are listed with the solver's unscheduled ones, with why.
      .execute(FillScheduleDraft, WORKER, {
        eventId,
        versionId: scheduleVersionId,
        schedule: { ...schedule, unscheduled: [...schedule.unscheduled, ...leftOut] },
      })
      .catch((e: unknown) => Promise.reject(asJobFailure(e)));
    if (!saved.filled)
      this.log.warn(`event ${eventId} v${scheduleVersionId}: already ${saved.status}, this attempt's schedule is not kept`);
    await report({ phase: 'done', percent: 100, bestWeight: schedule.stats.weight, bound: schedule.bounds.weightUpperBound });
    this.log.log(
      `event ${eventId} v${scheduleVersionId}: ${schedule.stats.scheduled}/${instance.meetings.length} meetings, weight ${schedule.stats.weight} of ≤ ${schedule.bounds.weightUpperBound} (${pinned} pinned)`,
    );
    return { scheduled: schedule.stats.scheduled, weight: schedule.stats.weight, bound: schedule.bounds.weightUpperBound };
  }
}
