import { z } from 'zod';
import { NOUNS, notFound } from '@rueda/domain';
import { admins } from '../authorization';
import { useCase } from '../use-case';

export const IssueAccessLinkCommand = z.object({ eventId: z.uuid(), participantId: z.uuid() }).strict();

/**
 * An admin issues a participant's personal link again: the previous one stops working, and
 * what hung off it (the calendar feed, the phones subscribed to notices) goes with it, since
 * a link is re-issued because the old one got out. The edge drops the old link's live sockets
 * after commit, by the `replacedHash` this returns (by token, never by participant: the new
 * link's first socket may connect before the drop lands, and must survive it).
 */
export const IssueAccessLink = useCase({
  name: 'IssueAccessLink',
  command: IssueAccessLinkCommand,
  authorize: admins,
  async run({ tx, now }, { eventId, participantId }) {
    if (!(await tx.repos.records.participantInEvent(eventId, participantId))) throw notFound(NOUNS.participant, participantId);
    // The old link's hash, read under the row lock the re-issue takes anyway.
    const replacedHash = await tx.repos.accessLinks.lockCurrent(eventId, participantId);
    const issued = await tx.repos.accessLinks.issue(eventId, [participantId], { revoke: true, now });
    await tx.repos.accessLinks.dropDependents(eventId, participantId);
    return { token: issued.get(participantId)!, replacedHash };
  },
});
