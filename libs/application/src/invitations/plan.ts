import type { Bilingual } from '@rueda/domain';
import type { AudienceMember } from '../ports/repositories';

const SKIP_REASONS = {
  noAddress: (problems: Bilingual[]): Bilingual => ({
    es: `sin dirección utilizable (${problems.map((p) => p.es).join('; ')})`,
    en: `no usable address (${problems.map((p) => p.en).join('; ')})`,
  }),
  legacyLink: {
    es: 'su enlace se emitió antes de poder mostrarse de nuevo: vuelva a emitirlo para invitarlo',
    en: 'its link was issued before links could be shown again: re-issue it to invite',
  },
};

export interface InvitationPlan {
  total: number;
  recipients: { participantId: string; name: string; to: string[]; warnings: Bilingual[] }[];
  skipped: { participantId: string; externalId: string; name: string; reason: Bilingual }[];
}

/**
 * Who an invitation reaches, and who not and why: a participant with no usable address, or
 * whose link cannot be shown again, is listed with the reason, never silently skipped. The
 * preview and the sending use this one plan.
 */
export function planInvitations(audience: readonly AudienceMember[]): InvitationPlan {
  const plan: InvitationPlan = { total: audience.length, recipients: [], skipped: [] };
  for (const a of audience) {
    const who = { participantId: a.participantId, externalId: a.externalId, name: a.name };
    if (a.to.length === 0) plan.skipped.push({ ...who, reason: SKIP_REASONS.noAddress(a.problems) });
    else if (a.link && !a.link.retrievable) plan.skipped.push({ ...who, reason: SKIP_REASONS.legacyLink });
    else plan.recipients.push({ participantId: a.participantId, name: a.name, to: a.to, warnings: a.problems });
  }
  return plan;
}
