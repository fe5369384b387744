import type {
  DelegateRepository,
  EventFactsRepository,
  ParticipantRepository,
  ProposalRepository,
  SlotRepository,
  TableRepository,
} from './day';
import type { LiveLogRepository, LiveStateRepository } from './live';
import type { EventRepository } from './events';
import type { MeetingRepository } from './meetings';
import type { MeetingRequestRepository } from './meeting-requests';
import type { OutcomeRepository } from './outcomes';
import type { NotificationRepository } from './notifications';
import type { RecordRepository } from './records';
import type { ScheduleRepository } from './schedules';
import type { StatusChangeRepository } from './status-changes';
import type { CalendarFeedRepository } from './calendar';
import type { ReviewRepository } from './reviews';
import type { UserRepository } from './users';
import type { SelfServiceRepository } from './self-service';
import type { RegistrationRepository } from './registrations';
import type { AccessLinkRepository } from './access-links';
import type { MatchingRepository } from './matching';
import type { InvitationRepository } from './invitations';
import type { ExportRepository } from './exports';
import type { ImportRepository } from './imports';

export * from './meetings';
export * from './live';
export * from './day';
export * from './schedules';
export * from './status-changes';
export * from './notifications';
export * from './records';
export * from './events';
export * from './calendar';
export * from './meeting-requests';
export * from './outcomes';
export * from './reviews';
export * from './users';
export * from './self-service';
export * from './registrations';
export * from './access-links';
export * from './matching';
export * from './invitations';
export * from './exports';
export * from './imports';

/**
 * Every repository a use case can reach through its transaction. Add one line here (and its
 * TypeORM implementation in libs/persistence) when a capability needs a new aggregate.
 */
export interface Repositories {
  readonly meetings: MeetingRepository;
  readonly live: LiveStateRepository;
  readonly liveLog: LiveLogRepository;
  readonly delegates: DelegateRepository;
  readonly slots: SlotRepository;
  readonly participants: ParticipantRepository;
  readonly tables: TableRepository;
  readonly proposals: ProposalRepository;
  readonly schedules: ScheduleRepository;
  readonly statusChanges: StatusChangeRepository;
  readonly eventFacts: EventFactsRepository;
  readonly notifications: NotificationRepository;
  readonly records: RecordRepository;
  readonly events: EventRepository;
  readonly calendarFeeds: CalendarFeedRepository;
  readonly meetingRequests: MeetingRequestRepository;
  readonly outcomes: OutcomeRepository;
  readonly reviews: ReviewRepository;
  readonly users: UserRepository;
  readonly selfService: SelfServiceRepository;
  readonly registrations: RegistrationRepository;
  readonly accessLinks: AccessLinkRepository;
  readonly matching: MatchingRepository;
  readonly invitations: InvitationRepository;
  readonly exports: ExportRepository;
  readonly imports: ImportRepository;
}
