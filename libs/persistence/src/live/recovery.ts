import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { conflict, NOUNS, notFound } from '@rueda/domain';
import { applyProposal, Cell, Proposal, proposeReplacement, toReplacementProposal } from '@rueda/live';
import type { ReplacementProposal, ReplacementUnavailable } from '@rueda/realtime';
import { ReplacementProposalEntity } from '../entities';
import { LiveChange } from './live-log';
import { loadLiveState, lockEvent, lockLiveState } from './live-state';
import { persistMeetingChanges } from './persist-live';

export interface RecoveryResult {
  proposal: ReplacementProposalEntity;
  applied: boolean;
  changes: LiveChange[];
}

const routeOf = (p: ReplacementProposal): Pick<LiveChange, 'participants' | 'tables'> => ({
  participants: p.candidate ? [p.candidate.participantAId, p.candidate.participantBId] : [],
  tables: [p.tableId],
});

/**
 * Finds the best meeting for a freed table and slot. In automatic mode a proposal that moves
 * nobody else is applied at once; otherwise it waits for an organiser. Runs under the event
 * lock, inside the caller's transaction; the caller appends `changes` to the live log.
 */
export async function recoverCell(
  m: EntityManager,
  eventId: string,
  cell: Cell & { freedMeetingId: string | null },
  now?: Date,
): Promise<RecoveryResult> {
  const { settings: opts, state } = await lockLiveState(m, eventId, now);
  const proposals = proposeReplacement(
    state,
    { slotId: cell.slotId, tableId: cell.tableId, meetingId: cell.freedMeetingId },
    { protectMinutes: opts.protectMinutes, allowMoves: true, limit: 5 },
  );
  // Automatic mode applies the best proposal that needs nobody's confirmation; the rest wait.
  const best = (opts.recoveryMode === 'automatic' ? proposals.find((p) => !p.requiresConfirmation) : undefined) ?? proposals[0];
  const repo = m.getRepository(ReplacementProposalEntity);
  // A newer freeing of the same cell supersedes an older open proposal.
  await repo.update(
    { eventId, slotId: cell.slotId, tableId: cell.tableId, status: 'proposed' },
    { status: 'expired', resolvedAt: new Date() },
  );
  const id = randomUUID();
  const changes: LiveChange[] = [];
  if (!best) {
    // Nothing to propose: the log says the cell stays free, never that a proposal exists.
    const payload: ReplacementUnavailable = {
      proposalId: id,
      slotId: cell.slotId,
      tableId: cell.tableId,
      freedMeetingId: cell.freedMeetingId,
    };
    const row = await repo.save(
      repo.create({
        id,
        eventId,
        slotId: cell.slotId,
        tableId: cell.tableId,
        freedMeetingId: cell.freedMeetingId,
        status: 'expired',
        mode: opts.recoveryMode,
        proposal: { none: true },
        resolvedAt: new Date(),
      }),
    );
    changes.push({ type: 'replacement.unavailable', participants: [], tables: [cell.tableId], payload });
    return { proposal: row, applied: false, changes };
  }
  const auto = opts.recoveryMode === 'automatic' && !best.requiresConfirmation;
  const payload = toReplacementProposal(best, {
    proposalId: id,
    freedMeetingId: cell.freedMeetingId,
    mode: auto ? 'automatic' : 'confirm',
  });
  let resultMeetingId: string | null = null;
  if (auto) {
    const applied = applyProposal(state, best, { protectMinutes: opts.protectMinutes, newMeetingId: randomUUID() });
    if (applied.ok) {
      const persisted = await persistMeetingChanges(m, eventId, applied, 'replacement');
      changes.push(...persisted.changes);
      resultMeetingId = applied.meeting.id;
    }
  }
  const row = await repo.save(
    repo.create({
      id,
      eventId,
      slotId: cell.slotId,
      tableId: cell.tableId,
      freedMeetingId: cell.freedMeetingId,
      status: resultMeetingId ? 'applied' : 'proposed',
      mode: auto ? 'automatic' : 'confirm',
      proposal: best as unknown as Record<string, unknown>,
      resultMeetingId,
      resolvedAt: resultMeetingId ? new Date() : null,
    }),
  );
  changes.push({ type: 'replacement.proposed', ...routeOf(payload), payload });
  return { proposal: row, applied: !!resultMeetingId, changes };
}

/** An organiser accepts or rejects a waiting proposal; accepting re-checks it against the current state. */
export async function resolveProposal(
  m: EntityManager,
  eventId: string,
  proposalId: string,
  accept: boolean,
  now?: Date,
): Promise<{ proposal: ReplacementProposalEntity; changes: LiveChange[] }> {
  const opts = await lockEvent(m, eventId);
  const repo = m.getRepository(ReplacementProposalEntity);
  const row = await repo.findOneBy({ id: proposalId, eventId });
  if (!row) throw notFound(NOUNS.proposal, proposalId);
  if (row.status !== 'proposed')
    throw conflict('proposal_resolved', { es: `La propuesta ya está «${row.status}»`, en: `The proposal is already "${row.status}"` });
  const changes: LiveChange[] = [];
  if (accept) {
    const state = await loadLiveState(m, eventId, now);
    // Accepting is the organiser's confirmation, so protected moves are allowed here.
    const applied = applyProposal(state, row.proposal as unknown as Proposal, {
      protectMinutes: opts.protectMinutes,
      newMeetingId: randomUUID(),
    });
    if (!applied.ok)
      throw conflict('not_possible', { es: `Ya no es posible: ${applied.reason.es}`, en: `No longer possible: ${applied.reason.en}` });
    const persisted = await persistMeetingChanges(m, eventId, applied, 'replacement');
    changes.push(...persisted.changes);
    row.resultMeetingId = applied.meeting.id;
  }
  row.status = accept ? 'applied' : 'rejected';
  row.resolvedAt = new Date();
  const saved = await repo.save(row);
  const p = row.proposal as unknown as Proposal;
  changes.push({
    type: 'replacement.resolved',
    participants: [p.meeting.a, p.meeting.b],
    tables: [row.tableId],
    payload: { proposalId, accepted: accept },
  });
  return { proposal: saved, changes };
}
