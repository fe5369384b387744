import { EventEntity } from './event.entity';
import { EventSessionEntity } from './event-session.entity';
import { SlotEntity } from './slot.entity';
import { TableEntity } from './table.entity';
import { ParticipantEntity } from './participant.entity';
import { DelegateEntity } from './delegate.entity';
import { UnavailabilityEntity } from './unavailability.entity';
import { DemandEntity } from './demand.entity';
import { OfferEntity } from './offer.entity';
import { MeetingEntity } from './meeting.entity';
import { ScheduleVersionEntity } from './schedule-version.entity';
import { ScheduleAssignmentEntity } from './schedule-assignment.entity';
import { MatchCounterpartEntity, MatchResultEntity, MatchRunEntity, PairOverrideEntity } from './match.entity';
import { AuthSessionEntity, UserEntity } from './user.entity';
import { ImportBatchEntity } from './import-batch.entity';
import { LiveMessageEntity, LiveStreamEntity, OutboxJobEntity, ReplacementProposalEntity } from './live.entity';
import { CommitmentEntity, ExportFileEntity, MeetingOutcomeEntity } from './outcome.entity';
import { IdempotentRequestEntity, MeetingStatusChangeEntity } from './status-change.entity';
import {
  AccessLinkEntity,
  EmailCampaignEntity,
  EmailMessageEntity,
  NotificationCursorEntity,
  NotificationEntity,
  NotificationPrefsEntity,
  ParticipantChangeEntity,
  RegistrationEntity,
} from './reach.entity';

export * from './event.entity';
export * from './event-session.entity';
export * from './slot.entity';
export * from './table.entity';
export * from './participant.entity';
export * from './delegate.entity';
export * from './unavailability.entity';
export * from './demand.entity';
export * from './offer.entity';
export * from './meeting.entity';
export * from './schedule-version.entity';
export * from './schedule-assignment.entity';
export * from './match.entity';
export * from './user.entity';
export * from './import-batch.entity';
export * from './live.entity';
export * from './outcome.entity';
export * from './status-change.entity';
export * from './reach.entity';

export const ENTITIES = [
  MeetingStatusChangeEntity,
  IdempotentRequestEntity,
  EventEntity,
  EventSessionEntity,
  SlotEntity,
  TableEntity,
  ParticipantEntity,
  DelegateEntity,
  UnavailabilityEntity,
  DemandEntity,
  OfferEntity,
  MeetingEntity,
  ScheduleVersionEntity,
  ScheduleAssignmentEntity,
  MatchRunEntity,
  MatchResultEntity,
  MatchCounterpartEntity,
  PairOverrideEntity,
  UserEntity,
  AuthSessionEntity,
  ImportBatchEntity,
  LiveMessageEntity,
  LiveStreamEntity,
  OutboxJobEntity,
  ReplacementProposalEntity,
  MeetingOutcomeEntity,
  CommitmentEntity,
  ExportFileEntity,
  AccessLinkEntity,
  EmailCampaignEntity,
  EmailMessageEntity,
  NotificationEntity,
  NotificationPrefsEntity,
  NotificationCursorEntity,
  ParticipantChangeEntity,
  RegistrationEntity,
];
