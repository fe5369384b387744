import { useState } from 'react';
import { ON_AGENDA_STATUSES } from '@rueda/domain';
import { bearerHeader, call, client, saveFile, type Schemas } from '../api';
import { CalendarFeed } from './CalendarFeed';
import { CheckInQrs } from './CheckInQr';
import { PushOptIn } from './PushOptIn';
import { OutcomeForms } from './OutcomeForm';
import { useLiveFeed, useNow } from '../hooks';
import { agendaReducer } from '../live-apply';
import { LangToggle, useI18n } from '../i18n';
import { PhaseNotice } from '../phase';
import { Link } from '../router';
import { OfflineBanner } from '../offline/OfflineBanner';
import { keyOf, unreachable } from '../offline/snapshot';
import { useOfflineLoad } from '../offline/useOfflineLoad';
import type { MatchRow } from '../types';
import { ErrorBox, LiveIndicator, Loading, Notice, StatusBadge } from '../ui';

type MyMeeting = Schemas['MyMeeting'];

const UPCOMING = new Set<string>(ON_AGENDA_STATUSES);

export function AgendaPage({ token }: { token: string }) {
  const { t, time, day, zone } = useI18n();
  // The agenda stays readable offline: each answer is kept on the phone with the time it was read.
  const kept = `agenda.${keyOf(token)}`;
  const headers = bearerHeader(token);
  const me = useOfflineLoad(`${kept}.me`, () => call(client.GET('/me', { headers })), [token]);
  const meetings = useOfflineLoad(
    `${kept}.meetings`,
    () => call(client.GET('/me/meetings', { headers })),
    [token],
    undefined,
    agendaReducer,
  );
  const matches = useOfflineLoad(
    `${kept}.matches`,
    () =>
      call(client.GET('/me/matches', { headers })).catch((e) => {
        if (unreachable(e)) throw e;
        return { items: [] as MatchRow[] };
      }),
    [token],
  );
  const live = useLiveFeed({ token, fed: [meetings], pollMs: 15_000 });
  const [error, setError] = useState<unknown>();
  const now = useNow(30_000);
  const myId = me.data?.participant.id;
  const tz = me.data?.event?.timeZone ?? 'America/Guayaquil';
  const names = new Map<string, string>();
  for (const m of matches.data?.items ?? []) {
    names.set(m.gadmId, m.gadmName);
    names.set(m.cooperantId, m.cooperantName);
  }
  const other = (m: MyMeeting) => (m.participantAId === myId ? m.participantBId : m.participantAId);
  const counterpart = (m: MyMeeting) => m.counterpartName || names.get(other(m)) || t('agenda.unknownCounterpart');
  const startsAt = (m: MyMeeting) => m.startsAt;
  const endsAt = (m: MyMeeting) => m.endsAt;
  const tableNo = (m: MyMeeting) => m.tableNumber;
  const answer = async (m: MyMeeting, how: 'accept' | 'decline') => {
    setError(undefined);
    try {
      const params = { path: { meetingId: m.id } };
      const body = { version: m.version };
      await call(
        how === 'accept'
          ? client.POST('/me/requests/{meetingId}/accept', { params, body, headers })
          : client.POST('/me/requests/{meetingId}/decline', { params, body, headers }),
      );
      await meetings.reload();
    } catch (e) {
      setError(e);
    }
  };
  if (me.error && !unreachable(me.error)) {
    return (
      <main id="main" className="agenda container narrow">
        <div className="login-lang">
          <LangToggle />
        </div>
        <h1>{t('agenda.title')}</h1>
        <Notice kind="error">{t('agenda.badLink')}</Notice>
      </main>
    );
  }
  if (!me.data || !meetings.data)
    return (
      <main id="main" className="agenda container narrow">
        <ErrorBox error={me.error ?? meetings.error} />
        {!me.error && !meetings.error && <Loading />}
      </main>
    );
  const all = meetings.data;
  const agenda = all.filter((m) => UPCOMING.has(m.status)).sort((a, b) => (startsAt(a) ?? '9').localeCompare(startsAt(b) ?? '9'));
  const received = all.filter((m) => m.status === 'requested' && m.awaitingMyAnswer);
  const sent = all.filter((m) => m.status === 'requested' && m.participantAId === myId);
  const accepted = all.filter((m) => m.status === 'accepted');
  let lastDay = '';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <header className="topbar agenda-top no-print">
        <span className="brand">{t('app.name')}</span>
        <span className="spacer" />
        <LiveIndicator state={live.state} />
        <LangToggle />
      </header>
      <main id="main" tabIndex={-1} className="agenda container narrow">
        <h1>{t('agenda.title')}</h1>
        <p className="agenda-who">
          <strong>{me.data.participant.name}</strong>
          {me.data.event ? ` · ${me.data.event.name}` : ''}
          {me.data.event?.venue ? ` · ${me.data.event.venue}` : ''}
        </p>
        <div className="actions no-print">
          <Link className="btn" to={`a/${token}/datos`}>
            {t('ss.linkData')}
          </Link>
          <Link className="btn" to={`a/${token}/avisos`}>
            {t('ss.linkNotices')}
          </Link>
          <button type="button" className="btn" onClick={() => window.print()}>
            {t('agenda.print')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => saveFile(client.GET('/me/agenda.pdf', { headers, parseAs: 'blob' }), 'agenda.pdf').catch(setError)}
          >
            {t('agenda.pdf')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => saveFile(client.GET('/me/agenda.ics', { headers, parseAs: 'blob' }), 'agenda.ics').catch(setError)}
          >
            {t('agenda.ics')}
          </button>
        </div>
        {me.data.event && (
          <PhaseNotice
            bounds={{ startsAt: me.data.event.startsAt ?? null, endsAt: me.data.event.endsAt ?? null }}
            now={now}
            timeZone={tz}
          />
        )}
        <OfflineBanner savedAt={meetings.savedAt ?? me.savedAt} timeZone={tz} />
        <ErrorBox error={error ?? meetings.error} />
        <section aria-labelledby="my-meetings">
          <h2 id="my-meetings">{t('agenda.meetings', { n: agenda.length })}</h2>
          <p className="muted small">{t('agenda.tzNote', { tz: zone(tz, (agenda.length && startsAt(agenda[0])) || undefined) })}</p>
          {agenda.length === 0 ? (
            <p className="muted">{t('agenda.none')}</p>
          ) : (
            <ol className="agenda-list">
              {agenda.map((m) => {
                const s = startsAt(m);
                const d = s ? day(s, tz) : '';
                const header = d && d !== lastDay ? (lastDay = d) : null;
                return (
                  <li key={m.id} className={`agenda-item st-${m.status}`}>
                    {header && <h3 className="agenda-day">{header}</h3>}
                    <div className="agenda-row">
                      <div className="agenda-time">
                        {s ? `${time(s, tz)}${endsAt(m) ? `–${time(endsAt(m)!, tz)}` : ''}` : t('agenda.timeTbd')}
                      </div>
                      <div className="agenda-main">
                        <div className="agenda-counterpart">{counterpart(m)}</div>
                        {m.topic && <div className="small">{t('agenda.topic', { topic: m.topic })}</div>}
                        <div className="muted">
                          <strong className="agenda-table">
                            {tableNo(m) !== null ? t('agenda.table', { n: tableNo(m)! }) : t('agenda.tableTbd')}
                          </strong>
                          {m.slotCode ? ` · ${m.slotCode}` : ''}
                          {m.mandatory ? ` · ${t('meetings.mandatoryShort')}` : ''}
                        </div>
                        {m.videoUrl && (
                          <div className="small video-link">
                            <span className="tag">{t('hybrid.badge')}</span>{' '}
                            <a href={m.videoUrl} target="_blank" rel="noopener noreferrer">
                              {t('hybrid.join')}
                            </a>
                          </div>
                        )}
                      </div>
                      <StatusBadge status={m.status} />
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
        <CheckInQrs codes={me.data.checkInCodes ?? []} />
        <PushOptIn token={token} />
        <CalendarFeed token={token} participantId={me.data.participant.id} />
        <OutcomeForms
          token={token}
          timeZone={tz}
          refreshKey={all
            .filter((m) => m.status === 'held')
            .map((m) => m.id)
            .join(',')}
        />
        {received.length > 0 && (
          <section aria-labelledby="received" className="no-print">
            <h2 id="received">{t('agenda.received')}</h2>
            <ul className="plain-list">
              {received.map((m) => (
                <li key={m.id} className="card row">
                  <span>{counterpart(m)}</span>
                  <span className="spacer" />
                  <button type="button" className="btn btn-small btn-primary" onClick={() => answer(m, 'accept')}>
                    {t('meetings.accept')}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => answer(m, 'decline')}>
                    {t('meetings.decline')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {(sent.length > 0 || accepted.length > 0) && (
          <section aria-labelledby="pending">
            <h2 id="pending">{t('agenda.pending')}</h2>
            <ul className="plain-list">
              {[...accepted, ...sent].map((m) => (
                <li key={m.id} className="row">
                  <span>{counterpart(m)}</span> <StatusBadge status={m.status} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="muted small no-print">{t('agenda.footer')}</p>
      </main>
    </>
  );
}
