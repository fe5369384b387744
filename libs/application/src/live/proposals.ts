import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { conflict, NOUNS, notFound } from '@rueda/domain';
import { applyProposal, bestReplacement, liveSettings, type Proposal, PROPOSAL_STATUSES, toReplacementProposal } from '@rueda/live';
import type { ReplacementProposal, ReplacementUnavailable } from '@rueda/realtime';
import { allow, organisers } from '../authorization';
import type { LiveChange } from '../ports/changes';
import type { ProposalRecord } from '../ports/repositories';
import { query, useCase } from '../use-case';

const routeOf = (p: ReplacementProposal): Pick<LiveChange, 'participants' | 'tables'> => ({
  participants: p.candidate ? [p.candidate.participantAId, p.candidate.participantBId] : [],
  tables: [p.tableId],
});

export const RecoverCellCommand = z
  .object({
    eventId: z.uuid(),
    slotId: z.uuid(),
    tableId: z.uuid(),
    freedMeetingId: z.uuid().nullable(),
    /** The job's id: a request delivered twice (at-least-once queues) is answered once. */
    requestId: z.string().min(1).max(200).optional(),
  })
  .strict();

/** Tries of RecoverCell's read-decide-check before it gives up (the job is then retried). */
const RECOVER_TRIES = 3;

/**
 * A freed table and slot: the best meeting for it. In automatic mode a proposal that moves
 * nobody else is applied at once; otherwise it waits for an organiser. The recovery job runs
 * it (as the system) under the freed slot's lock only: whatever it places goes into that slot,
 * so recoveries of other slots and table marks go on meanwhile. The meetings it rewrites (a
 * waiting one placed, a later one moved) may have been changed by those since it read them:
 * it locks them and checks, and reads again if one has.
 */
export const RecoverCell = useCase({
  name: 'RecoverCell',
  command: RecoverCellCommand,
  authorize: allow('system', 'admin'),
  async run({ tx, now }, cmd): Promise<{ proposal: ProposalRecord; applied: boolean; repeated?: boolean }> {
    const settings = liveSettings((await tx.lockSlot(cmd.eventId, cmd.slotId)).settings);
    const cell = { slotId: cmd.slotId, tableId: cmd.tableId };
    const requestId = cmd.requestId ?? null;
    // A request answered already is answered the same; otherwise the cell's open proposal is
    // expired now (nothing read below looks at proposals, so sooner is the same as later).
    const done = await tx.repos.proposals.beginRecovery(cmd.eventId, cell, requestId, now);
    if (done) return { proposal: done, applied: done.status === 'applied', repeated: true };
    const decide = async () => {
      // Only the freed cell's neighbourhood is read: the cost follows the candidates looked at, not the event's size.
      const { ctx, nb } = await tx.repos.live.around(cmd.eventId, cell, now, { matchCandidates: settings.matchCandidates });
      const { proposal: best, day } = await bestReplacement(ctx, { ...cell, meetingId: cmd.freedMeetingId }, nb, {
        protectMinutes: settings.protectMinutes,
        allowMoves: true,
      });
      // Fills rank above moves and never need confirmation; moves into a slot about to start all do.
      // So the best is what automatic mode applies when it needs nobody's confirmation; otherwise it waits.
      const auto = !!best && settings.recoveryMode === 'automatic' && !best.requiresConfirmation;
      const applied =
        best && auto ? applyProposal(day.state, best, { protectMinutes: settings.protectMinutes, newMeetingId: randomUUID() }) : null;
      return { best, auto, applied: applied?.ok ? applied : null };
    };
    let decision = await decide();
    for (let tries = 1; decision.applied && !(await tx.repos.meetings.lockAsRead(cmd.eventId, decision.applied)); tries++) {
      if (tries === RECOVER_TRIES) {
        throw conflict('live_state_changed', {
          es: 'Las reuniones de esta franja cambiaron mientras se buscaba un reemplazo; se reintentará',
          en: 'The meetings of this slot changed while a replacement was being sought; it will be retried',
        });
      }
      decision = await decide();
    }
    const { best, auto, applied } = decision;
    const id = randomUUID();
    if (!best) {
      // Nothing to propose: the log says the cell stays free, never that a proposal exists.
      const payload: ReplacementUnavailable = { proposalId: id, ...cell, freedMeetingId: cmd.freedMeetingId };
      const row = await tx.repos.proposals.insert({
        id,
        eventId: cmd.eventId,
        ...cell,
        freedMeetingId: cmd.freedMeetingId,
        status: 'expired',
        mode: settings.recoveryMode,
        proposal: { none: true },
        resultMeetingId: null,
        resolvedAt: now,
        requestId,
      });
      tx.record(cmd.eventId, { type: 'replacement.unavailable', participants: [], tables: [cmd.tableId], payload });
      return { proposal: row, applied: false };
    }
    const payload = toReplacementProposal(best, {
      proposalId: id,
      freedMeetingId: cmd.freedMeetingId,
      mode: auto ? 'automatic' : 'confirm',
    });
    let resultMeetingId: string | null = null;
    const changes: LiveChange[] = [];
    if (applied) {
      changes.push(...(await tx.repos.meetings.applyLiveChange(cmd.eventId, applied, 'replacement', now)).changes);
      resultMeetingId = applied.meeting.id;
    }
    const row = await tx.repos.proposals.insert({
      id,
      eventId: cmd.eventId,
      ...cell,
      freedMeetingId: cmd.freedMeetingId,
      status: resultMeetingId ? 'applied' : 'proposed',
      mode: auto ? 'automatic' : 'confirm',
      proposal: best as unknown as Record<string, unknown>,
      resultMeetingId,
      resolvedAt: resultMeetingId ? now : null,
      requestId,
    });
    tx.record(cmd.eventId, ...changes, { type: 'replacement.proposed', ...routeOf(payload), payload });
    return { proposal: row, applied: !!resultMeetingId };
  },
});

