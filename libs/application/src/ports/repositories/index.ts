import type { MeetingRepository } from './meetings';
import type { StatusChangeRepository } from './status-changes';

export * from './meetings';
export * from './status-changes';

/**
 * Every repository a use case can reach through its transaction. Add one line here (and its
 * TypeORM implementation in libs/persistence) when a capability needs a new aggregate.
 */
export interface Repositories {
  readonly meetings: MeetingRepository;
  readonly statusChanges: StatusChangeRepository;
}
