import { CompleteMatchingRun, FailMatchingJob, ReportMatchingProgress, WORKER } from '@rueda/application';
import { matchingJobId } from '@rueda/queues';
import { refusal, refusedFields } from '../support/refusals';
import { ADMIN, seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/** A matching job writes its run only through use cases, and only while the run is open. */
describe('a matching job’s results', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T14:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function run(status: string) {
    const day = await seedDay(env);
    const [r] = await env.q(`INSERT INTO match_runs (event_id, data_version, status) VALUES ($1, 3, $2) RETURNING id`, [
      day.eventId,
      status,
    ]);
    const row = async () => (await env.q(`SELECT status, progress, error FROM match_runs WHERE id = $1`, [r.id]))[0];
    return { eventId: day.eventId, runId: r.id as string, jobId: matchingJobId(day.eventId, 3), row };
  }
  const stats = { demands: 0, offers: 0, stored: 0 };

  it('a late attempt’s progress, results or failure never reopen a run that is done', async () => {
    const { runId, jobId, row } = await run('running');
    expect(await env.useCases.execute(ReportMatchingProgress, WORKER, { runId, percent: 20 })).toEqual({ updated: true });
    expect(await env.useCases.execute(CompleteMatchingRun, WORKER, { runId, results: [], counterparts: [], stats })).toEqual({
      completed: true,
      status: 'done',
    });
    expect(await row()).toEqual({ status: 'done', progress: 100, error: null });
    // Another attempt of the same job, still running somewhere, reports and finishes late.
    expect(await env.useCases.execute(ReportMatchingProgress, WORKER, { runId, percent: 5 })).toEqual({ updated: false });
    expect(await env.useCases.execute(CompleteMatchingRun, WORKER, { runId, results: [], counterparts: [], stats })).toEqual({
      completed: false,
      status: 'done',
    });
    expect(await env.useCases.execute(FailMatchingJob, WORKER, { jobId, error: 'late' })).toEqual({ failed: false });
    expect(await row()).toEqual({ status: 'done', progress: 100, error: null });
  });

  it('a job that failed for good fails its open run, found by the job id of a retry too', async () => {
    const { runId, eventId, row } = await run('queued');
    const retry = matchingJobId(eventId, 3, Date.parse('2026-11-20T15:00:00Z'));
    expect(await env.useCases.execute(FailMatchingJob, WORKER, { jobId: retry, error: 'boom' })).toEqual({ failed: true });
    expect(await row()).toEqual({ status: 'failed', progress: 0, error: 'boom' });
    expect(await env.useCases.execute(CompleteMatchingRun, WORKER, { runId, results: [], counterparts: [], stats })).toMatchObject({
      completed: false,
    });
  });

  it('only jobs write results, and a malformed row is refused naming its field', async () => {
    const { runId, row } = await run('running');
    expect(await refusal(env.useCases.execute(CompleteMatchingRun, ADMIN, { runId, results: [], counterparts: [], stats }))).toMatchObject({
      kind: 'forbidden',
    });
    const bad = { demandId: runId, offerId: runId, rank: 1, score: 2, reasons: [] };
    expect(
      await refusedFields(env.useCases.execute(CompleteMatchingRun, WORKER, { runId, results: [bad], counterparts: [], stats })),
    ).toEqual([expect.objectContaining({ path: 'results.0.score' })]);
    expect(await row()).toMatchObject({ status: 'running' });
  });
});