export const ResolveProposalCommand = z.object({ eventId: z.uuid(), proposalId: z.uuid(), accept: z.boolean() }).strict();

/** An organiser accepts or rejects a waiting proposal; accepting re-checks it against the current state. */
export const ResolveProposal = useCase({
  name: 'ResolveProposal',
  command: ResolveProposalCommand,
  authorize: organisers,
  async run({ tx, now }, cmd) {
    const settings = liveSettings((await tx.lockEvent(cmd.eventId)).settings);
    const row = await tx.repos.proposals.lock(cmd.eventId, cmd.proposalId);
    if (!row) throw notFound(NOUNS.proposal, cmd.proposalId);
    if (row.status !== 'proposed') {
      throw conflict('proposal_resolved', { es: `La propuesta ya está «${row.status}»`, en: `The proposal is already "${row.status}"` });
    }
    const p = row.proposal as unknown as Proposal;
    const changes: LiveChange[] = [];
    if (cmd.accept) {
      const state = await tx.repos.live.load(cmd.eventId, now, { matchCandidates: settings.matchCandidates });
      // Accepting is the organiser's confirmation, so protected moves are allowed here.
      const applied = applyProposal(state, p, { protectMinutes: settings.protectMinutes, newMeetingId: randomUUID() });
      if (!applied.ok) {
        throw conflict('not_possible', { es: `Ya no es posible: ${applied.reason.es}`, en: `No longer possible: ${applied.reason.en}` });
      }
      changes.push(...(await tx.repos.meetings.applyLiveChange(cmd.eventId, applied, 'replacement', now)).changes);
      row.resultMeetingId = applied.meeting.id;
    }
    row.status = cmd.accept ? 'applied' : 'rejected';
    row.resolvedAt = now;
    const saved = await tx.repos.proposals.save(row);
    tx.record(cmd.eventId, ...changes, {
      type: 'replacement.resolved',
      participants: [p.meeting.a, p.meeting.b],
      tables: [row.tableId],
      payload: { proposalId: cmd.proposalId, accepted: cmd.accept },
    });
    return saved;
  },
});

export const ListProposalsInput = z.object({ eventId: z.uuid(), status: z.enum(PROPOSAL_STATUSES).optional() }).strict();

/** The event's replacement proposals, newest first (at most 200). */
export const ListProposals = query({
  name: 'ListProposals',
  input: ListProposalsInput,
  authorize: organisers,
  run: ({ repos }, q) => repos.proposals.list(q.eventId, q.status),
});
