import { z } from 'zod';
import { NOUNS, notFound } from '@rueda/domain';
import { organisers } from '../authorization';
import { useCase } from '../use-case';

export const CheckInDelegateCommand = z.object({ eventId: z.uuid(), delegateId: z.uuid() }).strict();

/** A delegate arrives. Checking in twice is harmless: the first time stands. */
export const CheckInDelegate = useCase({
  name: 'CheckInDelegate',
  command: CheckInDelegateCommand,
  authorize: organisers,
  async run({ tx, now }, cmd) {
    const d = await tx.repos.delegates.lock(cmd.eventId, cmd.delegateId);
    if (!d) throw notFound(NOUNS.delegate, cmd.delegateId);
    if (d.checkedInAt) return { delegate: d, alreadyCheckedIn: true };
    d.checkedInAt = now;
    const saved = await tx.repos.delegates.save(d);
    tx.record(cmd.eventId, {
      type: 'delegate.checked_in',
      participants: [d.participantId],
      tables: [],
      payload: { participantId: d.participantId, delegateId: d.id, checkedInAt: now.toISOString() },
    });
    return { delegate: saved, alreadyCheckedIn: false };
  },
});
