import { RecordMailAttempt, RequeueHeldMail, WORKER } from '@rueda/application';
import { insertEmail } from '@rueda/persistence';
import { refusal } from '../support/refusals';
import { ADMIN, seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/** The mail job writes an email's row only through RecordMailAttempt, and a final outcome stays final. */
describe('an email’s attempts', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T14:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function email() {
    const day = await seedDay(env);
    const participantId = await day.participant('JICA', 'cooperant');
    const id = await insertEmail(env.db.manager, { eventId: day.eventId, participantId, kind: 'invitation', to: ['jica@example.org'] });
    const row = async () =>
      (await env.q(`SELECT status, attempts, last_error AS "lastError", sent_at AS "sentAt" FROM email_messages WHERE id = $1`, [id]))[0];
    return { id, row };
  }

  it('a late attempt never turns a delivered email back into retrying, and each attempt counts once', async () => {
    const { id, row } = await email();
    const delivered = {
      status: 'delivered' as const,
      attempted: true,
      subject: 'Invitación',
      accepted: ['jica@example.org'],
      rejected: [],
    };
    expect(await env.useCases.execute(RecordMailAttempt, WORKER, { messageId: id, ...delivered })).toEqual({ recorded: true });
    // The other worker's attempt of the same job (stalled, then taken again) times out afterwards.
    expect(
      await env.useCases.execute(RecordMailAttempt, WORKER, { messageId: id, status: 'retrying', attempted: true, lastError: 'timeout' }),
    ).toEqual({ recorded: false });
    expect(await row()).toEqual({ status: 'delivered', attempts: 1, lastError: null, sentAt: env.clock.now() });
  });

  it('held without a server, queued again when one is configured, then failed for good', async () => {
    const { id, row } = await email();
    await env.useCases.execute(RecordMailAttempt, WORKER, { messageId: id, status: 'held', attempted: false, lastError: 'sin servidor' });
    expect(await row()).toMatchObject({ status: 'held', attempts: 0, sentAt: null });
    expect((await env.useCases.execute(RequeueHeldMail, WORKER, {})).ids).toContain(id);
    expect(await row()).toMatchObject({ status: 'queued' });
    await env.useCases.execute(RecordMailAttempt, WORKER, { messageId: id, status: 'retrying', attempted: true, lastError: 'a' });
    await env.useCases.execute(RecordMailAttempt, WORKER, { messageId: id, status: 'failed', attempted: true, lastError: 'b' });
    expect(await row()).toEqual({ status: 'failed', attempts: 2, lastError: 'b', sentAt: null });
    expect(await refusal(env.useCases.execute(RequeueHeldMail, ADMIN, {}))).toMatchObject({ kind: 'forbidden' });
  });
});
