import { FailExport, FinishExport, ReportExportProgress, RequestAgendasExport, WORKER } from '@rueda/application';
import { refusal } from '../support/refusals';
import { ADMIN, seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/** The exports job writes its file's row only through use cases, and only while the export is open. */
describe('an export job’s file', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T14:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function requested() {
    const day = await seedDay(env);
    const e = await env.useCases.execute(RequestAgendasExport, WORKER, { eventId: day.eventId });
    const row = async () =>
      (await env.q(`SELECT status, size, error, progress, content IS NOT NULL AS stored FROM export_files WHERE id = $1`, [e.id]))[0];
    return { exportId: e.id as string, row };
  }
  const bytes = new Uint8Array([37, 80, 68, 70]);

  it('runs, finishes with its bytes, and a late attempt neither rewrites nor fails it', async () => {
    const { exportId, row } = await requested();
    expect(await env.useCases.execute(ReportExportProgress, WORKER, { exportId, progress: { phase: 'rendering', percent: 40 } })).toEqual({
      updated: true,
    });
    expect(await row()).toMatchObject({ status: 'running', stored: false, progress: { phase: 'rendering', percent: 40 } });
    const done = { phase: 'done', percent: 100, done: 3, total: 3 };
    expect(await env.useCases.execute(FinishExport, WORKER, { exportId, content: bytes, progress: done })).toEqual({ finished: true });
    expect(await row()).toEqual({ status: 'done', size: 4, error: null, progress: done, stored: true });
    expect(await env.useCases.execute(ReportExportProgress, WORKER, { exportId, progress: { phase: 'loading', percent: 1 } })).toEqual({
      updated: false,
    });
    expect(await env.useCases.execute(FailExport, WORKER, { exportId, error: 'late' })).toEqual({ failed: false });
    expect(await row()).toMatchObject({ status: 'done', size: 4, error: null });
  });

  it('a failure for good is recorded once; a late result does not revive it; only jobs write', async () => {
    const { exportId, row } = await requested();
    expect(await env.useCases.execute(FailExport, WORKER, { exportId, error: 'no memory' })).toEqual({ failed: true });
    expect(
      await env.useCases.execute(FinishExport, WORKER, { exportId, content: bytes, progress: { phase: 'done', percent: 100 } }),
    ).toEqual({
      finished: false,
    });
    expect(await row()).toMatchObject({ status: 'failed', error: 'no memory', stored: false });
    expect(await refusal(env.useCases.execute(FailExport, ADMIN, { exportId, error: 'x' }))).toMatchObject({ kind: 'forbidden' });
  });
});
