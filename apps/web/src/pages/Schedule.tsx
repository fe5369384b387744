import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, allPages, call, client, type Schemas } from '../api';
import { saveSettings } from '../eventSettings';
import { FairnessChart } from '../FairnessChart';
import { ScheduleGrid, type GridMove } from '../Grid';
import { useInterval, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { IdleMeasure } from '../types';
import { CountStat, ErrorBox, Field, Loading, Notice, ParticipationFigures, Progress, Stat, StatusBadge } from '../ui';
import { Link } from '../router';
import { useEvent } from './event-context';
import { MoveForm } from './LiveOps';

/** A version as its review reads it (GET …/schedules/:versionId). */
type Version = Schemas['ScheduleVersionDetail'];

interface StaleChange {
  meetingId: string;
  live: { slotId: string; tableId: string };
  draft: { slotId: string; tableId: string } | null;
}

/** "es text / en text" (the solver's reasons) → the chosen language, with participant ids replaced by names. */
export function useBilingualText() {
  const { lang } = useI18n();
  const { name } = useEvent();
  return (s: string) => {
    const parts = s.split(' / ');
    const text = parts.length === 2 ? parts[lang === 'es' ? 0 : 1] : s;
    return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => name(id));
  };
}

/** The event's idle measure (PATCH /events/:id settings.idleMeasure): what the scheduler minimises after weight. */
function IdleMeasureField() {
  const { t } = useI18n();
  const { event, reloadEvent } = useEvent();
  const current: IdleMeasure = event.settings?.idleMeasure ?? 'holes';
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string | null>(null);
  const change = async (measure: IdleMeasure) => {
    setError(undefined);
    setSaved(null);
    try {
      await saveSettings(event.id, { idleMeasure: measure });
      await reloadEvent();
      setSaved(t('idle.saved', { measure: t(`idle.${measure}`) }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="grow">
      <Field label={t('idle.measure')} hint={t('idle.measureHint')}>
        {(id, h) => (
          <select id={id} aria-describedby={h} value={current} onChange={(e) => void change(e.target.value as IdleMeasure)}>
            <option value="holes">{t('idle.holes')}</option>
            <option value="breaks">{t('idle.breaks')}</option>
          </select>
        )}
      </Field>
      <ErrorBox error={error} />
      <div aria-live="polite">{saved && <Notice kind="ok">{saved}</Notice>}</div>
    </div>
  );
}

function GenerateForm({ hasPublished, onStarted }: { hasPublished: boolean; onStarted: (v: Schemas['ScheduleVersion']) => void }) {
  const { t } = useI18n();
  const { event } = useEvent();
  const [seed, setSeed] = useState(1);
  const [spread, setSpread] = useState('');
  const [seconds, setSeconds] = useState(20);
  const [minPerGadm, setMinPerGadm] = useState(1);
  const [mode, setMode] = useState<'full' | 'keep-published'>(hasPublished ? 'keep-published' : 'full');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setMode(hasPublished ? 'keep-published' : 'full'), [hasPublished]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'full' && hasPublished && !window.confirm(t('sched.fullConfirm'))) return;
    setBusy(true);
    setError(undefined);
    try {
      onStarted(
        await call(
          client.POST('/events/{eventId}/schedules', {
            params: { path: { eventId: event.id } },
            body: {
              seed,
              timeLimitSeconds: seconds,
              minMeetingsPerGadm: minPerGadm,
              mode,
              ...(spread.trim() !== '' ? { maxIdleSpread: Number(spread) } : {}),
            },
          }),
        ),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="gen-title">
      <h2 id="gen-title">{t('sched.generate')}</h2>
      <p className="muted">{t('sched.generateHelp')}</p>
      <div className="form-row">
        <Field label={t('sched.seconds')} hint={t('sched.secondsHint')}>
          {(id, h) => (
            <input
              id={id}
              aria-describedby={h}
              type="number"
              min={1}
              max={600}
              value={seconds}
              onChange={(e) => setSeconds(Number(e.target.value))}
            />
          )}
        </Field>
        <Field label={t('sched.minPerGadm')} hint={t('sched.minPerGadmHint')}>
          {(id, h) => (
            <input
              id={id}
              aria-describedby={h}
              type="number"
              min={0}
              max={20}
              value={minPerGadm}
              onChange={(e) => setMinPerGadm(Number(e.target.value))}
            />
          )}
        </Field>
        <Field label={t('sched.seed')} hint={t('sched.seedHint')}>
          {(id, h) => (
            <input id={id} aria-describedby={h} type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
          )}
        </Field>
        <Field label={t('idle.spread')} hint={t('idle.spreadHint')}>
          {(id, h) => (
            <input id={id} aria-describedby={h} type="number" min={0} max={50} value={spread} onChange={(e) => setSpread(e.target.value)} />
          )}
        </Field>
        <Field label={t('sched.mode')} hint={t('sched.modeHint')} className="grow">
          {(id, h) => (
            <select id={id} aria-describedby={h} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
              <option value="full">{t('sched.modeFull')}</option>
              <option value="keep-published" disabled={!hasPublished}>
                {t('sched.modeKeep')}
              </option>
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <IdleMeasureField />
      </div>
      <ErrorBox error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {hasPublished && mode === 'keep-published' ? t('sched.regenerate') : t('sched.start')}
      </button>
    </form>
  );
}

/**
 * Idle time by the event's measure with its proven minimum, and the proof: weight at its bound
 * and idle time at its minimum ⇒ "óptimo demostrado"; otherwise what is still open.
 */
function IdleAndProof({ v }: { v: Version }) {
  const { t, num } = useI18n();
  const measure = v.bounds.idleMeasure ?? 'holes';
  const idle = Number((measure === 'breaks' ? v.stats.breaks : v.stats.holes) ?? 0);
  const lower = v.bounds.idleLowerBound ?? (measure === 'holes' ? v.bounds.holesLowerBound : undefined);
  const weightGap = v.quality ? Math.max(0, v.quality.gapPercent) : undefined;
  return (
    <>
      <Stat
        label={t(`idle.value.${measure}`)}
        value={num(idle)}
        hint={[
          lower !== undefined ? t('proof.idleBound', { n: num(lower) }) : undefined,
          v.stats.breaks !== undefined ? t('idle.otherMeasure', { n: Number(v.stats.holes ?? 0), b: Number(v.stats.breaks) }) : undefined,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      {v.bounds.optimal !== undefined && (
        <Stat
          label={t('proof.title')}
          value={v.bounds.optimal ? `✓ ${t('proof.optimal')}` : t('proof.open')}
          hint={
            v.bounds.optimal
              ? t('proof.optimalHint')
              : t('proof.openHint', { w: num(weightGap ?? 0, 2), n: num(v.bounds.idleGap ?? Math.max(0, idle - (lower ?? 0))) })
          }
        />
      )}
    </>
  );
}

/** How waits fall on participants (issue 13's fairness of waits): histogram and spread. */
function WaitsChart({ v }: { v: Version }) {
  const { t, num } = useI18n();
  const idle = v.fairness?.idle;
  return (
    <>
      <h3>{t('waits.title')}</h3>
      {idle && Object.keys(idle.histogram).length > 0 ? (
        <>
          <FairnessChart
            histogram={idle.histogram}
            zeroIsBad={false}
            texts={{
              counted: t('waits.participants'),
              axis: t(`waits.perParticipant.${idle.measure}`),
              chartLabel: t('waits.chartLabel'),
              caption: t('waits.caption'),
            }}
          />
          <p className="muted small">{t('waits.spread', { n: num(idle.spread) })}</p>
        </>
      ) : (
        <p className="muted">{t('waits.none')}</p>
      )}
    </>
  );
}

function VersionReview({ versionId, onChanged }: { versionId: string; onChanged: () => void }) {
  const { t, num, dateTime } = useI18n();
  const { event } = useEvent();
  const reason = useBilingualText();
  const path = { eventId: event.id, versionId };
  const v = useLoad(() => call(client.GET('/events/{eventId}/schedules/{versionId}', { params: { path } })), [event.id, versionId]);
  const generating = v.data?.status === 'generating';
  const ready = v.data && v.data.status !== 'generating' && v.data.status !== 'failed';
  const slots = useLoad(() => call(client.GET('/events/{eventId}/slots', { params: { path } })), [event.id]);
  const tables = useLoad(
    () => allPages((page) => call(client.GET('/events/{eventId}/tables', { params: { path, query: { page, pageSize: 500 } } }))),
    [event.id],
  );
  const rows = useLoad(
    () => (ready ? call(client.GET('/events/{eventId}/schedules/{versionId}/assignments', { params: { path } })) : Promise.resolve([])),
    [event.id, versionId, ready],
  );
  const [error, setError] = useState<unknown>();
  const [wasGenerating, setWasGenerating] = useState(false);
  const [pending, setPending] = useState<GridMove | null>(null);
  const [snapBack, setSnapBack] = useState<string | null>(null);
  const [editMsg, setEditMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const { errorText, time } = useI18n();
  useInterval(() => void v.reload(), 1000, generating);
  useEffect(() => {
    if (generating) setWasGenerating(true);
    else if (wasGenerating) {
      setWasGenerating(false);
      onChanged();
    }
  }, [generating, wasGenerating, onChanged]);
  // A draft older than live changes it would undo: the server lists them (409 stale_draft) and the
  // organiser may publish keeping them (rebase), which lists the draft placements given up.
  const [stale, setStale] = useState<StaleChange[] | null>(null);
  const [rebased, setRebased] = useState<Schemas['PublishedSchedule']['rebased']>(null);
  const publish = async (rebase = false) => {
    if (!rebase && !window.confirm(t('sched.publishConfirm'))) return;
    setError(undefined);
    setRebased(null);
    try {
      const r = await call(
        client.POST('/events/{eventId}/schedules/{versionId}/publish', { params: { path }, body: rebase ? { rebase: true } : {} }),
      );
      setStale(null);
      setRebased(r.rebased);
      await v.reload();
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.body?.code === 'stale_draft') setStale((e.body as { changes?: StaleChange[] }).changes ?? []);
      setError(e);
    }
  };
  const cellName = (slotId: string, tableId: string) => {
    const s = slots.data?.find((x) => x.id === slotId);
    const tb = tables.data?.find((x) => x.id === tableId);
    return t('cell.name', { slot: s ? `${s.code} ${time(s.startsAt, event.timeZone)}` : '—', table: tb?.number ?? '—' });
  };
  /** Slot and table ids in a refusal, as people read them (participants are named by `reason`). */
  const readIds = (text: string) =>
    text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      const s = slots.data?.find((x) => x.id === id);
      if (s) return `${s.code} ${time(s.startsAt, event.timeZone)}`;
      const tb = tables.data?.find((x) => x.id === id);
      return tb ? t('grid.tableN', { n: tb.number }) : id;
    });
  /** Drag and drop on a draft (PUT …/assignments/:meetingId); a refusal snaps the meeting back with its reason. */
  const moveDraft = async (mv: GridMove) => {
    const a = rows.data?.find((x) => x.meetingId === mv.meetingId);
    if (!a || (a.slotId === mv.slotId && a.tableId === mv.tableId)) return;
    const pair = `${a.participantA} ⇄ ${a.participantB}`;
    setEditMsg(null);
    setSnapBack(null);
    setPending(mv);
    try {
      await call(
        client.PUT('/events/{eventId}/schedules/{versionId}/assignments/{meetingId}', {
          params: { path: { ...path, meetingId: mv.meetingId } },
          body: { slotId: mv.slotId, tableId: mv.tableId },
        }),
      );
      await Promise.all([rows.reload(), v.reload()]);
      setEditMsg({ kind: 'ok', text: t('move.ok', { pair, cell: cellName(mv.slotId, mv.tableId) }) });
    } catch (e) {
      setEditMsg({
        kind: 'error',
        text: t('move.refused', { pair, cell: cellName(mv.slotId, mv.tableId), reason: reason(readIds(errorText(e))) }),
      });
      setSnapBack(mv.meetingId);
    } finally {
      setPending(null);
    }
  };
  const removeDraft = async (meetingId: string) => {
    const a = rows.data?.find((x) => x.meetingId === meetingId);
    setEditMsg(null);
    try {
      await call(
        client.DELETE('/events/{eventId}/schedules/{versionId}/assignments/{meetingId}', { params: { path: { ...path, meetingId } } }),
      );
      await Promise.all([rows.reload(), v.reload()]);
      setEditMsg({ kind: 'ok', text: t('sched.removed', { pair: a ? `${a.participantA} ⇄ ${a.participantB}` : '' }) });
    } catch (e) {
      setEditMsg({ kind: 'error', text: reason(errorText(e)) });
    }
  };
  if (!v.data) return v.error ? <ErrorBox error={v.error} /> : <Loading />;
  const d = v.data;
  const isDraft = d.status === 'draft';
  const shown = (rows.data ?? []).map((a) => {
    if (!pending || a.meetingId !== pending.meetingId) return a;
    const s = slots.data?.find((x) => x.id === pending.slotId);
    const tb = tables.data?.find((x) => x.id === pending.tableId);
    return s && tb ? { ...a, slotId: s.id, slot: s.code, startsAt: s.startsAt, endsAt: s.endsAt, tableId: tb.id, table: tb.number } : a;
  });
  const f = d.fairness ?? {};
  const bound = d.quality?.bound ?? d.bounds?.weightUpperBound;
  return (
    <section className="card" aria-labelledby="review-title">
      <div className="page-head">
        <h2 id="review-title">
          {t('sched.version', { n: d.number })} <StatusBadge status={`sv_${d.status}`} />
        </h2>
        {d.status === 'draft' && (
          <button type="button" className="btn btn-primary" onClick={() => void publish()}>
            {t('sched.publish')}
          </button>
        )}
      </div>
      <p className="muted small">
        {t('sched.created', { when: dateTime(d.createdAt, event.timeZone) })}
        {d.publishedAt ? ` · ${t('sched.publishedAt', { when: dateTime(d.publishedAt, event.timeZone) })}` : ''}
        {d.params?.mode ? ` · ${t(d.params.mode === 'full' ? 'sched.modeFull' : 'sched.modeKeep')}` : ''}
      </p>
      <ErrorBox error={error} />
      {stale && d.status === 'draft' && (
        <Notice kind="warn">
          <ul>
            {stale.map((c) => {
              const a = rows.data?.find((x) => x.meetingId === c.meetingId);
              return (
                <li key={c.meetingId}>
                  {t('sched.staleChange', {
                    pair: a ? `${a.participantA} ⇄ ${a.participantB}` : t('sched.staleWalkIn'),
                    live: cellName(c.live.slotId, c.live.tableId),
                    draft: c.draft ? cellName(c.draft.slotId, c.draft.tableId) : t('sched.staleOut'),
                  })}
                </li>
              );
            })}
          </ul>
          <button type="button" className="btn btn-primary" onClick={() => void publish(true)}>
            {t('sched.rebase')}
          </button>
        </Notice>
      )}
      {rebased && (
        <Notice kind={rebased.conflicts.length ? 'warn' : 'ok'}>
          {t('sched.rebased', { n: rebased.conflicts.length })}
          {rebased.conflicts.length > 0 && (
            <ul>
              {rebased.conflicts.map((c) => {
                const a = rows.data?.find((x) => x.meetingId === c.meetingId);
                return (
                  <li key={c.meetingId}>
                    {a ? `${a.participantA} ⇄ ${a.participantB}` : c.meetingId} · {cellName(c.draft.slotId, c.draft.tableId)}
                  </li>
                );
              })}
            </ul>
          )}
        </Notice>
      )}
      {generating && (
        <div aria-live="polite" className="gen-progress">
          <Progress value={d.progress?.percent ?? 0} label={t('sched.progress')} />
          <div className="stats">
            <Stat label={t('sched.phase')} value={t(`phase.${d.progress?.phase ?? 'loading'}` as MessageKey)} />
            <Stat label={t('sched.best')} value={d.progress?.bestWeight !== undefined ? num(d.progress.bestWeight, 1) : '—'} />
            <Stat label={t('sched.bound')} value={d.progress?.bound !== undefined ? num(d.progress.bound, 1) : '—'} />
            <Stat
              label={t('sched.gap')}
              value={
                d.progress?.bestWeight !== undefined && d.progress?.bound
                  ? `${num((1 - d.progress.bestWeight / d.progress.bound) * 100, 1)} %`
                  : '—'
              }
            />
          </div>
        </div>
      )}
      {d.status === 'failed' && <Notice kind="error">{d.error ?? t('error.generic')}</Notice>}
      {ready && (
        <>
          <div className="stats">
            <CountStat label="sched.scheduled" n={Number(d.stats.scheduled ?? 0)} />
            <CountStat label="sched.unscheduled" n={d.unscheduled?.length ?? 0} />
            <Stat label={t('sched.weight')} value={num(Number(d.stats.weight ?? 0), 1)} />
            <Stat label={t('sched.bound')} value={bound !== undefined ? num(Number(bound), 1) : '—'} />
            <Stat
              label={t('sched.gap')}
              value={d.quality ? `${num(d.quality.gapPercent, 2)} %` : '—'}
              hint={d.quality ? t('sched.ratio', { r: num(d.quality.ratio * 100, 1) }) : undefined}
            />
            <IdleAndProof v={d} />
          </div>
          {d.stats.editedByHand && <p className="muted small">{t('proof.edited')}</p>}
          <div className="two-col">
            <div>
              <h3>{t('fair.title')}</h3>
              {f.histogram && Object.keys(f.histogram).length > 0 ? (
                <FairnessChart histogram={f.histogram} />
              ) : (
                <p className="muted">{t('fair.none')}</p>
              )}
            </div>
            <div>
              <WaitsChart v={d} />
              <h3>{t('fair.figures')}</h3>
              <ParticipationFigures participation={d.participation} />
              <dl className="kv">
                <dt>{t('fair.minMeanMax')}</dt>
                <dd>
                  {num(f.min ?? 0)} / {num(f.mean ?? 0, 2)} / {num(f.max ?? 0)}
                </dd>
                <dt>{t('fair.minRequesting')}</dt>
                <dd>{num(f.minAmongRequesting ?? 0)}</dd>
              </dl>
            </div>
          </div>
          <h3>{t('sched.unscheduledTitle')}</h3>
          {!d.unscheduled?.length ? (
            <p className="muted">{t('sched.allPlaced')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('sched.meeting')}</th>
                    <th scope="col">{t('sched.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.unscheduled.map((u) => (
                    <tr key={u.meeting}>
                      <td>{u.participants.join(' ⇄ ') || u.meeting}</td>
                      <td>{reason(u.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t('sched.grid')}</h3>
          {d.status === 'published' && (
            <p className="muted small">
              {t('sched.moveInControl')} <Link to={`events/${event.id}/control`}>{t('tab.control')}</Link>
            </p>
          )}
          {slots.data && tables.data && rows.data ? (
            <>
              <div className="move-feedback" aria-live="assertive">
                {editMsg && <Notice kind={editMsg.kind}>{editMsg.text}</Notice>}
              </div>
              <ScheduleGrid
                slots={slots.data}
                tables={tables.data}
                assignments={shown}
                timeZone={event.timeZone}
                caption={t('sched.grid')}
                onMove={isDraft ? (mv) => void moveDraft(mv) : undefined}
                snapBack={snapBack}
              />
              {isDraft && (
                <MoveForm
                  slots={slots.data}
                  tables={tables.data}
                  timeZone={event.timeZone}
                  movable={rows.data}
                  help={t('sched.dragHelp')}
                  onMove={(mv) => void moveDraft(mv)}
                  onRemove={(id) => void removeDraft(id)}
                />
              )}
            </>
          ) : (
            <Loading />
          )}
        </>
      )}
    </section>
  );
}

export function ScheduleTab() {
  const { t, dateTime } = useI18n();
  const { event } = useEvent();
  const versions = useLoad(() => call(client.GET('/events/{eventId}/schedules', { params: { path: { eventId: event.id } } })), [event.id]);
  const [selected, setSelected] = useState<string | null>(null);
  const list = versions.data ?? [];
  const current = selected ?? list[0]?.id ?? null;
  const hasPublished = list.some((v) => v.status === 'published');
  return (
    <div className="stack">
      <GenerateForm
        hasPublished={hasPublished}
        onStarted={(v) => {
          setSelected(v.id);
          void versions.reload();
        }}
      />
      <ErrorBox error={versions.error} />
      {list.length > 0 && (
        <section className="card" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('sched.versions')}</h2>
          <ul className="version-list">
            {list.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className={`version-btn ${v.id === current ? 'active' : ''}`}
                  aria-pressed={v.id === current}
                  onClick={() => setSelected(v.id)}
                >
                  <strong>{t('sched.version', { n: v.number })}</strong> <StatusBadge status={`sv_${v.status}`} />
                  <span className="muted small">{dateTime(v.createdAt, event.timeZone)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {current && <VersionReview key={current} versionId={current} onChanged={() => void versions.reload()} />}
    </div>
  );
}
