import { useRef, useState, type FormEvent } from 'react';
import { ApiError, allPages, call, client, saveFile, type Schemas } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { Session } from '../types';
import { CountStat, ErrorBox, Field, Notice } from '../ui';
import { useEvent } from './event-context';
import { SessionsEditor, sessionsForApi } from './Events';

type ImportReport = Schemas['ImportReport'];

const KINDS = ['participants', 'delegates', 'demands', 'offers'] as const;
type Kind = (typeof KINDS)[number];

function EventSummary() {
  const { t, day, time } = useI18n();
  const { event, reloadEvent } = useEvent();
  const slots = useLoad(
    () => call(client.GET('/events/{eventId}/slots', { params: { path: { eventId: event.id } } })),
    [event.id, event.version],
  );
  const tables = useLoad(
    () =>
      allPages((page) =>
        call(client.GET('/events/{eventId}/tables', { params: { path: { eventId: event.id }, query: { page, pageSize: 500 } } })),
      ),
    [event.id],
  );
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<(Session & { breaksText?: string })[]>([]);
  const [error, setError] = useState<unknown>();
  const startEdit = () => {
    setRows((event.sessions ?? []).map((s) => ({ ...s })));
    setEditing(true);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const s = sessionsForApi(rows);
    if ('bad' in s) return setError(new Error(t('event.badBreaks', { n: s.bad })));
    try {
      await call(client.PUT('/events/{eventId}/sessions', { params: { path: { eventId: event.id } }, body: { sessions: s.sessions } }));
      setEditing(false);
      setError(undefined);
      await reloadEvent();
      await slots.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('setup.summary')}</h2>
      <div className="stats">
        <CountStat label="setup.slots" n={slots.data?.length ?? 0} />
        <CountStat label="setup.tables" n={tables.data?.length ?? 0} />
        <CountStat label="setup.capacity" n={(slots.data?.length ?? 0) * (tables.data?.length ?? 0)} />
      </div>
      <dl className="kv">
        <dt>{t('event.venue')}</dt>
        <dd>{event.venue || '—'}</dd>
        <dt>{t('event.timeZone')}</dt>
        <dd>{event.timeZone}</dd>
      </dl>
      {!editing ? (
        <>
          <div className="table-scroll">
            <table className="table compact">
              <caption className="visually-hidden">{t('event.sessions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('event.sessionLabel')}</th>
                  <th scope="col">{t('event.day')}</th>
                  <th scope="col">
                    {t('event.start')}–{t('event.end')}
                  </th>
                  <th scope="col">{t('event.slotMinutes')}</th>
                  <th scope="col">{t('event.breaks')}</th>
                </tr>
              </thead>
              <tbody>
                {(event.sessions ?? []).map((s, i) => (
                  <tr key={s.id ?? i}>
                    <td>{s.label || '—'}</td>
                    <td>{day(`${s.day}T12:00:00Z`, 'UTC')}</td>
                    <td>
                      {s.startTime.slice(0, 5)}–{s.endTime.slice(0, 5)}
                    </td>
                    <td>
                      {s.slotMinutes} + {s.gapMinutes}
                    </td>
                    <td>{s.breaks.map((b) => `${b.start}–${b.end}`).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {slots.data && slots.data.length > 0 && (
            <p className="muted small">
              {t('setup.slotRange', {
                first: time(slots.data[0].startsAt, event.timeZone),
                last: time(slots.data[slots.data.length - 1].endsAt, event.timeZone),
              })}
            </p>
          )}
          <button type="button" className="btn" onClick={startEdit}>
            {t('setup.editSessions')}
          </button>
        </>
      ) : (
        <form onSubmit={save}>
          <SessionsEditor sessions={rows} onChange={setRows} />
          <Notice kind="warn">{t('setup.sessionsWarn')}</Notice>
          <ErrorBox error={error} />
          <div className="actions">
            <button type="submit" className="btn btn-primary">
              {t('common.save')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ImportPanel() {
  const { t, pick } = useI18n();
  const { event, reloadParticipants } = useEvent();
  const [kind, setKind] = useState<Kind>('participants');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const send = async (mode: 'dry-run' | 'commit') => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await call(
        // The file goes as multipart/form-data: the client sends a FormData body as it is (the schema
        // types the binary part as a string, so the form stands in for it).
        client.POST('/events/{eventId}/imports/{kind}', {
          params: { path: { eventId: event.id, kind }, query: { mode } },
          body: form as unknown as { file: string },
        }),
      );
      if (mode === 'dry-run') {
        setReport(res);
        setDone(null);
      } else {
        setDone(res);
        setReport(null);
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
        if (kind === 'participants') await reloadParticipants();
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.body?.report) setReport(err.body.report as ImportReport);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const onDryRun = (e: FormEvent) => {
    e.preventDefault();
    void send('dry-run');
  };
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="muted">{t('import.help')}</p>
      <form onSubmit={onDryRun} className="form-row">
        <Field label={t('import.kind')}>
          {(id) => (
            <select
              id={id}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setReport(null);
                setDone(null);
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('import.file')} hint={t('import.fileHint')} className="grow">
          {(id, hint) => (
            <input
              id={id}
              ref={fileInput}
              type="file"
              aria-describedby={hint}
              accept=".csv,.xlsx,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setDone(null);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {t('import.dryRun')}
        </button>
      </form>
      <ErrorBox error={error} />
      {done && <Notice kind="ok">{t('import.committed', { insert: done.insert, update: done.update })}</Notice>}
      {report && (
        <div className="import-report" aria-live="polite">
          <h3>{t('import.report')}</h3>
          <div className="stats">
            <CountStat label="import.rowsRead" n={report.rowsRead} />
            <CountStat label="import.valid" n={report.valid} />
            <CountStat label="import.errors" n={report.errorRows} className={report.errors ? 'text-error' : ''} />
            <CountStat label="import.warnings" n={report.warnings} />
            <CountStat label="import.insert" n={report.insert} />
            <CountStat label="import.update" n={report.update} />
          </div>
          {report.issues.length === 0 ? (
            <Notice kind="ok">{t('import.noIssues')}</Notice>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <caption>{t('import.issues', { n: report.issues.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.column')}</th>
                    <th scope="col">{t('import.severity')}</th>
                    <th scope="col">{t('import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.issues.map((i, n) => (
                    <tr key={n} className={`sev-${i.severity}`}>
                      <td>{i.row || t('import.wholeFile')}</td>
                      <td>{i.column ?? '—'}</td>
                      <td>
                        <span className={`badge badge-${i.severity}`}>
                          {t(i.severity === 'error' ? 'import.sevError' : 'import.sevWarning')}
                        </span>
                      </td>
                      <td>
                        {pick(i.message)}
                        {i.value ? <span className="muted"> («{i.value}»)</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || report.errors > 0 || report.valid === 0}
              aria-describedby="commit-hint"
              onClick={() => void send('commit')}
            >
              {t('import.commit', { n: report.valid })}
            </button>
            <span id="commit-hint" className="muted small">
              {report.errors > 0 ? t('import.fixFirst') : t('import.commitHint')}
            </span>
          </div>
        </div>
      )}
    </section>
  );
}

function ExportPanel() {
  const { t } = useI18n();
  const { event } = useEvent();
  const [error, setError] = useState<unknown>();
  const save = (kind: Kind, format: 'csv' | 'xlsx') =>
    saveFile(
      client.GET('/events/{eventId}/exports/{kind}.{format}', { params: { path: { eventId: event.id, kind, format } }, parseAs: 'blob' }),
      `${kind}.${format}`,
    ).catch(setError);
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <div className="export-grid">
        {KINDS.map((k) => (
          <div key={k} className="export-item">
            <span>{t(`kind.${k}` as MessageKey)}</span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => save(k, 'csv')}
              aria-label={`${t(`kind.${k}` as MessageKey)} CSV`}
            >
              CSV
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => save(k, 'xlsx')}
              aria-label={`${t(`kind.${k}` as MessageKey)} XLSX`}
            >
              XLSX
            </button>
          </div>
        ))}
      </div>
      <ErrorBox error={error} />
    </section>
  );
}

export function SetupTab() {
  return (
    <div className="stack">
      <EventSummary />
      <ImportPanel />
      <ExportPanel />
    </div>
  );
}
