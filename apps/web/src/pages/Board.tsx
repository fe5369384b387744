import { useEffect, useState } from 'react';
import { boardGrid, boardPageAt, boardPageMs, boardPages } from '@rueda/domain';
import { session } from '../api';
import { useLiveFeed, useLiveLoad, useNow } from '../hooks';
import { useI18n } from '../i18n';
import { liveDataReducer, type DayAssignment } from '../live-apply';
import { FREED_STATUSES, loadLiveData, type LiveData } from '../liveData';
import { dayBounds, PhaseNotice } from '../phase';
import { ErrorBox, LiveIndicator, Loading } from '../ui';

/** The board loads no delegates: it neither shows nor follows check-ins. */
export const withoutDelegates = liveDataReducer({ delegates: false });

function countdown(ms: number, t: ReturnType<typeof useI18n>['t']): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return t('board.inDays', { d, h });
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  return `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** The window's size, followed on resize (the board fits as many tables as the screen holds). */
function useViewport(): { width: number; height: number } {
  const read = () => ({ width: window.innerWidth, height: window.innerHeight });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const on = () => setSize(read());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

/** The rounds of the day that still occupy tables, each in table order, in time order. */
export function occupiedRounds(d: LiveData): DayAssignment[][] {
  const bySlot = new Map<string, DayAssignment[]>();
  for (const a of d.assignments.filter((x) => !FREED_STATUSES.has(d.meetings.get(x.meetingId)?.status ?? '')))
    bySlot.set(a.slotId, [...(bySlot.get(a.slotId) ?? []), a]);
  return [...bySlot.values()]
    .map((rows) => rows.sort((x, y) => x.table - y.table))
    .sort((x, y) => x[0].startsAt.localeCompare(y[0].startsAt));
}

function Round({
  kind,
  rows,
  timeZone,
  until,
  now,
  perPage,
  columns,
}: {
  kind: 'now' | 'next';
  rows: DayAssignment[];
  timeZone: string;
  until: number;
  now: number;
  perPage: number;
  columns: number;
}) {
  const { t, time } = useI18n();
  const title = t(kind === 'now' ? 'board.now' : 'board.next');
  const pages = boardPages(rows, perPage);
  const index = boardPageAt(now, pages.length);
  const page = pages[index];
  return (
    <section className="board-round" aria-label={title} data-round={kind}>
      <div className="board-round-head">
        <h2>
          {title}{' '}
          <span className="board-time">
            {time(rows[0].startsAt, timeZone)}–{time(rows[0].endsAt, timeZone)}
          </span>
        </h2>
        <div className="board-countdown" role="timer" aria-live="off">
          <span className="board-countdown-label">{t(kind === 'now' ? 'board.endsIn' : 'board.startsIn')}</span> {countdown(until - now, t)}
        </div>
      </div>
      {pages.length > 1 && (
        <p className="board-page" data-page={index + 1} data-pages={pages.length}>
          {t('board.page', {
            from: page[0].table,
            to: page[page.length - 1].table,
            page: index + 1,
            pages: pages.length,
            tables: rows.length,
            seconds: Math.round(boardPageMs(pages.length) / 1000),
          })}
        </p>
      )}
      <ol className="board-tables" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {page.map((a) => (
          <li key={a.meetingId} data-table={a.table}>
            <span className="board-table-no" aria-label={t('grid.tableN', { n: a.table })}>
              {a.table}
            </span>
            <span className="board-pair">
              <span title={a.participantA}>{a.participantA}</span>
              <span className="board-with" title={a.participantB}>
                {a.participantB}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The hall's big screen: the current and the next round side by side, every occupied table of
 * each, paged so that a round of 60 tables shows whole within one rotation of at most 30 s.
 */
export function BoardPage({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const data = useLiveLoad(() => loadLiveData(eventId), [eventId], withoutDelegates);
  const live = useLiveFeed({ token: session.token, eventId, view: 'board', fed: [data], pollMs: 20_000 });
  const now = useNow(1000);
  const { width, height } = useViewport();
  const d = data.data;
  const rounds = d ? occupiedRounds(d) : [];
  const current = rounds.find((r) => Date.parse(r[0].startsAt) <= now && Date.parse(r[0].endsAt) > now);
  const next = rounds.find((r) => Date.parse(r[0].startsAt) > now);
  // Side by side when both show on a wide screen; one round alone takes the whole width.
  const { columns, rows } = boardGrid(width, height, current && next ? 2 : 1);
  const perPage = columns * rows;
  return (
    <main id="main" className="board">
      <header className="board-head">
        <h1>{d?.event.name ?? t('app.name')}</h1>
        <LiveIndicator state={live.state} />
      </header>
      <ErrorBox error={data.error} />
      {!d ? (
        !data.error && <Loading />
      ) : !d.version ? (
        <p className="board-empty">{t('board.noAgenda')}</p>
      ) : (
        <div className="board-rounds">
          <PhaseNotice bounds={dayBounds(d.slots)} now={now} timeZone={d.event.timeZone} className="board-phase" />
          {current && (
            <Round
              kind="now"
              rows={current}
              timeZone={d.event.timeZone}
              until={Date.parse(current[0].endsAt)}
              now={now}
              perPage={perPage}
              columns={columns}
            />
          )}
          {next && (
            <Round
              kind="next"
              rows={next}
              timeZone={d.event.timeZone}
              until={Date.parse(next[0].startsAt)}
              now={now}
              perPage={perPage}
              columns={columns}
            />
          )}
          {!current && !next && <p className="board-empty">{t('board.finished')}</p>}
        </div>
      )}
    </main>
  );
}
