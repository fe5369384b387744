import { useCallback, useEffect, useState } from 'react';
import { call, client, session } from '../api';
import { useInterval, useLiveFeed, useNow } from '../hooks';
import { LangToggle, useI18n } from '../i18n';
import { liveDataReducer, type DayAssignment } from '../live-apply';
import { FREED_STATUSES, loadLiveData, type LiveData } from '../liveData';
import { flushMarks, queuedMarks, queueMark, type MarkVerdict, type QueuedMark, type StaffStatus } from '../offline/marks';
import { OfflineBanner } from '../offline/OfflineBanner';
import { STAFF_SCOPE } from '../offline/snapshot';
import { useSignOut } from '../signOut';
import { useOfflineLoad } from '../offline/useOfflineLoad';
import { dayBounds, PhaseNotice } from '../phase';
import type { MessageKey } from '../messages';
import type { Delegate } from '../types';
import { QrScanner } from '../QrScanner';
import { ErrorBox, LiveIndicator, Loading, Notice, StatusBadge } from '../ui';

/** Held, no-show and cancelled meetings cannot change any more. */
const FINAL = new Set(['held', 'no_show', 'cancelled']);
/** The table's day kept on the device (a Map does not survive JSON). */
type KeptLiveData = Omit<LiveData, 'meetings'> & { meetings: [string, LiveData['meetings'] extends Map<string, infer M> ? M : never][] };
const keepLiveData = {
  save: (d: LiveData): KeptLiveData => ({ ...d, meetings: [...d.meetings] }),
  restore: (k: KeptLiveData): LiveData => ({ ...k, meetings: new Map(k.meetings) }),
};
const withDelegates = liveDataReducer({ delegates: true });
const ACTIONS: { status: StaffStatus; key: MessageKey; cls: string }[] = [
  { status: 'checked_in', key: 'table.checkIn', cls: 'btn-primary' },
  { status: 'held', key: 'table.held', cls: 'btn-ok' },
  { status: 'no_show', key: 'table.noShow', cls: 'btn-danger' },
];

/** A mark the table may still take back: its change id and the end of the window. */
interface Undoable {
  meetingId: string;
  changeId: string;
  status: StaffStatus;
  until: number;
  pair: string;
}

