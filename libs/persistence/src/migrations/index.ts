import { InitialSchema1763700000000 } from './1763700000000-initial-schema';
import { ScheduleVersionParams1763800000000 } from './1763800000000-schedule-version-params';
import { Live1763900000000 } from './1763900000000-live';
import { OutcomesReports1764000000000 } from './1764000000000-outcomes-reports';
import { MatchCounterparts1764100000000 } from './1764100000000-counterparts-left-at';
import { LiveIndexes1764200000000 } from './1764200000000-live-indexes';
import { ParticipantLinkExpiry1764305000000 } from './1764305000000-participant-link-expiry';
import { TableVersion1764306000000 } from './1764306000000-table-version';
import { MeetingWindows1764307000000 } from './1764307000000-meeting-windows';
import { CalendarHybrid1764317000000 } from './1764317000000-calendar-hybrid';
import { MeetingStatusChanges1764318000000 } from './1764318000000-meeting-status-changes';
import { InstallSecrets1764319000000 } from './1764319000000-install-secrets';
import { PushSubscriptions1764320000000 } from './1764320000000-push-subscriptions';
import { LiveDelivery1764400000000 } from './1764400000000-live-delivery';
import { DraftLiveSeq1764410000000 } from './1764410000000-draft-live-seq';
import { Reach1764420000000 } from './1764420000000-reach';
import { PushReminders1764430000000 } from './1764430000000-push-reminders';
import { OneReservedTable1764440000000 } from './1764440000000-one-reserved-table';
import { RecoveryIndexes1764450000000 } from './1764450000000-recovery-indexes';

/** Every migration in order; the data source runs exactly these. */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  ScheduleVersionParams1763800000000,
  Live1763900000000,
  OutcomesReports1764000000000,
  MatchCounterparts1764100000000,
  LiveIndexes1764200000000,
  ParticipantLinkExpiry1764305000000,
  TableVersion1764306000000,
  MeetingWindows1764307000000,
  CalendarHybrid1764317000000,
  MeetingStatusChanges1764318000000,
  InstallSecrets1764319000000,
  PushSubscriptions1764320000000,
  LiveDelivery1764400000000,
  DraftLiveSeq1764410000000,
  Reach1764420000000,
  PushReminders1764430000000,
  OneReservedTable1764440000000,
  RecoveryIndexes1764450000000,
];
