import { z } from 'zod';
import { forbidden, invalidField, NOUNS, notFound } from '@rueda/domain';
import { rooms } from '@rueda/realtime';
import { allow, organisers } from '../authorization';
import type { LiveScope } from '../ports/repositories';
import { query } from '../use-case';

export const LiveSubscriptionInput = z
  .object({
    eventId: z.uuid().optional(),
    lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    tableId: z.uuid().optional(),
  })
  .strict();

/**
 * Which event, scope and rooms a live subscriber gets: a participant its own agenda (its
 * link decides the event), a table view one table, organisers and the board everything.
 */
export const LiveSubscription = query({
  name: 'LiveSubscription',
  input: LiveSubscriptionInput,
  // A participant's link decides its event, whatever event it names: nothing to refuse there.
  authorize: (principal) => allow('admin', 'staff', 'participant')(principal),
  async run({ repos, principal }, q): Promise<{ eventId: string; scope: LiveScope; rooms: string[]; lastSeq: number }> {
    const lastSeq = q.lastSeq ?? 0;
    if (principal.type === 'participant') {
      // A participant's own room is joined at connection; the event room carries event-wide messages.
      return {
        eventId: principal.eventId,
        scope: { participantId: principal.participantId },
        rooms: [rooms.event(principal.eventId)],
        lastSeq,
      };
    }
    if (!q.eventId) throw invalidField('eventId', 'campo requerido para organizadores', 'required for organisers');
    if (q.tableId) {
      if (!(await repos.tables.exists(q.eventId, q.tableId))) throw notFound(NOUNS.table, q.tableId);
      return { eventId: q.eventId, scope: { tableId: q.tableId }, rooms: [rooms.table(q.tableId), rooms.event(q.eventId)], lastSeq };
    }
    return { eventId: q.eventId, scope: {}, rooms: [rooms.staff(q.eventId), rooms.board(q.eventId), rooms.event(q.eventId)], lastSeq };
  },
});

export const ReplayLiveInput = z
  .object({
    eventId: z.uuid(),
    lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    scope: z.object({ participantId: z.uuid().optional(), tableId: z.uuid().optional() }).strict(),
  })
  .strict();

/** What a subscriber missed after its last sequence number, with the newest one. */
export const ReplayLive = query({
  name: 'ReplayLive',
  input: ReplayLiveInput,
  authorize: (principal, q) => {
    allow('admin', 'staff', 'participant')(principal, q);
    // A participant replays its own agenda only.
    if (principal.type === 'participant' && q.scope.participantId !== principal.participantId) throw forbidden();
  },
  async run({ repos }, q) {
    const [seq, missed] = await Promise.all([repos.liveLog.current(q.eventId), repos.liveLog.after(q.eventId, q.lastSeq, q.scope)]);
    return { seq, missed };
  },
});

export const LiveLogInput = z
  .object({ eventId: z.uuid(), after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) })
  .strict();

/** The event's live log after a sequence number (organisers see everything). */
export const LiveLog = query({
  name: 'LiveLog',
  input: LiveLogInput,
  authorize: organisers,
  run: ({ repos }, q) => repos.liveLog.after(q.eventId, q.after, {}),
});
