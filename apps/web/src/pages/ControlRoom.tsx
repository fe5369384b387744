import { useMemo, useState } from 'react';
import type { LivePush, LiveMeeting, ReplacementProposal, ReplacementUnavailable } from '@rueda/realtime';
import { call, client, session } from '../api';
import { FREED, ScheduleGrid, type GridMove } from '../Grid';
import { useLiveFeed, useLiveLoad, useNow } from '../hooks';
import { useI18n } from '../i18n';
import { liveDataReducer, proposalsReducer, type DayAssignment } from '../live-apply';
import { liveAssignments, loadLiveData, PRESENT } from '../liveData';
import type { MessageKey } from '../messages';
import { Link } from '../router';
import { dayBounds, PhaseNotice } from '../phase';
import { CountStat, ErrorBox, Field, LiveIndicator, Loading, Notice, Stat, StatusBadge } from '../ui';
import { useEvent } from './event-context';
import { CorrectionPanel } from './Correction';
import { DayOperations, MoveForm, ProposalsPanel, RecoveryMode, useCellName, useReadableIds, type DayContext } from './LiveOps';

const SHOWN = ['scheduled', 'checked_in', 'held', 'no_show', 'cancelled'];
const MOVABLE = new Set(['scheduled', 'checked_in']);
const withDelegates = liveDataReducer({ delegates: true });

