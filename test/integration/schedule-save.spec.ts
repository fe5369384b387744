import { FailScheduleJob, FillScheduleDraft, GenerateSchedule, PublishScheduleVersion, WORKER } from '@rueda/application';
import { refusal, refusedFields } from '../support/refusals';
import { ADMIN, seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/** The scheduling job's result goes through FillScheduleDraft: whole or nothing, and only into a version still generating. */
describe('filling a schedule draft from its job', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T14:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function dayWithVersion() {
    const day = await seedDay(env, { tables: 2 });
    const a = await day.participant('0104', 'gadm');
    const b = await day.participant('JICA', 'cooperant');
    const c = await day.participant('CAF', 'cooperant');
    const m1 = await day.meeting(a, b, 'accepted');
    const m2 = await day.meeting(a, c, 'accepted');
    const v = await env.useCases.execute(GenerateSchedule, ADMIN, { eventId: day.eventId });
    const schedule = (assignments: { meeting: string; slot: string; table: string }[]) => ({
      format: 'rueda.schedule/1' as const,
      assignments,
      unscheduled: [{ meeting: m2, reason: 'x' }].filter((u) => !assignments.some((x) => x.meeting === u.meeting)),
      stats: { scheduled: assignments.length, weight: assignments.length, holes: 0, seconds: 0 },
      bounds: { weightUpperBound: 2 },
    });
    const status = async () => (await env.q(`SELECT status FROM schedule_versions WHERE id = $1`, [v.id]))[0].status;
    const assigned = async () =>
      (await env.q(`SELECT count(*)::int AS n FROM schedule_assignments WHERE schedule_version_id = $1`, [v.id]))[0].n;
    return { day, m1, m2, versionId: v.id as string, jobId: v.jobId as string, schedule, status, assigned };
  }

  it('a failure half way leaves no assignment behind, and a retry writes it whole', async () => {
    const { day, m1, m2, versionId, schedule, status, assigned } = await dayWithVersion();
    const cell = { slot: day.slots[0], table: day.tables[0] };
    // Two meetings at the same table and slot: the second insert breaks the unique index.
    await expect(
      env.useCases.execute(FillScheduleDraft, WORKER, {
        eventId: day.eventId,
        versionId,
        schedule: schedule([
          { meeting: m1, ...cell },
          { meeting: m2, ...cell },
        ]),
      }),
    ).rejects.toThrow();
    expect(await assigned()).toBe(0);
    expect(await status()).toBe('generating');
    const ok = await env.useCases.execute(FillScheduleDraft, WORKER, {
      eventId: day.eventId,
      versionId,
      schedule: schedule([{ meeting: m1, ...cell }]),
    });
    expect(ok).toEqual({ filled: true, status: 'draft' });
    expect(await assigned()).toBe(1);
    expect(await status()).toBe('draft');
  });

  it('a job retried after its draft was published leaves the published version as it is', async () => {
    const { day, m1, m2, versionId, schedule, status, assigned } = await dayWithVersion();
    const first = schedule([{ meeting: m1, slot: day.slots[0], table: day.tables[0] }]);
    await env.useCases.execute(FillScheduleDraft, WORKER, { eventId: day.eventId, versionId, schedule: first });
    await env.useCases.execute(PublishScheduleVersion, ADMIN, { eventId: day.eventId, versionId });
    // The retry (its first attempt saved, then lost its completion with Redis) solved again.
    const again = await env.useCases.execute(FillScheduleDraft, WORKER, {
      eventId: day.eventId,
      versionId,
      schedule: schedule([
        { meeting: m1, slot: day.slots[1], table: day.tables[1] },
        { meeting: m2, slot: day.slots[2], table: day.tables[0] },
      ]),
    });
    expect(again).toEqual({ filled: false, status: 'published' });
    expect(await status()).toBe('published');
    expect(await assigned()).toBe(1);
    const [meeting] = await env.q(`SELECT status, slot_id AS "slotId", table_id AS "tableId" FROM meetings WHERE id = $1`, [m1]);
    expect(meeting).toEqual({ status: 'scheduled', slotId: day.slots[0], tableId: day.tables[0] });
  });

  it('a job that failed for good marks its version failed, once, and never a version already filled', async () => {
    const { day, m1, versionId, jobId, schedule, status } = await dayWithVersion();
    expect(await env.useCases.execute(FailScheduleJob, WORKER, { jobId, error: 'solver crashed' })).toEqual({ failed: true });
    expect(await status()).toBe('failed');
    expect((await env.q(`SELECT error FROM schedule_versions WHERE id = $1`, [versionId]))[0].error).toBe('solver crashed');
    // A late attempt's result does not revive it.
    const late = await env.useCases.execute(FillScheduleDraft, WORKER, {
      eventId: day.eventId,
      versionId,
      schedule: schedule([{ meeting: m1, slot: day.slots[0], table: day.tables[0] }]),
    });
    expect(late).toEqual({ filled: false, status: 'failed' });
    const other = await dayWithVersion();
    await env.useCases.execute(FillScheduleDraft, WORKER, {
      eventId: other.day.eventId,
      versionId: other.versionId,
      schedule: other.schedule([]),
    });
    expect(await env.useCases.execute(FailScheduleJob, WORKER, { jobId: other.jobId, error: 'late' })).toEqual({ failed: false });
    expect(await other.status()).toBe('draft');
  });

  it('only jobs may fill a draft, and a malformed schedule is refused naming the field', async () => {
    const { day, versionId, schedule, status } = await dayWithVersion();
    expect(
      await refusal(env.useCases.execute(FillScheduleDraft, ADMIN, { eventId: day.eventId, versionId, schedule: schedule([]) })),
    ).toMatchObject({ kind: 'forbidden' });
    const fields = await refusedFields(
      env.useCases.execute(FillScheduleDraft, WORKER, {
        eventId: day.eventId,
        versionId,
        schedule: { format: 'rueda.schedule/1', assignments: [] },
      }),
    );
    expect(fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'schedule.unscheduled' })]));
    expect(await status()).toBe('generating');
  });
});
