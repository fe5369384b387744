import { z } from 'zod';
import { forbidden, invalidField, NOUNS, notFound } from '@rueda/domain';
import { allow, organisers } from '../authorization';
import type { LiveScope } from '../ports/repositories';
import { query } from '../use-case';

const LastSeq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const LiveSubscriptionInput = z
  .object({
    eventId: z.uuid().optional(),
    /** Absent: the client has nothing yet (the replay says reset and names the head). */
    lastSeq: LastSeq.optional(),
    tableId: z.uuid().optional(),
    /** Organisers' tokens on the hall's big screen follow as the board (public data only). */
    view: z.enum(['board']).optional(),
  })
  .strict();

/**
 * Whom a live subscriber is in realtime's audience table: a participant its own agenda (its
 * link decides the event), a table view one table, the big screen the board, organisers all.
 */
export const LiveSubscription = query({
  name: 'LiveSubscription',
  input: LiveSubscriptionInput,
  // A participant's link decides its event, whatever event it names: nothing to refuse there.
  authorize: (principal) => allow('admin', 'staff', 'participant')(principal),
  async run({ repos, principal }, q): Promise<{ eventId: string; scope: LiveScope; lastSeq: number | undefined }> {
    if (principal.type === 'participant') {
      return { eventId: principal.eventId, scope: { audience: 'participant', recipientId: principal.participantId }, lastSeq: q.lastSeq };
    }
    if (!q.eventId) throw invalidField('eventId', 'campo requerido para organizadores', 'required for organisers');
    if (q.tableId) {
      if (!(await repos.tables.exists(q.eventId, q.tableId))) throw notFound(NOUNS.table, q.tableId);
      return { eventId: q.eventId, scope: { audience: 'table', recipientId: q.tableId }, lastSeq: q.lastSeq };
    }
    if (!(await repos.liveLog.exists(q.eventId))) throw notFound(NOUNS.event, q.eventId);
    return { eventId: q.eventId, scope: { audience: q.view === 'board' ? 'board' : 'organisers' }, lastSeq: q.lastSeq };
  },
});

export const ReplayLiveInput = z
  .object({
    eventId: z.uuid(),
    lastSeq: LastSeq.optional(),
    scope: z.object({ audience: z.enum(['organisers', 'board', 'table', 'participant']), recipientId: z.uuid().optional() }).strict(),
  })
  .strict();

/** One page of what a subscriber missed after its last sequence number, projected for it (see ReplayPage). */
export const ReplayLive = query({
  name: 'ReplayLive',
  input: ReplayLiveInput,
  authorize: (principal, q) => {
    allow('admin', 'staff', 'participant')(principal, q);
    // A participant replays its own agenda only.
    if (principal.type === 'participant' && (q.scope.audience !== 'participant' || q.scope.recipientId !== principal.participantId))
      throw forbidden();
  },
  run: ({ repos }, q) => repos.liveLog.page(q.eventId, q.lastSeq, q.scope),
});

export const LiveLogInput = z
  .object({ eventId: z.uuid(), after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) })
  .strict();

/** The event's live log after a sequence number (organisers see everything). */
export const LiveLog = query({
  name: 'LiveLog',
  input: LiveLogInput,
  authorize: organisers,
  run: ({ repos }, q) => repos.liveLog.after(q.eventId, q.after),
});

export const MeetingStatusHistoryInput = z.object({ eventId: z.uuid(), meetingId: z.uuid() }).strict();

/** A meeting's audit trail of status changes, newest first (who, when, before, after, why). */
export const MeetingStatusHistory = query({
  name: 'MeetingStatusHistory',
  input: MeetingStatusHistoryInput,
  authorize: organisers,
  run: ({ repos }, q) => repos.statusChanges.history(q.eventId, q.meetingId),
});
