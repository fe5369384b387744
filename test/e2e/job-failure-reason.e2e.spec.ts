import { bearer, eventually, startTestApi, type TestApi } from '../support/api';
import { publishLiveDay } from '../support/live-day';

/**
 * A schedule whose job fails for good says why: BullMQ's 'retries-exhausted' event carries only
 * the attempts made, so the version was marked failed with the bare word "error" and the log
 * said "failed for good: undefined" (seen in the fault bench).
 */
describe('a schedule job that fails for good', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.startWorker();
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('marks its version failed with the job’s own reason', async () => {
    const admin = bearer(api.tokens.admin);
    const day = await publishLiveDay(api, { gadms: 2, cooperants: 2, tables: 2 });
    // Every save of a draft now fails, on every attempt.
    await api.query(`ALTER TABLE schedule_assignments ADD CONSTRAINT refuse_every_draft CHECK (false) NOT VALID`);
    const v = (
      await api.http.post(`/events/${day.eventId}/schedules`).set(admin).send({ timeLimitSeconds: 1, mode: 'keep-published' }).expect(201)
    ).body;
    const row = await eventually(
      async () => {
        const [r] = await api.query(`SELECT status, error FROM schedule_versions WHERE id = $1`, [v.id]);
        return r.status === 'failed' ? r : undefined;
      },
      60_000,
      200,
    );
    expect(row.error).toContain('refuse_every_draft');
  }, 90_000);
});