export function ControlRoomTab() {
  const { t, num, time, errorText } = useI18n();
  const { event, reloadEvent } = useEvent();
  const data = useLiveLoad(() => loadLiveData(event.id, { delegates: true }), [event.id], withDelegates);
  const proposals = useLiveLoad(
    async () => {
      const [waiting, applied] = await Promise.all([
        call(client.GET('/events/{eventId}/live/proposals', { params: { path: { eventId: event.id }, query: { status: 'proposed' } } })),
        call(client.GET('/events/{eventId}/live/proposals', { params: { path: { eventId: event.id }, query: { status: 'applied' } } })),
      ]);
      return { waiting, applied };
    },
    [event.id],
    proposalsReducer,
  );
  const now = useNow(15_000);
  const [table, setTable] = useState('1');
  const [feed, setFeed] = useState<LivePush[]>([]);
  const [pending, setPending] = useState<GridMove | null>(null);
  const [snapBack, setSnapBack] = useState<string | null>(null);
  const [moveMsg, setMoveMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const refresh = () => {
    void data.reload();
    void proposals.reload();
  };
  // Each message is applied to the grid and the proposals (live-apply.ts); the feed lists the latest.
  const onMessage = (m: LivePush) => setFeed((f) => [m, ...f].slice(0, 10));
  const live = useLiveFeed({ token: session.token, eventId: event.id, fed: [data, proposals], onMessage });
  const d = data.data;
  const byId = useMemo(() => new Map((d?.participants ?? []).map((p) => [p.id, p])), [d?.participants]);
  const name = (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? id.slice(0, 8)) : '—');
  const ctx: DayContext | null = d
    ? {
        event,
        slots: d.slots,
        tables: d.tables,
        participants: d.participants,
        name,
        meetings: d.meetings,
        slotById: new Map(d.slots.map((s) => [s.id, s])),
        tableById: new Map(d.tables.map((tb) => [tb.id, tb])),
        changed: refresh,
      }
    : null;
  const emptyCtx = { slotById: new Map(), tableById: new Map(), meetings: new Map(), name, event } as unknown as DayContext;
  const cellName = useCellName(ctx ?? emptyCtx);
  const readable = useReadableIds(ctx ?? emptyCtx);
  if (!d || !ctx) return data.error ? <ErrorBox error={data.error} /> : <Loading />;

  // Statuses change with live messages before the next reload: rebuild the cells from the meetings.
  let assignments = liveAssignments(d.meetings.values(), d.slots, d.tables, name);
  // While a move is on its way the meeting is drawn at its target; a refusal snaps it back.
  if (pending) {
    const s = ctx.slotById.get(pending.slotId);
    const tb = ctx.tableById.get(pending.tableId);
    if (s && tb)
      assignments = assignments.map((a) =>
        a.meetingId === pending.meetingId
          ? { ...a, slotId: s.id, slot: s.code, startsAt: s.startsAt, endsAt: s.endsAt, tableId: tb.id, table: tb.number }
          : a,
      );
  }
  const statuses = new Map(assignments.map((a) => [a.meetingId, d.meetings.get(a.meetingId)?.status ?? 'scheduled']));
  const counts = new Map<string, number>();
  for (const s of statuses.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  const present = new Set<string>();
  for (const a of assignments) {
    if (PRESENT.has(statuses.get(a.meetingId) ?? '')) {
      present.add(a.participantAId);
      present.add(a.participantBId);
    }
  }
  const active = assignments.filter((a) => !FREED.has(statuses.get(a.meetingId) ?? ''));
  const expected = new Set(active.flatMap((a) => [a.participantAId, a.participantBId]));
  const canDrag = (a: DayAssignment) => MOVABLE.has(statuses.get(a.meetingId) ?? '') && Date.parse(a.endsAt) > now;
  const movable = active.filter(canDrag);
  const alerts = assignments.filter((a) => statuses.get(a.meetingId) === 'no_show');
  const pairOf = (a: DayAssignment) => `${a.participantA} ⇄ ${a.participantB}`;

  const move = async (mv: GridMove) => {
    const a = assignments.find((x) => x.meetingId === mv.meetingId);
    if (!a || (a.slotId === mv.slotId && a.tableId === mv.tableId)) return;
    const m = d.meetings.get(mv.meetingId);
    setMoveMsg(null);
    setSnapBack(null);
    setPending(mv);
    try {
      await call(
        client.POST('/events/{eventId}/live/meetings/{meetingId}/move', {
          params: { path: { eventId: event.id, meetingId: mv.meetingId } },
          body: { slotId: mv.slotId, tableId: mv.tableId, version: m?.version },
        }),
      );
      await data.reload();
      setMoveMsg({ kind: 'ok', text: t('move.ok', { pair: pairOf(a), cell: cellName(mv.slotId, mv.tableId) }) });
    } catch (e) {
      setMoveMsg({
        kind: 'error',
        text: t('move.refused', { pair: pairOf(a), cell: cellName(mv.slotId, mv.tableId), reason: readable(errorText(e)) }),
      });
      setSnapBack(mv.meetingId);
      void data.reload();
    } finally {
      setPending(null);
    }
  };

  const feedText = (m: LivePush) => {
    const label = t(`livetype.${m.type}` as MessageKey) === `livetype.${m.type}` ? m.type : t(`livetype.${m.type}` as MessageKey);
    if (m.type === 'replacement.proposed') {
      const p = m.payload as ReplacementProposal;
      // Older logs carried "no candidate" as a proposal: say what it was, a table left free.
      if (!p.candidate) return `${t('livetype.replacement.unavailable')}: ${cellName(p.slotId, p.tableId)}`;
      const who = `${name(p.candidate.participantAId)} ⇄ ${name(p.candidate.participantBId)}`;
      return `${label} (${p.mode === 'automatic' ? t('proposals.auto') : t('recovery.confirm').split(':')[0]}): ${who} → ${cellName(p.slotId, p.tableId)}`;
    }
    if (m.type === 'replacement.unavailable') {
      const p = m.payload as ReplacementUnavailable;
      return `${label}: ${cellName(p.slotId, p.tableId)}`;
    }
    return label;
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="control-title">
        <div className="page-head">
          <h2 id="control-title">{t('control.title')}</h2>
          <LiveIndicator state={live.state} />
        </div>
        {live.state !== 'live' && <p className="muted small">{t('live.fallback')}</p>}
        <PhaseNotice bounds={dayBounds(d.slots)} now={now} timeZone={event.timeZone} />
        {!d.version ? (
          <Notice kind="warn">{t('control.noPublished')}</Notice>
        ) : (
          <div className="stats">
            <CountStat label="control.meetings" n={active.length} />
            {SHOWN.map((s) => (
              <CountStat key={s} label={`statusCount.${s}` as MessageKey} n={counts.get(s) ?? 0} />
            ))}
            <Stat label={t('control.checkedIn')} value={`${num(present.size)} / ${num(expected.size)}`} hint={t('control.checkedInHint')} />
            <Stat
              label={t('control.delegatesIn')}
              value={`${num(d.delegates.filter((x) => x.checkedInAt).length)} / ${num(d.delegates.length)}`}
              hint={t('control.delegatesInHint')}
            />
          </div>
        )}
      </section>
      {d.version && (
        <>
          <section className={`card alerts-card${alerts.length ? ' has-alerts' : ''}`} aria-labelledby="alerts-title">
            <h2 id="alerts-title">{t('control.alerts')}</h2>
            <div aria-live="polite">
              {alerts.length === 0 ? (
                <p className="muted">{t('control.noAlerts')}</p>
              ) : (
                <ul className="alert-list">
                  {alerts.map((a) => (
                    <li key={a.meetingId} className="alert alert-error no-show-alert" data-meeting={a.meetingId}>
                      <span aria-hidden="true">⚠ </span>
                      {t('control.noShowAlert', { pair: pairOf(a), slot: `${a.slot} ${time(a.startsAt, event.timeZone)}`, table: a.table })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
          {proposals.data && <ProposalsPanel ctx={ctx} waiting={proposals.data.waiting} applied={proposals.data.applied} />}
          <ErrorBox error={proposals.error} />
          <section className="card" aria-labelledby="grid-title">
            <h2 id="grid-title">{t('control.grid')}</h2>
            <div className="move-feedback" aria-live="assertive">
              {moveMsg && <Notice kind={moveMsg.kind}>{moveMsg.text}</Notice>}
            </div>
            <ScheduleGrid
              slots={d.slots}
              tables={d.tables}
              assignments={assignments}
              timeZone={event.timeZone}
              statuses={statuses}
              byTable
              caption={t('control.grid')}
              onMove={(mv) => void move(mv)}
              canDrag={canDrag}
              snapBack={snapBack}
            />
            <MoveForm slots={d.slots} tables={d.tables} timeZone={event.timeZone} movable={movable} onMove={(mv) => void move(mv)} />
            <RecoveryMode ctx={ctx} reloadEvent={reloadEvent} />
          </section>
          <DayOperations ctx={ctx} now={now} />
          <CorrectionPanel eventId={event.id} timeZone={event.timeZone} assignments={assignments} meetings={d.meetings} onDone={refresh} />
        </>
      )}
      <section className="card" aria-labelledby="feed-title">
        <h2 id="feed-title">{t('control.feed')}</h2>
        {feed.length === 0 ? (
          <p className="muted">{t('control.feedEmpty')}</p>
        ) : (
          <ol className="feed" aria-live="polite">
            {feed.map((m) => {
              const lm = m.type === 'meeting.updated' || m.type === 'meeting.created' ? (m.payload as LiveMeeting) : null;
              const named = m.participants ?? [];
              return (
                <li key={m.seq} className={lm?.status === 'no_show' ? 'feed-alert' : undefined}>
                  <span className="feed-time">{time(m.at, event.timeZone)}</span>
                  <span>{feedText(m)}</span>
                  {lm && <StatusBadge status={lm.status} />}
                  {!m.type.startsWith('replacement.') && named.length > 0 && (
                    <span className="muted">
                      {named.length === 2
                        ? `${name(named[0])} ⇄ ${name(named[1])}`
                        : named.length === 1
                          ? name(named[0])
                          : t('control.nParticipants', { n: named.length })}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="screens-title">
        <h2 id="screens-title">{t('control.screens')}</h2>
        <div className="form-row">
          <Link to={`board/${event.id}`} className="btn" target="_blank" rel="noopener">
            {t('control.openBoard')}
          </Link>
          <Link to={`board/${event.id}/find`} className="btn" target="_blank" rel="noopener">
            {t('control.openFind')}
          </Link>
          <Field label={t('control.tableNumber')}>
            {(id) => (
              <select id={id} value={table} onChange={(e) => setTable(e.target.value)}>
                {d.tables.map((tb) => (
                  <option key={tb.id} value={tb.number}>
                    {tb.number}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Link to={`table/${event.id}/${table}`} className="btn" target="_blank" rel="noopener">
            {t('control.openTable')}
          </Link>
        </div>
      </section>
    </div>
  );
}
