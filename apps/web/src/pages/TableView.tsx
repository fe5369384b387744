import { useState } from 'react';
import { ApiError, post, session } from '../api';
import { useLiveRefresh, useLoad, useNow } from '../hooks';
import { LangToggle, useI18n } from '../i18n';
import { FREED_STATUSES, loadLiveData } from '../liveData';
import { dayBounds, PhaseNotice } from '../phase';
import type { MessageKey } from '../messages';
import type { Assignment, Delegate } from '../types';
import { QrScanner } from '../QrScanner';
import { ErrorBox, LiveIndicator, Loading, Notice, StatusBadge } from '../ui';

/** Held, no-show and cancelled meetings cannot change any more. */
const FINAL = new Set(['held', 'no_show', 'cancelled']);
type StaffStatus = 'checked_in' | 'held' | 'no_show';
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
  const { t, time } = useI18n();
  const [confirming, setConfirming] = useState<Assignment | null>(null);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const tick = useNow(1000);
  const data = useLoad(() => loadLiveData(eventId, { delegates: true }), [eventId]);
  const table = data.data?.tables.find((x) => x.number === tableNumber);
  const live = useLiveRefresh({ token: table ? session.token : null, eventId, tableId: table?.id, refresh: () => void data.reload() });
  const now = useNow(15_000);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const setStatus = async (a: Assignment, status: StaffStatus) => {
    const m = data.data?.meetings.get(a.meetingId);
    setError(undefined);
    setNotice(null);
    setBusy(a.meetingId);
    try {
      const r = await post<{ change?: { id: string; at: string; undoUntil: string } | null }>(
        `/events/${eventId}/live/meetings/${a.meetingId}/status`,
        {
          status,
          version: m?.version,
        },
      );
      if (r?.change)
        setUndoable({
          meetingId: a.meetingId,
          changeId: r.change.id,
          status,
          // The window's length as the server counts it, on this device's clock (the two may differ).
          until: Date.now() + Date.parse(r.change.undoUntil) - Date.parse(r.change.at),
          pair: `${a.participantA} – ${a.participantB}`,
        });
      await data.reload();
    } catch (e) {
      // The REST endpoint may not exist yet: try the socket, then explain.
      if (e instanceof ApiError && e.status === 404 && !e.messages) {
        const res = await live.client.current?.emitStatus({ meetingId: a.meetingId, status, version: m?.version });
        if (res?.ok) await data.reload();
        else if (res)
          setError(new ApiError(res.kind === 'conflict' ? 409 : 400, { error: res.code, messages: { es: res.es, en: res.en } }));
        else setNotice(t('table.notAvailable'));
      } else {
        setError(e);
        await data.reload();
      }
    } finally {
      setBusy(null);
    }
  };
  const undo = async (u: Undoable) => {
    setError(undefined);
    setNotice(null);
    setBusy(u.meetingId);
    try {
      await post(`/events/${eventId}/live/meetings/${u.meetingId}/undo`, { changeId: u.changeId });
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
      await post(`/events/${eventId}/live/checkins`, { delegateId: dl.id });
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
  const inPlay = (a: Assignment) => !FREED_STATUSES.has(d?.meetings.get(a.meetingId)?.status ?? '');
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
      </header>
      <main id="main" tabIndex={-1} className="container narrow table-page">
        <h1>
          {t('table.title', { n: tableNumber })}
          {table?.label && table.label !== t('table.title', { n: tableNumber }) ? ` · ${table.label}` : ''}
        </h1>
        <ErrorBox error={data.error ?? error} />
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
              const status = d.meetings.get(a.meetingId)?.status ?? 'scheduled';
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
                    <StatusBadge status={status} />
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
