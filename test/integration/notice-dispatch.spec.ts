import { DispatchDueNotices, WORKER } from '@rueda/application';
import { QUEUES } from '@rueda/queues';
import { insertNotices } from '@rueda/persistence';
import { seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * The digest's email is recorded and its job handed over in ONE commit (through the outbox):
 * the worker queued it after its own transaction, so a crash in between left the email queued
 * with no job until the sweep found it, minutes later.
 */
describe('dispatching due notices', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T14:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('records the email, marks the notices sent and delivers the mail job with the same commit', async () => {
    const day = await seedDay(env);
    const jica = await day.participant('JICA', 'cooperant');
    await env.q(`UPDATE participants SET email = 'jica@example.org' WHERE id = $1`, [jica]);
    await insertNotices(env.db.manager, day.eventId, [
      { participantId: jica, dedupeKey: 'published-1', notice: { kind: 'schedule.published', meetings: [] } },
    ]);
    // Older than the digest window.
    await env.q(`UPDATE notifications SET created_at = $1 WHERE participant_id = $2`, [new Date('2026-11-20T13:00:00Z'), jica]);

    const batches = await env.useCases.execute(DispatchDueNotices, WORKER, { eventId: day.eventId, windowMs: 60_000 });
    expect(batches).toEqual([expect.objectContaining({ participantId: jica, emailMessageId: expect.any(String) })]);
    const emailId = batches[0].emailMessageId!;
    expect(await env.q(`SELECT status FROM email_messages WHERE id = $1`, [emailId])).toEqual([{ status: 'queued' }]);
    expect(await env.q(`SELECT status FROM notifications WHERE participant_id = $1`, [jica])).toEqual([{ status: 'sent' }]);
    expect(env.last().jobs).toEqual([
      expect.objectContaining({
        queue: QUEUES.mail,
        name: 'send',
        data: { messageId: emailId },
        options: expect.objectContaining({ jobId: `mail-${emailId}` }),
      }),
    ]);
    // Nothing is due any more: a second dispatch takes nothing and sends nothing.
    expect(await env.useCases.execute(DispatchDueNotices, WORKER, { eventId: day.eventId, windowMs: 60_000 })).toEqual([]);
  });
});
