import type { Bilingual } from '@rueda/domain';
import type { ParticipantFilter } from '../../invitations/schemas';

/** A participant an invitation may be for: its usable addresses, what is wrong with the others, and its link. */
export interface AudienceMember {
  participantId: string;
  externalId: string;
  name: string;
  to: string[];
  problems: Bilingual[];
  /** null: no link yet; `retrievable: false`: issued before links were kept sealed, cannot be shown again. */
  link: { retrievable: boolean } | null;
}

/** Invitation campaigns and the participants they are for. */
export interface InvitationRepository {
  eventExists(eventId: string): Promise<boolean>;
  /** The participants of the filter, in the participants' page order. */
  audience(eventId: string, filter: ParticipantFilter): Promise<AudienceMember[]>;
  createCampaign(c: {
    eventId: string;
    filter: ParticipantFilter;
    total: number;
    skipped: { participantId: string; externalId: string; name: string; reason: Bilingual }[];
    createdBy: string | null;
  }): Promise<string>;
  /** One queued invitation email per recipient, to all its addresses, in the campaign. */
  insertInvitationEmails(eventId: string, campaignId: string, recipients: { participantId: string; to: string[] }[]): Promise<void>;
}
