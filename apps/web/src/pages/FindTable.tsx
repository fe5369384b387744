import { useState } from 'react';
import { nameMatches } from '@rueda/domain';
import { session } from '../api';
import { useLiveFeed, useLiveLoad, useNow } from '../hooks';
import { useI18n } from '../i18n';
import { loadLiveData } from '../liveData';
import { dayBounds, PhaseNotice } from '../phase';
import { QrScanner } from '../QrScanner';
import { ErrorBox, LiveIndicator, Loading } from '../ui';
import { occupiedRounds, withoutDelegates } from './Board';

/** Participants listed at most for one search (a kiosk answer, not a directory). */
const MAX_RESULTS = 6;

/**
 * The entrance screen's "find your table": a delegate types part of their institution's name
 * and sees where and when their meetings still to come take place (freed ones left out).
 */
export function FindTablePage({ eventId }: { eventId: string }) {
  const { t, time } = useI18n();
  const data = useLiveLoad(() => loadLiveData(eventId), [eventId], withoutDelegates);
  const live = useLiveFeed({ token: session.token, eventId, fed: [data], pollMs: 20_000 });
  const now = useNow(1000);
  const [query, setQuery] = useState('');
  const d = data.data;
  const ahead = d
    ? occupiedRounds(d)
        .flat()
        .filter((a) => Date.parse(a.endsAt) > now)
    : [];
  const searched = query.trim().length >= 2;
  const found = searched && d ? d.participants.filter((p) => nameMatches(p.name, query)) : [];
  return (
    <main id="main" className="board find">
      <header className="board-head">
        <h1>{t('find.title')}</h1>
        <LiveIndicator state={live.state} />
      </header>
      <ErrorBox error={data.error} />
      {!d ? (
        !data.error && <Loading />
      ) : (
        <>
          <PhaseNotice bounds={dayBounds(d.slots)} now={now} timeZone={d.event.timeZone} className="board-phase" />
          <form className="find-form" role="search" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor="find-q">{t('find.label')}</label>
            <input
              id="find-q"
              type="search"
              autoComplete="off"
              autoFocus
              value={query}
              placeholder={t('find.placeholder')}
              onChange={(e) => setQuery(e.target.value)}
            />
          </form>
          <div aria-live="polite" className="find-results">
            {searched && !found.length && <p className="find-none">{t('find.none', { q: query.trim() })}</p>}
            {found.slice(0, MAX_RESULTS).map((p) => {
              const mine = ahead.filter((a) => a.participantAId === p.id || a.participantBId === p.id);
              return (
                <section key={p.id} className="find-card" aria-label={p.name}>
                  <h2>{p.name}</h2>
                  {!mine.length ? (
                    <p>{t('find.noneLeft')}</p>
                  ) : (
                    <ol>
                      {mine.map((a) => {
                        const other = a.participantAId === p.id ? a.participantB : a.participantA;
                        const running = Date.parse(a.startsAt) <= now;
                        return (
                          <li key={a.meetingId} className={running ? 'find-now' : undefined}>
                            <span className="board-table-no" aria-label={t('grid.tableN', { n: a.table })}>
                              {a.table}
                            </span>
                            <span>
                              <strong>
                                {time(a.startsAt, d.event.timeZone)}–{time(a.endsAt, d.event.timeZone)}
                              </strong>{' '}
                              {running && <em>{t('find.running')} </em>}
                              {t('find.with', { name: other })}
                            </span>
                          </li>
                        );
                      })}
                    </ol>
                  )}
                </section>
              );
            })}
            {found.length > MAX_RESULTS && <p>{t('find.more', { n: found.length - MAX_RESULTS })}</p>}
          </div>
          <QrScanner eventId={eventId} timeZone={d.event.timeZone} />
        </>
      )}
    </main>
  );
}
