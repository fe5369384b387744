import { useState } from 'react';
import type { LiveMessage, LiveMeeting } from '@rueda/realtime';
import { session } from '../api';
import { ScheduleGrid } from '../Grid';
import { useLiveRefresh, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { loadLiveData, PRESENT } from '../liveData';
import type { MessageKey } from '../messages';
import { Link } from '../router';
import { ErrorBox, Field, LiveIndicator, Loading, Notice, Stat } from '../ui';
import { useEvent } from './EventConsole';

const SHOWN = ['scheduled', 'checked_in', 'held', 'no_show', 'cancelled'];

export function ControlRoomTab() {
  const { t, num, time } = useI18n();
  const { event, name } = useEvent();
  const data = useLoad(() => loadLiveData(event.id, { delegates: true }), [event.id]);
  const [table, setTable] = useState('1');
  const [feed, setFeed] = useState<LiveMessage[]>([]);
  const onMessage = (m: LiveMessage) => {
    setFeed((f) => [m, ...f].slice(0, 8));
    if ((m.type === 'meeting.updated' || m.type === 'meeting.created') && data.data) {
      const lm = m.payload as LiveMeeting;
      const prev = data.data.meetings.get(lm.id);
      if (prev) {
        const meetings = new Map(data.data.meetings);
        meetings.set(lm.id, { ...prev, status: lm.status, slotId: lm.slotId, tableId: lm.tableId, version: lm.version });
        data.setData({ ...data.data, meetings });
      }
    }
  };
  const live = useLiveRefresh({ token: session.token, eventId: event.id, refresh: () => void data.reload(), onMessage });
  if (!data.data) return data.error ? <ErrorBox error={data.error} /> : <Loading />;
  const d = data.data;
  const statuses = new Map(d.assignments.map((a) => [a.meetingId, d.meetings.get(a.meetingId)?.status ?? 'scheduled']));
  const counts = new Map<string, number>();
  for (const s of statuses.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  const present = new Set<string>();
  for (const a of d.assignments) {
    if (PRESENT.has(statuses.get(a.meetingId) ?? '')) {
      present.add(a.participantAId);
      present.add(a.participantBId);
    }
  }
  const expected = new Set(d.assignments.flatMap((a) => [a.participantAId, a.participantBId]));
  return (
    <div className="stack">
      <section className="card" aria-labelledby="control-title">
        <div className="page-head">
          <h2 id="control-title">{t('control.title')}</h2>
          <LiveIndicator state={live.state} />
        </div>
        {live.state !== 'live' && <p className="muted small">{t('live.fallback')}</p>}
        {!d.version ? <Notice kind="warn">{t('control.noPublished')}</Notice> : (
          <>
            <div className="stats">
              <Stat label={t('control.meetings')} value={num(d.assignments.length)} />
              {SHOWN.map((s) => <Stat key={s} label={t(`status.${s}` as MessageKey)} value={num(counts.get(s) ?? 0)} />)}
              <Stat label={t('control.checkedIn')} value={`${num(present.size)} / ${num(expected.size)}`} hint={t('control.checkedInHint')} />
              <Stat label={t('control.delegatesIn')} value={`${num(d.delegates.filter((x) => x.checkedInAt).length)} / ${num(d.delegates.length)}`} hint={t('control.delegatesInHint')} />
            </div>
            <ScheduleGrid slots={d.slots} tables={d.tables} assignments={d.assignments} timeZone={event.timeZone} statuses={statuses} byTable caption={t('control.grid')} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="feed-title">
        <h2 id="feed-title">{t('control.feed')}</h2>
        {feed.length === 0 ? <p className="muted">{t('control.feedEmpty')}</p> : (
          <ol className="feed" aria-live="polite">
            {feed.map((m) => (
              <li key={m.seq}>
                <span className="feed-time">{time(m.at, event.timeZone)}</span>
                <span>{t(`livetype.${m.type}` as MessageKey) === `livetype.${m.type}` ? m.type : t(`livetype.${m.type}` as MessageKey)}</span>
                {m.participants.length > 0 && <span className="muted">{m.participants.length === 2 ? `${name(m.participants[0])} ⇄ ${name(m.participants[1])}` : m.participants.length === 1 ? name(m.participants[0]) : t('control.nParticipants', { n: m.participants.length })}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="screens-title">
        <h2 id="screens-title">{t('control.screens')}</h2>
        <div className="form-row">
          <Link to={`board/${event.id}`} className="btn" target="_blank" rel="noopener">{t('control.openBoard')}</Link>
          <Field label={t('control.tableNumber')}>
            {(id) => (
              <select id={id} value={table} onChange={(e) => setTable(e.target.value)}>
                {d.tables.map((tb) => <option key={tb.id} value={tb.number}>{tb.number}</option>)}
              </select>
            )}
          </Field>
          <Link to={`table/${event.id}/${table}`} className="btn" target="_blank" rel="noopener">{t('control.openTable')}</Link>
        </div>
      </section>
    </div>
  );
}
