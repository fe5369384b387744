import type { EntityManager } from 'typeorm';
import type { Repositories } from '@rueda/application';
import {
  TypeOrmDelegateRepository,
  TypeOrmEventFactsRepository,
  TypeOrmParticipantRepository,
  TypeOrmProposalRepository,
  TypeOrmSlotRepository,
  TypeOrmTableRepository,
} from './day';
import { TypeOrmLiveLogRepository, TypeOrmLiveStateRepository } from './live';
import { TypeOrmMeetingRepository } from './meetings';
import { TypeOrmNotificationRepository } from './notifications';
import { TypeOrmRecordRepository } from './records';
import { TypeOrmEventRepository } from './events';
import { TypeOrmMeetingRequestRepository } from './meeting-requests';
import { TypeOrmOutcomeRepository } from './outcomes';
import { TypeOrmScheduleRepository } from './schedules';
import { TypeOrmStatusChangeRepository } from './status-changes';
import { TypeOrmCalendarFeedRepository } from './calendar';
import { TypeOrmReviewRepository } from './reviews';
import { TypeOrmUserRepository } from './users';
import { TypeOrmSelfServiceRepository } from './self-service';
import { TypeOrmRegistrationRepository } from './registrations';
import { TypeOrmAccessLinkRepository } from './access-links';
import { TypeOrmMatchingRepository } from './matching';
import { TypeOrmInvitationRepository } from './invitations';
import { TypeOrmExportRepository } from './exports';
import { TypeOrmImportRepository } from './imports';
import type { LinkKeys } from '../../access/access-links';

export * from './day';
export * from './live';
export * from './meetings';
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

/** What some repositories need besides their entity manager (the key that seals personal links). */
export interface RepositoryDeps {
  linkKeys: LinkKeys;
}

const FACTORIES: { [K in keyof Repositories]: new (m: EntityManager, deps: RepositoryDeps) => Repositories[K] } = {
  meetings: TypeOrmMeetingRepository,
  live: TypeOrmLiveStateRepository,
  liveLog: TypeOrmLiveLogRepository,
  delegates: TypeOrmDelegateRepository,
  slots: TypeOrmSlotRepository,
  participants: TypeOrmParticipantRepository,
  tables: TypeOrmTableRepository,
  proposals: TypeOrmProposalRepository,
  schedules: TypeOrmScheduleRepository,
  statusChanges: TypeOrmStatusChangeRepository,
  eventFacts: TypeOrmEventFactsRepository,
  notifications: TypeOrmNotificationRepository,
  records: TypeOrmRecordRepository,
  events: TypeOrmEventRepository,
  calendarFeeds: TypeOrmCalendarFeedRepository,
  meetingRequests: TypeOrmMeetingRequestRepository,
  outcomes: TypeOrmOutcomeRepository,
  reviews: TypeOrmReviewRepository,
  users: TypeOrmUserRepository,
  selfService: TypeOrmSelfServiceRepository,
  registrations: TypeOrmRegistrationRepository,
  accessLinks: TypeOrmAccessLinkRepository,
  matching: TypeOrmMatchingRepository,
  invitations: TypeOrmInvitationRepository,
  exports: TypeOrmExportRepository,
  imports: TypeOrmImportRepository,
};

/** Every repository bound to one entity manager (a transaction's, or the pool's for reads), each made on first use. */
export function repositoriesOf(m: EntityManager, deps: RepositoryDeps): Repositories {
  const made = new Map<string, unknown>();
  const repos = {} as Repositories;
  for (const [name, Factory] of Object.entries(FACTORIES) as [
    keyof Repositories,
    new (m: EntityManager, deps: RepositoryDeps) => unknown,
  ][]) {
    Object.defineProperty(repos, name, {
      enumerable: true,
      get: () => {
        if (!made.has(name)) made.set(name, new Factory(m, deps));
        return made.get(name);
      },
    });
  }
  return repos;
}
