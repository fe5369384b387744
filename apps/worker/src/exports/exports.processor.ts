import { performance } from 'node:perf_hooks';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { agendaPdf, buildAgendas } from '@rueda/exports';
import { type Clock, FailExport, FinishExport, ReportExportProgress, UseCases, WORKER } from '@rueda/application';
import { loadReportData } from '@rueda/persistence';
import { ExportJobData, ExportProgress, QUEUES } from '@rueda/queues';
import { workerOptions } from '../worker-options';
import { asJobFailure } from '../job-failure';
import { CLOCK } from '../clock';

/**
 * Builds the book of all agendas and stores it in its export_files row: any API node can then
 * serve it, whichever worker built it. Progress goes to the BullMQ job as agendas are drawn.
 */
@Processor(QUEUES.exports, workerOptions({ concurrency: 1 }))
export class ExportsProcessor extends WorkerHost {
  private readonly log = new Logger(ExportsProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly useCases: UseCases,
    // The book's generatedAt: the Clock port, as the use cases stamp times.
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<ExportJobData>) {
    const { eventId, exportId } = job.data;
    const report = (p: ExportProgress) => job.updateProgress(p as unknown as object).catch(() => undefined);
    const open = await this.useCases.execute(ReportExportProgress, WORKER, { exportId, progress: { phase: 'loading', percent: 1 } });
    // Another attempt finished it, or it failed for good: nothing to make again.
    if (!open.updated) return { skipped: true };
    await report({ phase: 'loading', percent: 1 });
    const loaded = await loadReportData(this.db.manager, eventId);
    if (!loaded) throw new Error(`event ${eventId} not found`);
    let agendas = buildAgendas(loaded.data, { venue: loaded.event.venue, includeEmpty: job.data.includeEmpty !== false });
    if (job.data.participantKind) agendas = agendas.filter((a) => a.participant.kind === job.data.participantKind);
    const total = agendas.length;
    await report({ phase: 'rendering', percent: 5, done: 0, total });
    let last = 0;
    const pdf = await agendaPdf(agendas, {
      generatedAt: this.clock.now(),
      onProgress: (done, n) => {
        // One update per agenda would be hundreds of Redis writes; a few a second is enough to watch.
        // A throttle measures elapsed time: the monotonic clock, not the Clock port.
        const now = performance.now();
        if (now - last < 200 && done < n) return;
        last = now;
        void report({ phase: 'rendering', percent: 5 + Math.floor((done / Math.max(1, n)) * 90), done, total: n });
      },
    });
    await report({ phase: 'saving', percent: 96, done: total, total });
    const done: ExportProgress = { phase: 'done', percent: 100, done: total, total };
    await this.useCases
      .execute(FinishExport, WORKER, { exportId, content: pdf, progress: done })
      .catch((e: unknown) => Promise.reject(asJobFailure(e)));
    await report(done);
    this.log.log(`event ${eventId}: ${total} agendas, ${pdf.length} bytes (export ${exportId})`);
    return { agendas: total, size: pdf.length };
  }

  /** A job that failed for good must say so on its row, or the organiser waits forever. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ExportJobData> | undefined, err: Error) {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.log.error(`export ${job.data.exportId} failed for good: ${err.message}`);
    await this.useCases.execute(FailExport, WORKER, { exportId: job.data.exportId, error: err.message }).catch(() => undefined);
  }
}