export function TablePage({ eventId, tableNumber }: { eventId: string; tableNumber: number }) {
  const { t, time, pick } = useI18n();
  const signOut = useSignOut();
  const [confirming, setConfirming] = useState<DayAssignment | null>(null);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const tick = useNow(1000);
  // The table's day stays readable offline: the last answer is kept with the time it was read.
  const data = useOfflineLoad(
    `${STAFF_SCOPE}table.${eventId}`,
    () => loadLiveData(eventId, { delegates: true }),
    [eventId],
    keepLiveData,
    withDelegates,
  );
  const table = data.data?.tables.find((x) => x.number === tableNumber);
  const live = useLiveFeed({ token: table ? session.token : null, eventId, tableId: table?.id, fed: [data] });
  const now = useNow(15_000);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Marks made offline wait in the queue; the server's verdicts on them are shown until dismissed.
  const [pending, setPending] = useState<QueuedMark[]>(() => queuedMarks(eventId));
  const [report, setReport] = useState<MarkVerdict[]>([]);
  useEffect(() => {
    const update = () => setPending(queuedMarks(eventId));
    update();
    window.addEventListener('rueda:marks', update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener('rueda:marks', update);
      window.removeEventListener('storage', update);
    };
  }, [eventId]);
  // Every mark goes through the one route (SetMeetingStatus), with its idempotency key.
  const send = useCallback(
    (m: QueuedMark, version: number | undefined) =>
      call(
        client.POST('/events/{eventId}/live/meetings/{meetingId}/status', {
          params: { path: { eventId, meetingId: m.meetingId } },
          body: { status: m.status, version, idempotencyKey: m.key },
        }),
      ),
    [eventId],
  );
  const reloadData = data.reload;
  const replay = useCallback(async () => {
    if (!queuedMarks(eventId).length) return;
    const verdicts = await flushMarks(eventId, send);
    if (verdicts.length) {
      // The "saved, will be sent" notice is over: the report says what became of each mark.
      setNotice(null);
      setReport((r) => [...r, ...verdicts]);
      await reloadData();
    }
  }, [eventId, send, reloadData]);
  useEffect(() => {
    const online = () => void replay();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [replay]);
  useEffect(() => {
    if (live.state === 'live') void replay();
  }, [live.state, replay]);
  useInterval(() => void replay(), 5000, pending.length > 0);
  const setStatus = async (a: DayAssignment, status: StaffStatus) => {
    const m = data.data?.meetings.get(a.meetingId);
    const pair = `${a.participantA} – ${a.participantB}`;
    setError(undefined);
    setNotice(null);
    setBusy(a.meetingId);
    try {
      const mark = queueMark({ eventId, meetingId: a.meetingId, status, version: m?.version, pair });
      const verdicts = await flushMarks(eventId, send);
      const mine = verdicts.find((v) => v.mark.key === mark.key);
      // Marks of earlier, offline moments that went with this one are reported apart.
      const earlier = verdicts.filter((v) => v !== mine);
      if (earlier.length) setReport((r) => [...r, ...earlier]);
      // Not in this flush's verdicts: still queued (offline), or sent by a flush already running (its report says).
      if (!mine) {
        if (queuedMarks(eventId).some((x) => x.key === mark.key))
          setNotice(t('offline.queuedNow', { status: t(`status.${status}` as MessageKey), pair }));
      } else if (!mine.ok) setError(mine.error);
      else if (mine.result?.change) {
        const c = mine.result.change;
        setUndoable({
          meetingId: a.meetingId,
          changeId: c.id,
          status,
          // The window's length as the server counts it, on this device's clock (the two may differ).
          until: Date.now() + Date.parse(c.undoUntil) - Date.parse(c.at),
          pair,
        });
      }
      if (mine) await data.reload();
    } finally {
      setBusy(null);
    }
  };
  const undo = async (u: Undoable) => {
    setError(undefined);
    setNotice(null);
    setBusy(u.meetingId);
    try {
      await call(
        client.POST('/events/{eventId}/live/meetings/{meetingId}/undo', {
          params: { path: { eventId, meetingId: u.meetingId } },
          body: { changeId: u.changeId },
        }),
      );
      setUndoable(null);
      setNotice(t('safety.undone', { pair: u.pair }));
      await data.reload();
    } catch (e) {
      setUndoable(null);
      setError(e);
      await data.reload();
    } finally {
      setBusy(null);
    }
  };
  const undoLeft = undoable ? Math.ceil((undoable.until - tick) / 1000) : 0;
  const checkIn = async (dl: Delegate) => {
    setError(undefined);
    setBusy(dl.id);
    try {
      await call(client.POST('/events/{eventId}/live/checkins', { params: { path: { eventId } }, body: { delegateId: dl.id } }));
      await data.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const d = data.data;
  const delegatesOf = (participantId: string) => d?.delegates.filter((x) => x.participantId === participantId) ?? [];
  const rows = d && table ? d.assignments.filter((a) => a.tableId === table.id).sort((x, y) => x.startsAt.localeCompare(y.startsAt)) : [];
  // A freed meeting (no-show, cancelled) stays listed, but the round in play is the one that replaced it.
  /** Where a refused mark's meeting is now, as the server answered: "Ahora: «Agendada», 11:30 · Mesa 1." */
  const whereNow = (v: MarkVerdict) => {
    const c = v.current;
    if (!c || !d) return '';
    const slot = d.slots.find((x) => x.id === c.slotId);
    const tb = d.tables.find((x) => x.id === c.tableId);
    const status = t(`status.${c.status}` as MessageKey);
    return ` ${slot && tb ? t('offline.nowAt', { status, time: time(slot.startsAt, d.event.timeZone), n: tb.number }) : t('offline.now', { status })}`;
  };
  /** The status the table sees: the server's, or the last mark still waiting to be sent. */
  const waiting = (meetingId: string) => [...pending].reverse().find((x) => x.meetingId === meetingId);
  const statusOf = (meetingId: string) => waiting(meetingId)?.status ?? d?.meetings.get(meetingId)?.status ?? 'scheduled';
  const inPlay = (a: DayAssignment) => !FREED_STATUSES.has(statusOf(a.meetingId));
  const currentIdx = rows.findIndex((a) => inPlay(a) && Date.parse(a.startsAt) <= now && Date.parse(a.endsAt) > now);
  const nextIdx = rows.findIndex((a) => inPlay(a) && Date.parse(a.startsAt) > now);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="topbar-title">{d?.event.name}</span>
        <span className="spacer" />
        <LiveIndicator state={live.state} />
        <LangToggle />
        {session.token && (
          <button type="button" className="btn btn-ghost" onClick={signOut}>
            {t('login.logout')}
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1} className="container narrow table-page">
        <h1>
          {t('table.title', { n: tableNumber })}
          {table?.label && table.label !== t('table.title', { n: tableNumber }) ? ` · ${table.label}` : ''}
        </h1>
        {d && <OfflineBanner savedAt={data.savedAt} timeZone={d.event.timeZone} />}
        <ErrorBox error={data.error ?? error} />
        {pending.length > 0 && <Notice kind="warn">{t('offline.queued', { n: pending.length })}</Notice>}
        {report.length > 0 && (
          <section className="alert alert-info mark-report" aria-labelledby="mark-report">
            <strong id="mark-report">{t('offline.report')}</strong>
            <ul>
              {report.map((v) => {
                const vars = { status: t(`status.${v.mark.status}` as MessageKey), pair: v.mark.pair };
                return (
                  <li key={v.mark.key} className={v.ok ? 'mark-ok' : 'mark-refused'}>
                    {v.ok
                      ? t(v.replayed ? 'offline.already' : 'offline.sent', vars)
                      : `${t('offline.refused', { ...vars, reason: pick(v.reason) })}${whereNow(v)}`}
                  </li>
                );
              })}
            </ul>
            <button type="button" className="btn btn-small" onClick={() => setReport([])}>
              {t('offline.dismiss')}
            </button>
          </section>
        )}
        {d && <PhaseNotice bounds={dayBounds(d.slots)} now={now} timeZone={d.event.timeZone} />}
        {notice && <Notice kind="warn">{notice}</Notice>}
        {undoable && undoLeft > 0 && (
          <div className="undo-bar alert alert-info" role="status">
            <span>{t('safety.marked', { pair: undoable.pair, status: t(`status.${undoable.status}` as MessageKey) })}</span>
            <button type="button" className="btn btn-small" disabled={busy === undoable.meetingId} onClick={() => void undo(undoable)}>
              {t('safety.undo', { s: undoLeft })}
            </button>
          </div>
        )}
        {confirming && (
          <div
            className="confirm-box alert alert-error"
            role="alertdialog"
            aria-labelledby="confirm-noshow-title"
            aria-describedby="confirm-noshow-help"
          >
            <strong id="confirm-noshow-title">
              {t('safety.confirmNoShow', { pair: `${confirming.participantA} – ${confirming.participantB}` })}
            </strong>
            <p id="confirm-noshow-help">{t('safety.confirmNoShowHelp')}</p>
            <div className="actions">
              <button
                type="button"
                className="btn btn-danger"
                autoFocus
                onClick={() => {
                  const a = confirming;
                  setConfirming(null);
                  void setStatus(a, 'no_show');
                }}
              >
                {t('safety.yesNoShow')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(null)}>
                {t('safety.back')}
              </button>
            </div>
          </div>
        )}
        {!d ? (
          !data.error && <Loading />
        ) : !table ? (
          <Notice kind="error">{t('table.unknown', { n: tableNumber })}</Notice>
        ) : !d.version ? (
          <Notice kind="warn">{t('control.noPublished')}</Notice>
        ) : rows.length === 0 ? (
          <p className="muted">{t('table.none')}</p>
        ) : (
          <ol className="table-rounds">
            {rows.map((a, i) => {
              const status = statusOf(a.meetingId);
              const queued = waiting(a.meetingId);
              const label = i === currentIdx ? t('table.now') : i === nextIdx ? t('table.next') : null;
              return (
                <li
                  key={a.meetingId}
                  className={`card round ${i === currentIdx ? 'round-current' : ''} st-${status}`}
                  aria-current={i === currentIdx ? 'step' : undefined}
                >
                  <div className="round-head">
                    <span className="round-time">
                      {time(a.startsAt, d.event.timeZone)}–{time(a.endsAt, d.event.timeZone)}
                    </span>
                    <span className="muted">{a.slot}</span>
                    {label && <span className="tag">{label}</span>}
                    <span className="spacer" />
                    {queued ? (
                      <span className="badge badge-pending">
                        {t('offline.pending', { status: t(`status.${queued.status}` as MessageKey) })}
                      </span>
                    ) : (
                      <StatusBadge status={status} />
                    )}
                  </div>
                  <div className="round-pair">
                    <span>{a.participantA}</span>
                    <span aria-hidden="true" className="muted">
                      ⇄
                    </span>
                    <span>{a.participantB}</span>
                  </div>
                  {(i === currentIdx || i === nextIdx) && [a.participantAId, a.participantBId].some((p) => delegatesOf(p).length > 0) && (
                    <ul className="delegates" aria-label={t('table.delegates')}>
                      {[a.participantAId, a.participantBId].flatMap(delegatesOf).map((dl) => (
                        <li key={dl.id}>
                          <span>
                            {dl.fullName}
                            {dl.role ? <span className="muted"> · {dl.role}</span> : null}
                          </span>
                          {dl.checkedInAt ? (
                            <span className="badge badge-checked_in">
                              {t('table.arrivedAt', { at: time(dl.checkedInAt, d.event.timeZone) })}
                            </span>
                          ) : (
                            <button
                              type="button"
                              className="btn btn-small"
                              disabled={busy === dl.id}
                              onClick={() => checkIn(dl)}
                              aria-label={`${t('table.delegateCheckIn')}: ${dl.fullName}`}
                            >
                              {t('table.delegateCheckIn')}
                            </button>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div className="row-actions">
                    {ACTIONS.map((x) => (
                      <button
                        key={x.status}
                        type="button"
                        className={`btn ${x.cls}`}
                        disabled={busy === a.meetingId || status === x.status || FINAL.has(status)}
                        onClick={() => (x.status === 'no_show' ? setConfirming(a) : void setStatus(a, x.status))}
                        aria-label={`${t(x.key)}: ${a.participantA} – ${a.participantB}`}
                      >
                        {t(x.key)}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {d && table && <QrScanner eventId={eventId} timeZone={d.event.timeZone} />}
      </main>
    </>
  );
}
