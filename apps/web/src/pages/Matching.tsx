import { useCallback, useEffect, useRef, useState } from 'react';
import { allPages, call, client } from '../api';
import { useInterval, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { MatchRow } from '../types';
import { ErrorBox, Field, Loading, Notice, Progress, Stat, StatusBadge, Pager } from '../ui';
import { useEvent } from './event-context';
import { LearningPanel } from './LearningPanel';

function RunPanel({ onDone }: { onDone: () => void }) {
  const { t, num, dateTime } = useI18n();
  const { event } = useEvent();
  const run = useLoad(
    () => call(client.GET('/events/{eventId}/matching/runs/latest', { params: { path: { eventId: event.id } } })),
    [event.id],
  );
  const [top, setTop] = useState(10);
  const [error, setError] = useState<unknown>();
  const active = run.data?.status === 'queued' || run.data?.status === 'running';
  const prevStatus = useRef<string | undefined>(undefined);
  useInterval(() => void run.reload(), 1000, active);
  useEffect(() => {
    const status = run.data?.status;
    if (status === 'done' && prevStatus.current && prevStatus.current !== 'done') onDone();
    prevStatus.current = status;
  }, [run.data?.status, onDone]);
  const start = async () => {
    setError(undefined);
    try {
      const started = await call(
        client.POST('/events/{eventId}/matching/runs', { params: { path: { eventId: event.id } }, body: { top } }),
      );
      run.setData({ ...started, stale: false });
    } catch (e) {
      setError(e);
    }
  };
  const r = run.data;
  return (
    <section className="card" aria-labelledby="run-title">
      <h2 id="run-title">{t('matching.run')}</h2>
      <p className="muted">{t('matching.runHelp')}</p>
      <div className="form-row">
        <Field label={t('matching.top')} hint={t('matching.topHint')}>
          {(id, hint) => (
            <input
              id={id}
              aria-describedby={hint}
              type="number"
              min={1}
              max={50}
              value={top}
              onChange={(e) => setTop(Number(e.target.value))}
            />
          )}
        </Field>
        <button type="button" className="btn btn-primary" onClick={start} disabled={active}>
          {active ? t('matching.running') : t('matching.start')}
        </button>
      </div>
      <ErrorBox error={error ?? run.error} />
      {r && (
        <div aria-live="polite">
          <p>
            {t('matching.status')}: <StatusBadge status={`run_${r.status}`} />{' '}
            {r.finishedAt && <span className="muted small">{dateTime(r.finishedAt, event.timeZone)}</span>}
          </p>
          {(active || r.status === 'done') && <Progress value={r.status === 'done' ? 100 : r.progress} label={t('matching.progress')} />}
          {r.status === 'failed' && <Notice kind="error">{r.error ?? t('error.generic')}</Notice>}
          {r.stale && r.status === 'done' && <Notice kind="warn">{t('matching.stale')}</Notice>}
          {r.status === 'done' && Object.keys(r.stats ?? {}).length > 0 && (
            <div className="stats">
              {Object.entries(r.stats)
                .filter(([, v]) => typeof v === 'number')
                .slice(0, 6)
                .map(([k, v]) => (
                  <Stat
                    key={k}
                    label={t(`runstat.${k}` as MessageKey) === `runstat.${k}` ? k : t(`runstat.${k}` as MessageKey)}
                    value={num(v as number, 2)}
                  />
                ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

export function MatchingTab() {
  const { t, num, lang } = useI18n();
  const { event, participants } = useEvent();
  const [mode, setMode] = useState<'all' | 'demandId' | 'offerId' | 'participantId'>('all');
  const [value, setValue] = useState('');
  const [page, setPage] = useState(1);
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<unknown>();
  const [info, setInfo] = useState<string | null>(null);
  const path = { eventId: event.id };
  const demands = useLoad(
    () => allPages((page) => call(client.GET('/events/{eventId}/demands', { params: { path, query: { page, pageSize: 500 } } }))),
    [event.id],
  );
  const offers = useLoad(
    () => allPages((page) => call(client.GET('/events/{eventId}/offers', { params: { path, query: { page, pageSize: 500 } } }))),
    [event.id],
  );
  const bump = useCallback(() => setRefresh((n) => n + 1), []);
  const pageSize = 50;
  const filter = mode !== 'all' && value ? { [mode]: value } : {};
  const matches = useLoad(
    () => call(client.GET('/events/{eventId}/matches', { params: { path, query: { page, pageSize, ...filter } } })),
    [event.id, mode, value, page, refresh],
  );
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setError(undefined);
    setInfo(null);
    try {
      await fn();
      setInfo(ok);
      await matches.reload();
    } catch (e) {
      setError(e);
    }
  };
  const override = (m: MatchRow, mode: 'pin' | 'block' | null) =>
    act(
      () =>
        mode
          ? call(
              client.PUT('/events/{eventId}/pair-overrides', {
                params: { path },
                body: { demandId: m.demandId, offerId: m.offerId, mode },
              }),
            )
          : call(
              client.DELETE('/events/{eventId}/pair-overrides', { params: { path, query: { demandId: m.demandId, offerId: m.offerId } } }),
            ),
      mode ? t(mode === 'pin' ? 'matching.pinned' : 'matching.blocked') : t('matching.cleared'),
    );
  const request = (m: MatchRow) =>
    act(
      () =>
        call(
          client.POST('/events/{eventId}/meetings/requests', {
            params: { path },
            body: { requesterId: m.gadmId, counterpartId: m.cooperantId, demandId: m.demandId, offerId: m.offerId },
          }),
        ),
      t('matching.requested', { a: m.gadmName, b: m.cooperantName }),
    );
  const addMeeting = (m: MatchRow) =>
    act(
      () =>
        call(
          client.POST('/events/{eventId}/meetings', {
            params: { path },
            body: { participantAId: m.gadmId, participantBId: m.cooperantId, demandId: m.demandId, offerId: m.offerId },
          }),
        ),
      t('matching.added', { a: m.gadmName, b: m.cooperantName }),
    );
  const options =
    mode === 'demandId'
      ? (demands.data ?? []).map((d) => ({ id: d.id, label: `${d.externalId} · ${d.title}` }))
      : mode === 'offerId'
        ? (offers.data ?? []).map((o) => ({ id: o.id, label: `${o.externalId} · ${o.title}` }))
        : participants.map((p) => ({ id: p.id, label: p.name }));
  const total = matches.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="stack">
      <RunPanel onDone={bump} />
      <LearningPanel version={refresh} />
      <section className="card" aria-labelledby="matches-title">
        <h2 id="matches-title">{t('matching.browse')}</h2>
        <div className="form-row filters">
          <Field label={t('matching.by')}>
            {(id) => (
              <select
                id={id}
                value={mode}
                onChange={(e) => {
                  setMode(e.target.value as typeof mode);
                  setValue('');
                  setPage(1);
                }}
              >
                <option value="all">{t('matching.byAll')}</option>
                <option value="demandId">{t('matching.byDemand')}</option>
                <option value="offerId">{t('matching.byOffer')}</option>
                <option value="participantId">{t('matching.byParticipant')}</option>
              </select>
            )}
          </Field>
          {mode !== 'all' && (
            <Field
              label={t(`matching.${mode === 'demandId' ? 'byDemand' : mode === 'offerId' ? 'byOffer' : 'byParticipant'}` as MessageKey)}
              className="grow"
            >
              {(id) => (
                <select
                  id={id}
                  value={value}
                  onChange={(e) => {
                    setValue(e.target.value);
                    setPage(1);
                  }}
                >
                  <option value="">—</option>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <ErrorBox error={error ?? matches.error} />
        {info && <Notice kind="ok">{info}</Notice>}
        {matches.loading && !matches.data ? (
          <Loading />
        ) : !matches.data?.run ? (
          <p className="muted">{t('matching.none')}</p>
        ) : (
          <>
            <p className="muted small">{t('matching.count', { n: total })}</p>
            <ol className="match-list">
              {matches.data.items.map((m) => (
                <li key={`${m.demandId}-${m.offerId}`} className={`match ${m.override ? `ov-${m.override}` : ''}`}>
                  <div className="match-head">
                    <span className="rank" aria-label={t('matching.rank')}>
                      #{m.rank}
                    </span>
                    <span className="score" title={t('matching.score')}>
                      {t('matching.scoreN', { n: num(m.score, 2) })}
                    </span>
                    {m.override && <StatusBadge status={`ov_${m.override}`} />}
                  </div>
                  <div className="match-body">
                    <div>
                      <strong>{m.demandTitle}</strong>
                      <br />
                      <span className="muted">
                        {m.gadmName}
                        {m.province ? ` · ${m.province}` : ''} · {m.demandExternalId}
                      </span>
                    </div>
                    <div aria-hidden="true" className="arrow">
                      ⇄
                    </div>
                    <div>
                      <strong>{m.offerTitle}</strong>
                      <br />
                      <span className="muted">
                        {m.cooperantName} · {m.offerExternalId}
                      </span>
                    </div>
                  </div>
                  {m.reasons?.length > 0 && (
                    <ul className="reasons" aria-label={t('matching.reasons')}>
                      {m.reasons.map((r, i) => (
                        <li key={i}>
                          <span className="reason-kind">
                            {t(`reason.${r.kind}` as MessageKey) === `reason.${r.kind}` ? r.kind : t(`reason.${r.kind}` as MessageKey)}
                          </span>{' '}
                          {lang === 'en' && r.detailEn ? r.detailEn : r.detail}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div className="row-actions">
                    {m.override !== 'pin' && (
                      <button type="button" className="btn btn-small" onClick={() => override(m, 'pin')}>
                        {t('matching.pin')}
                      </button>
                    )}
                    {m.override !== 'block' && (
                      <button type="button" className="btn btn-small" onClick={() => override(m, 'block')}>
                        {t('matching.block')}
                      </button>
                    )}
                    {m.override && (
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => override(m, null)}>
                        {t('matching.clear')}
                      </button>
                    )}
                    <button type="button" className="btn btn-small" onClick={() => request(m)}>
                      {t('matching.request')}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => addMeeting(m)}>
                      {t('matching.addMeeting')}
                    </button>
                  </div>
                </li>
              ))}
            </ol>
            <Pager page={page} pages={pages} total={total} onPage={setPage} />
          </>
        )}
      </section>
    </div>
  );
}
