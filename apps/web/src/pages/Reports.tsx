import { useState } from 'react';
import { call, client, saveFile, type Schemas } from '../api';
import type { paths } from '../generated/api';
import { BarChart, PALETTE } from '../BarChart';
import { useInterval, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { CountStat, ErrorBox, Field, Loading, Notice, ParticipationFigures, Progress, Stat } from '../ui';
import { useEvent } from './event-context';

/** The JSON reports (GET …/reports/:file), as the OpenAPI document declares them: told apart by `report`. */
type JsonReport =
  | Schemas['SummaryReport']
  | Schemas['GadmReport']
  | Schemas['CooperantReport']
  | Schemas['ClassificationReport']
  | Schemas['PipelineReport']
  | Schemas['MatrixReport'];
type Row = Schemas['ReportTable']['rows'][number];
/** The report of that name (the four classification reports share one schema, whose `report` lists their names). */
type Named<N extends JsonReport['report']> = JsonReport extends infer R
  ? R extends { report: infer K }
    ? N extends K
      ? R
      : never
    : never
  : never;
/** One JSON report by its name (summary, sectors, gadms, pipeline). */
const jsonReport = async <N extends JsonReport['report']>(eventId: string, file: N, query?: { metric: 'held' | 'scheduled' }) => {
  const r = await call(client.GET('/events/{eventId}/reports/{file}', { params: { path: { eventId, file }, query } }));
  // The server answers the report the path names; TypeScript cannot narrow the union by a generic name.
  return r as Named<N>;
};
/** A commitment as the list gives it (with its two participants' names). */
type Commitment = paths['/events/{eventId}/commitments']['get']['responses'][200]['content']['application/json']['items'][number];
type Stage = Commitment['stage'];

const STAGES = ['identified', 'negotiation', 'signed', 'execution', 'closed', 'dropped'] as const;

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <div className="table-scroll">
      <table className="table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j} className="num">
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Figures({ eventId }: { eventId: string }) {
  const { t, num, pct, usd } = useI18n();
  const s = useLoad(() => jsonReport(eventId, 'summary'), [eventId]);
  if (!s.data) return s.error ? <ErrorBox error={s.error} /> : <Loading />;
  const f = s.data.figures;
  return (
    <>
      <div className="stats">
        <CountStat label="reports.requested" n={f.requested} />
        <CountStat label="reports.scheduled" n={f.scheduled} />
        <CountStat label="reports.held" n={f.held} />
        <CountStat label="reports.noShow" n={f.noShow} />
        <CountStat label="reports.cancelled" n={f.cancelled} />
        <Stat label={t('reports.heldRate')} value={pct(f.rates.held)} />
        <Stat label={t('reports.noShowRate')} value={pct(f.rates.noShow)} />
        <Stat label={t('reports.acceptance')} value={pct(f.rates.acceptance)} />
        <CountStat label="reports.withOutcome" n={f.outcomes.meetingsWithOutcome} />
        <Stat label={t('reports.meanInterest')} value={num(f.outcomes.meanInterest, 2)} />
        <CountStat label="reports.commitments" n={f.commitments.count} />
        <Stat label={t('reports.activeAmount')} value={usd(f.commitments.activeAmountUsd)} />
      </div>
      <h3>{t('reports.gadmFigures')}</h3>
      <ParticipationFigures participation={f.gadmParticipation} />
    </>
  );
}

function Charts({ eventId }: { eventId: string }) {
  const { t, num, lang } = useI18n();
  const [metric, setMetric] = useState<'held' | 'scheduled'>('held');
  const sectors = useLoad(() => jsonReport(eventId, 'sectors'), [eventId]);
  const gadms = useLoad(() => jsonReport(eventId, 'gadms', { metric }), [eventId, metric]);
  const pipeline = useLoad(() => jsonReport(eventId, 'pipeline'), [eventId]);
  const sectorRows = (sectors.data?.rows ?? []).filter((r) => Number(r.requested) > 0 || Number(r.scheduled) > 0);
  const sectorLabel = (r: Row) => String(lang === 'en' ? r.labelEn || r.label : r.label || r.code);
  const regions = gadms.data?.fairness.byRegion ?? [];
  const hist = gadms.data?.fairness.histogram ?? [];
  const stages = pipeline.data?.rows ?? [];
  // The chart shows the stages; the table adds the active total row.
  const stageBars = pipeline.data?.stages ?? [];
  const short = (x: string) => (x.length > 32 ? `${x.slice(0, 31)}…` : x);
  const metricWord = metric === 'held' ? t('reports.metricHeld') : t('reports.metricScheduled');
  return (
    <>
      <div className="form-row">
        <Field label={t('reports.metric')}>
          {(id) => (
            <select id={id} value={metric} onChange={(e) => setMetric(e.target.value as typeof metric)}>
              <option value="held">{t('reports.metricHeld')}</option>
              <option value="scheduled">{t('reports.metricScheduled')}</option>
            </select>
          )}
        </Field>
      </div>
      <ErrorBox error={sectors.error ?? gadms.error ?? pipeline.error} />
      <div className="chart-grid">
        <section className="chart-card" aria-labelledby="ch-sector">
          <h3 id="ch-sector">{t('reports.bySector')}</h3>
          {!sectors.data ? (
            <Loading />
          ) : sectorRows.length === 0 ? (
            <p className="muted">{t('reports.noData')}</p>
          ) : (
            <>
              <BarChart
                title={t('reports.bySector')}
                labels={sectorRows.map((r) => short(sectorLabel(r)))}
                horizontal
                height={Math.max(160, 46 * sectorRows.length + 60)}
                series={[
                  { label: t('reports.requested', { n: 2 }), data: sectorRows.map((r) => Number(r.requested)), color: PALETTE[3] },
                  { label: t('reports.scheduled', { n: 2 }), data: sectorRows.map((r) => Number(r.scheduled)), color: PALETTE[0] },
                  { label: t('reports.held', { n: 2 }), data: sectorRows.map((r) => Number(r.held)), color: PALETTE[1] },
                ]}
              />
              <DataTable
                caption={t('reports.bySector')}
                // Column headers take the plural form (n: 2): they head many rows.
                head={[
                  t('reports.sector'),
                  t('reports.requested', { n: 2 }),
                  t('reports.scheduled', { n: 2 }),
                  t('reports.held', { n: 2 }),
                  t('reports.noShow', { n: 2 }),
                ]}
                rows={sectorRows.map((r) => [
                  sectorLabel(r),
                  num(Number(r.requested)),
                  num(Number(r.scheduled)),
                  num(Number(r.held)),
                  num(Number(r.noShow)),
                ])}
              />
            </>
          )}
        </section>
        <section className="chart-card" aria-labelledby="ch-region">
          <h3 id="ch-region">
            {t('reports.byRegion')} ({metricWord})
          </h3>
          {!gadms.data ? (
            <Loading />
          ) : regions.length === 0 ? (
            <p className="muted">{t('reports.noData')}</p>
          ) : (
            <>
              <BarChart
                title={`${t('reports.byRegion')} (${metricWord})`}
                labels={regions.map((g) => g.label)}
                series={[
                  { label: t('reports.meetings'), data: regions.map((g) => g.distribution.total), color: PALETTE[0] },
                  { label: t('reports.withMeeting'), data: regions.map((g) => g.distribution.withAtLeastOne), color: PALETTE[1] },
                ]}
              />
              <DataTable
                caption={t('reports.byRegion')}
                head={[t('reports.region'), t('reports.gadms'), t('reports.meetings'), t('reports.withMeeting')]}
                rows={regions.map((g) => [g.label, num(g.gadms), num(g.distribution.total), num(g.distribution.withAtLeastOne)])}
              />
            </>
          )}
        </section>
        <section className="chart-card" aria-labelledby="ch-fair">
          <h3 id="ch-fair">
            {t('reports.fairness')} ({metricWord})
          </h3>
          {!gadms.data ? (
            <Loading />
          ) : hist.length === 0 ? (
            <p className="muted">{t('reports.noData')}</p>
          ) : (
            <>
              <BarChart
                title={`${t('reports.fairness')} (${metricWord})`}
                labels={hist.map((b) => b.label)}
                xTitle={t('reports.meetingsPerGadm')}
                yTitle={t('reports.gadms')}
                series={[{ label: t('reports.gadms'), data: hist.map((b) => b.count), color: PALETTE[0] }]}
              />
              <DataTable
                caption={t('reports.fairness')}
                head={[t('reports.meetingsPerGadm'), t('reports.gadms')]}
                rows={hist.map((b) => [b.label, num(b.count)])}
              />
            </>
          )}
        </section>
        <section className="chart-card" aria-labelledby="ch-pipe">
          <h3 id="ch-pipe">{t('reports.pipeline')}</h3>
          {!pipeline.data ? (
            <Loading />
          ) : stages.length === 0 ? (
            <p className="muted">{t('reports.noData')}</p>
          ) : (
            <>
              <BarChart
                title={t('reports.pipeline')}
                labels={stageBars.map((r) => (lang === 'en' ? r.en : r.es))}
                series={[{ label: t('reports.count'), data: stageBars.map((r) => r.count), color: PALETTE[4] }]}
              />
              <DataTable
                caption={t('reports.pipeline')}
                head={[t('reports.stage'), t('reports.count'), t('reports.amount')]}
                rows={stages.map((r) => [String(lang === 'en' ? r.stageEn : r.stage), num(Number(r.count)), num(Number(r.amountUsd))])}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}

function Downloads({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const index = useLoad(() => call(client.GET('/events/{eventId}/reports', { params: { path: { eventId } } })), [eventId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  /** A report file by its name on the API (all.xlsx, event.pdf, sectors.csv…), saved as `filename`. */
  const fetchFile = async (file: string, filename: string) => {
    setBusy(file);
    setError(undefined);
    setDone(null);
    try {
      await saveFile(client.GET('/events/{eventId}/reports/{file}', { params: { path: { eventId, file } }, parseAs: 'blob' }), filename);
      setDone(filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const label = (name: string) => (t(`report.${name}` as MessageKey) === `report.${name}` ? name : t(`report.${name}` as MessageKey));
  return (
    <section className="card" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('reports.downloads')}</h2>
      <p className="muted small">{t('reports.downloadsHelp')}</p>
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={!!busy} onClick={() => fetchFile('all.xlsx', 'reportes-rueda.xlsx')}>
          {t('reports.workbook')}
        </button>
        <button type="button" className="btn" disabled={!!busy} onClick={() => fetchFile('event.pdf', 'informe-rueda.pdf')}>
          {t('reports.pdf')}
        </button>
      </div>
      <div aria-live="polite">
        {busy && <p className="muted small">{t('reports.downloading')}</p>}
        {done && <Notice kind="ok">{t('reports.downloaded', { file: done })}</Notice>}
      </div>
      <ErrorBox error={error ?? index.error} />
      {index.data && (
        <div className="table-scroll">
          <table className="table compact downloads">
            <thead>
              <tr>
                <th scope="col">{t('reports.report')}</th>
                <th scope="col">CSV</th>
                <th scope="col">Excel</th>
              </tr>
            </thead>
            <tbody>
              {index.data.reports.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{label(r.name)}</th>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={!!busy}
                      aria-label={t('reports.downloadAs', { name: label(r.name), fmt: 'CSV' })}
                      onClick={() => fetchFile(`${r.name}.csv`, `reporte-${r.name}.csv`)}
                    >
                      CSV
                    </button>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={!!busy}
                      aria-label={t('reports.downloadAs', { name: label(r.name), fmt: 'XLSX' })}
                      onClick={() => fetchFile(`${r.name}.xlsx`, `reporte-${r.name}.xlsx`)}
                    >
                      XLSX
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AgendasExport eventId={eventId} />
    </section>
  );
}

function AgendasExport({ eventId }: { eventId: string }) {
  const { t, num } = useI18n();
  const [kind, setKind] = useState<'' | 'gadm' | 'cooperant'>('');
  const [job, setJob] = useState<Schemas['ExportJob'] | null>(null);
  const [error, setError] = useState<unknown>();
  const running = !!job && (job.status === 'queued' || job.status === 'running');
  useInterval(
    async () => {
      if (!job) return;
      try {
        setJob(await call(client.GET('/events/{eventId}/exports/jobs/{jobId}', { params: { path: { eventId, jobId: job.jobId } } })));
      } catch (e) {
        setError(e);
      }
    },
    1000,
    running,
  );
  const start = async () => {
    setError(undefined);
    try {
      setJob(
        await call(
          client.POST('/events/{eventId}/exports/agendas', { params: { path: { eventId } }, body: kind ? { participantKind: kind } : {} }),
        ),
      );
    } catch (e) {
      setError(e);
    }
  };
  const size = (n: number | null) =>
    n === null ? '—' : n > 1024 * 1024 ? `${num(n / 1024 / 1024, 1)} MB` : `${num(Math.ceil(n / 1024))} KB`;
  return (
    <div className="agendas-export" aria-labelledby="agendas-title">
      <h3 id="agendas-title">{t('agendas.title')}</h3>
      <p className="muted small">{t('agendas.help')}</p>
      <div className="form-row">
        <Field label={t('agendas.kind')}>
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="">{t('common.all')}</option>
              <option value="gadm">{t('kind.gadms')}</option>
              <option value="cooperant">{t('kind.cooperants')}</option>
            </select>
          )}
        </Field>
        <button type="button" className="btn" disabled={running} onClick={start}>
          {t('agendas.start')}
        </button>
      </div>
      <ErrorBox error={error} />
      {job && (
        <div aria-live="polite">
          {running && <Progress value={Number(job.progress.percent ?? 0)} label={t('agendas.progress')} />}
          {job.status === 'failed' && <Notice kind="error">{t('agendas.failed', { error: job.error ?? '' })}</Notice>}
          {job.status === 'done' && (
            <div className="row">
              <Notice kind="ok">{t('agendas.ready', { file: job.filename, size: size(job.size) })}</Notice>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() =>
                  saveFile(
                    client.GET('/events/{eventId}/exports/jobs/{jobId}/file', {
                      params: { path: { eventId, jobId: job.jobId } },
                      parseAs: 'blob',
                    }),
                    job.filename,
                  ).catch(setError)
                }
              >
                {t('agendas.download')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function FollowUp({ eventId }: { eventId: string }) {
  const { t, num, time } = useI18n();
  const { event } = useEvent();
  const path = { eventId };
  const missing = useLoad(() => call(client.GET('/events/{eventId}/outcomes/missing', { params: { path } })), [eventId]);
  const commitments = useLoad(
    () => call(client.GET('/events/{eventId}/commitments', { params: { path, query: { page: 1, pageSize: 200 } } })),
    [eventId],
  );
  // Participants fill their outcomes from their own links: keep the lists fresh.
  useInterval(() => {
    void missing.reload();
    void commitments.reload();
  }, 30_000);
  const [choice, setChoice] = useState<Record<string, Stage>>({});
  const [msg, setMsg] = useState<{ title: string; stage: Stage } | null>(null);
  const [error, setError] = useState<unknown>();
  const advance = async (c: Commitment) => {
    const stage = choice[c.id];
    if (!stage) return;
    setError(undefined);
    setMsg(null);
    try {
      await call(
        client.POST('/events/{eventId}/commitments/{commitmentId}/stage', {
          params: { path: { eventId, commitmentId: c.id } },
          body: { stage, version: c.version },
        }),
      );
      setMsg({ title: c.title, stage });
      await commitments.reload();
    } catch (e) {
      setError(e);
      await commitments.reload();
    }
  };
  const rows = missing.data?.items.flatMap((p) => p.missing.map((m) => ({ p, m }))) ?? [];
  return (
    <div className="two-col">
      <section className="card" aria-labelledby="missing-title">
        <h2 id="missing-title">{t('outcomes.title')}</h2>
        <p className="muted small">{t('outcomes.help')}</p>
        <ErrorBox error={missing.error} />
        {!missing.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          <p className="muted">{t('outcomes.none')}</p>
        ) : (
          <>
            <p>{t('outcomes.summary', { m: missing.data.meetings, p: missing.data.participants })}</p>
            <div className="table-scroll">
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('outcomes.participant')}</th>
                    <th scope="col">{t('outcomes.counterpart')}</th>
                    <th scope="col">{t('outcomes.when')}</th>
                    <th scope="col">{t('outcomes.table')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ p, m }) => (
                    <tr key={`${p.participant.id}-${m.meetingId}`}>
                      <td>{p.participant.name}</td>
                      <td>{m.counterpart.name}</td>
                      <td>{m.startsAt ? time(m.startsAt, event.timeZone) : '—'}</td>
                      <td>{m.tableNumber ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="commit-title">
        <h2 id="commit-title">{t('commit.title')}</h2>
        <ErrorBox error={error ?? commitments.error} />
        <div aria-live="polite">
          {msg && <Notice kind="ok">{t('commit.changed', { title: msg.title, stage: t(`stage.${msg.stage}` as MessageKey) })}</Notice>}
        </div>
        {!commitments.data ? (
          <Loading />
        ) : commitments.data.items.length === 0 ? (
          <p className="muted">{t('commit.none')}</p>
        ) : (
          <ul className="plain-list commitments">
            {commitments.data.items.map((c) => {
              const later = STAGES.slice(STAGES.indexOf(c.stage) + 1);
              return (
                <li key={c.id} className="commitment">
                  <div>
                    <strong>{c.title}</strong> <span className={`badge badge-stage-${c.stage}`}>{t(`stage.${c.stage}` as MessageKey)}</span>
                  </div>
                  <div className="muted small">
                    {c.participants.map((p) => p.name).join(' ⇄ ')}
                    {c.amountUsd != null ? ` · US$ ${num(c.amountUsd)}` : ''}
                  </div>
                  {later.length > 0 && (
                    <div className="form-row">
                      <Field label={t('commit.newStage', { title: c.title })}>
                        {(id) => (
                          <select
                            id={id}
                            value={choice[c.id] ?? ''}
                            onChange={(e) => setChoice({ ...choice, [c.id]: e.target.value as Stage })}
                          >
                            <option value="">—</option>
                            {later.map((s) => (
                              <option key={s} value={s}>
                                {t(`stage.${s}` as MessageKey)}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <button type="button" className="btn" disabled={!choice[c.id]} onClick={() => advance(c)}>
                        {t('commit.change')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

/** "Después / After": figures, charts, every export, the agendas book, missing outcomes and commitments. */
export function ReportsTab() {
  const { t } = useI18n();
  const { event } = useEvent();
  return (
    <div className="stack">
      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('reports.title')}</h2>
        <Figures eventId={event.id} />
        <Charts eventId={event.id} />
      </section>
      <Downloads eventId={event.id} />
      <FollowUp eventId={event.id} />
    </div>
  );
}
