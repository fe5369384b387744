import { INestApplicationContext } from '@nestjs/common';
import { UseCases } from '@rueda/application';
import { LinkKeys } from '@rueda/persistence';
import { InvitationsService } from '../../apps/api/src/modules/invitations/invitations.service';
import { MailProcessor } from '../../apps/worker/src/mail/mail.processor';
import { NotifyProcessor } from '../../apps/worker/src/notify/notify.processor';
import { startTestApi, TestApi } from '../support/api';

// The key each holder keeps (private fields, read here only to compare instances).
const keysOf = (holder: unknown) => (holder as { keys: LinkKeys }).keys;
const unitOfWorkKeys = (useCases: UseCases) => (useCases as unknown as { uow: { deps: { linkKeys: LinkKeys } } }).uow.deps.linkKeys;

/**
 * The link key is read once per process and cached: the unit of work, the invitations page
 * (API) and the mail and notice senders (worker) are handed the one provider, instead of each
 * building its own LinkKeys (four reads and four caches per process before).
 */
describe('one link key per process', () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await api.startWorker();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('the API: the unit of work and the invitations share the provider', () => {
    const keys = api.app.get(LinkKeys);
    expect(unitOfWorkKeys(api.app.get(UseCases))).toBe(keys);
    expect(keysOf(api.app.get(InvitationsService))).toBe(keys);
  });

  it('the worker: the unit of work, mail and notices share the provider', async () => {
    const keys = worker.get(LinkKeys);
    expect(unitOfWorkKeys(worker.get(UseCases))).toBe(keys);
    expect(keysOf(worker.get(MailProcessor))).toBe(keys);
    expect(keysOf(worker.get(NotifyProcessor))).toBe(keys);
    // One read, one cached key, whoever asks.
    expect(await keysOf(worker.get(MailProcessor)).get()).toBe(await unitOfWorkKeys(worker.get(UseCases)).get());
  });
});
