import { useMemo } from 'react';
import { allPages, call, client } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { Link } from '../router';
import { Shell } from '../Shell';
import { EventCtx, type EventContext } from './event-context';
import { ErrorBox, Loading } from '../ui';
import { SetupTab } from './Setup';
import { RecordsTab } from './Records';
import { MatchingTab } from './Matching';
import { MeetingsTab } from './Meetings';
import { ScheduleTab } from './Schedule';
import { ControlRoomTab } from './ControlRoom';
import { ReportsTab } from './Reports';
import { ReachTab } from './Reach';

const TABS: { id: string; key: MessageKey }[] = [
  { id: 'setup', key: 'tab.setup' },
  { id: 'records', key: 'tab.records' },
  { id: 'reach', key: 'tab.reach' },
  { id: 'matching', key: 'tab.matching' },
  { id: 'meetings', key: 'tab.meetings' },
  { id: 'schedule', key: 'tab.schedule' },
  { id: 'control', key: 'tab.control' },
  { id: 'after', key: 'tab.after' },
];

export function EventConsole({ eventId, tab }: { eventId: string; tab: string }) {
  const { t } = useI18n();
  const ev = useLoad(() => call(client.GET('/events/{eventId}', { params: { path: { eventId } } })), [eventId]);
  const parts = useLoad(
    () =>
      allPages((page) =>
        call(client.GET('/events/{eventId}/participants', { params: { path: { eventId }, query: { page, pageSize: 500 } } })),
      ),
    [eventId],
  );
  const ctx = useMemo<EventContext | null>(() => {
    if (!ev.data) return null;
    const list = parts.data ?? [];
    const byId = new Map(list.map((p) => [p.id, p]));
    return {
      event: ev.data,
      reloadEvent: ev.reload,
      participants: list,
      byId,
      reloadParticipants: parts.reload,
      name: (id) => (id ? (byId.get(id)?.name ?? id.slice(0, 8)) : '—'),
    };
  }, [ev.data, ev.reload, parts.data, parts.reload]);
  const current = TABS.find((x) => x.id === tab) ?? TABS[0];
  const nav = (
    <nav className="tabs" aria-label={t('tab.nav')}>
      <ul>
        {TABS.map((x) => (
          <li key={x.id}>
            <Link to={`events/${eventId}/${x.id}`} aria-current={x.id === current.id ? 'page' : undefined}>
              {t(x.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
  return (
    <Shell title={ev.data?.name} nav={nav}>
      <ErrorBox error={ev.error} />
      {!ctx ? (
        !ev.error && <Loading />
      ) : (
        <EventCtx.Provider value={ctx}>
          <h1 className="visually-hidden">{`${ctx.event.name} — ${t(current.key)}`}</h1>
          {current.id === 'setup' && <SetupTab />}
          {current.id === 'records' && <RecordsTab />}
          {current.id === 'reach' && <ReachTab />}
          {current.id === 'matching' && <MatchingTab />}
          {current.id === 'meetings' && <MeetingsTab />}
          {current.id === 'schedule' && <ScheduleTab />}
          {current.id === 'control' && <ControlRoomTab />}
          {current.id === 'after' && <ReportsTab />}
        </EventCtx.Provider>
      )}
    </Shell>
  );
}
