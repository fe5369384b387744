import { session } from '../api';
import { useLiveRefresh, useLoad, useNow } from '../hooks';
import { useI18n } from '../i18n';
import { FREED_STATUSES, loadLiveData } from '../liveData';
import { dayBounds, PhaseNotice } from '../phase';
import type { Assignment } from '../types';
import { ErrorBox, LiveIndicator, Loading } from '../ui';

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

function Round({
  title,
  rows,
  timeZone,
  until,
  untilLabel,
}: {
  title: string;
  rows: Assignment[];
  timeZone: string;
  until: number;
  untilLabel: string;
}) {
  const { t, time } = useI18n();
  const now = useNow(1000);
  return (
    <section className="board-round" aria-label={title}>
      <div className="board-round-head">
        <h2>
          {title}{' '}
          <span className="board-time">
            {time(rows[0].startsAt, timeZone)}–{time(rows[0].endsAt, timeZone)}
          </span>
        </h2>
        <div className="board-countdown" role="timer" aria-live="off">
          <span className="board-countdown-label">{untilLabel}</span> {countdown(until - now, t)}
        </div>
      </div>
      <ol className="board-tables">
        {rows.map((a) => (
          <li key={a.meetingId}>
            <span className="board-table-no" aria-label={t('grid.tableN', { n: a.table })}>
              {a.table}
            </span>
            <span className="board-pair">
              <span>{a.participantA}</span>
              <span className="board-with">{a.participantB}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function BoardPage({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const data = useLoad(() => loadLiveData(eventId), [eventId]);
  const live = useLiveRefresh({ token: session.token, eventId, view: 'board', refresh: () => void data.reload(), pollMs: 20_000 });
  const now = useNow(1000);
  const d = data.data;
  const bySlot = new Map<string, Assignment[]>();
  for (const a of (d?.assignments ?? []).filter((x) => !FREED_STATUSES.has(d?.meetings.get(x.meetingId)?.status ?? '')))
    bySlot.set(a.slotId, [...(bySlot.get(a.slotId) ?? []), a]);
  const rounds = [...bySlot.values()]
    .map((rows) => rows.sort((x, y) => x.table - y.table))
    .sort((x, y) => x[0].startsAt.localeCompare(y[0].startsAt));
  const current = rounds.find((r) => Date.parse(r[0].startsAt) <= now && Date.parse(r[0].endsAt) > now);
  const next = rounds.find((r) => Date.parse(r[0].startsAt) > now);
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
              title={t('board.now')}
              rows={current}
              timeZone={d.event.timeZone}
              until={Date.parse(current[0].endsAt)}
              untilLabel={t('board.endsIn')}
            />
          )}
          {next && (
            <Round
              title={t('board.next')}
              rows={next}
              timeZone={d.event.timeZone}
              until={Date.parse(next[0].startsAt)}
              untilLabel={t('board.startsIn')}
            />
          )}
          {!current && !next && <p className="board-empty">{t('board.finished')}</p>}
        </div>
      )}
    </main>
  );
}
