import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, del, get, patch, post, type Page } from '../api';
import { appUrl } from '../config';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { Participant } from '../types';
import { ErrorBox, Field, Loading, Notice, Pager } from '../ui';
import { useEvent } from './event-context';

type FieldType = 'text' | 'email' | 'number' | 'date' | 'textarea' | 'list' | 'numlist' | 'kind' | 'participant' | 'boolean';
interface FieldSpec {
  name: string;
  label: MessageKey;
  type: FieldType;
  required?: boolean;
  createOnly?: boolean;
  nullable?: boolean;
  hint?: MessageKey;
}
interface ColumnSpec {
  name: string;
  label: MessageKey;
  render?: 'participant' | 'list' | 'kind' | 'money';
}
interface ResourceSpec {
  path: string;
  label: MessageKey;
  columns: ColumnSpec[];
  fields: FieldSpec[];
  filters: ('q' | 'kind' | 'participantId' | 'province' | 'sector')[];
  versioned: boolean;
}
type Rec = Record<string, unknown> & { id: string; version?: number };

const RESOURCES: ResourceSpec[] = [
  {
    path: 'participants',
    label: 'kind.participants',
    versioned: true,
    filters: ['q', 'kind', 'province'],
    columns: [
      { name: 'externalId', label: 'field.externalId' },
      { name: 'name', label: 'field.name' },
      { name: 'kind', label: 'field.kind', render: 'kind' },
      { name: 'province', label: 'field.province' },
      { name: 'email', label: 'field.email' },
    ],
    fields: [
      { name: 'externalId', label: 'field.externalId', type: 'text', required: true, hint: 'field.externalIdHint' },
      { name: 'kind', label: 'field.kind', type: 'kind', required: true },
      { name: 'name', label: 'field.name', type: 'text', required: true },
      { name: 'email', label: 'field.email', type: 'email', nullable: true },
      { name: 'phone', label: 'field.phone', type: 'text', nullable: true },
      { name: 'province', label: 'field.province', type: 'text', nullable: true },
      { name: 'maxMeetings', label: 'field.maxMeetings', type: 'number', nullable: true },
      { name: 'parallel', label: 'field.parallel', type: 'number', nullable: true },
      { name: 'remote', label: 'field.remote', type: 'boolean' },
      { name: 'videoUrl', label: 'field.videoUrl', type: 'text', nullable: true, hint: 'field.videoUrlHint' },
    ],
  },
  {
    path: 'delegates',
    label: 'kind.delegates',
    versioned: true,
    filters: ['q', 'participantId'],
    columns: [
      { name: 'externalId', label: 'field.externalId' },
      { name: 'fullName', label: 'field.fullName' },
      { name: 'participantId', label: 'field.participant', render: 'participant' },
      { name: 'role', label: 'field.role' },
      { name: 'email', label: 'field.email' },
    ],
    fields: [
      { name: 'participantId', label: 'field.participant', type: 'participant', required: true, createOnly: true },
      { name: 'externalId', label: 'field.externalId', type: 'text', required: true, createOnly: true },
      { name: 'fullName', label: 'field.fullName', type: 'text', required: true },
      { name: 'role', label: 'field.role', type: 'text', nullable: true },
      { name: 'email', label: 'field.email', type: 'email', nullable: true },
      { name: 'phone', label: 'field.phone', type: 'text', nullable: true },
    ],
  },
  {
    path: 'demands',
    label: 'kind.demands',
    versioned: true,
    filters: ['q', 'participantId', 'sector'],
    columns: [
      { name: 'externalId', label: 'field.externalId' },
      { name: 'title', label: 'field.title' },
      { name: 'participantId', label: 'field.gadm', render: 'participant' },
      { name: 'sectors', label: 'field.sectors', render: 'list' },
      { name: 'amountUsd', label: 'field.amountUsd', render: 'money' },
    ],
    fields: [
      { name: 'participantId', label: 'field.participant', type: 'participant', required: true },
      { name: 'externalId', label: 'field.externalId', type: 'text', required: true },
      { name: 'title', label: 'field.title', type: 'text', required: true },
      { name: 'description', label: 'field.description', type: 'textarea' },
      { name: 'sectors', label: 'field.sectors', type: 'list', hint: 'field.listHint' },
      { name: 'modalidades', label: 'field.modalidades', type: 'list', hint: 'field.listHint' },
      { name: 'ods', label: 'field.ods', type: 'numlist', hint: 'field.listHint' },
      { name: 'amountUsd', label: 'field.amountUsd', type: 'number', nullable: true },
      { name: 'deadline', label: 'field.deadline', type: 'date', nullable: true },
    ],
  },
  {
    path: 'offers',
    label: 'kind.offers',
    versioned: true,
    filters: ['q', 'participantId', 'sector'],
    columns: [
      { name: 'externalId', label: 'field.externalId' },
      { name: 'title', label: 'field.title' },
      { name: 'participantId', label: 'field.cooperant', render: 'participant' },
      { name: 'sectors', label: 'field.sectors', render: 'list' },
      { name: 'regions', label: 'field.regions', render: 'list' },
    ],
    fields: [
      { name: 'participantId', label: 'field.participant', type: 'participant', required: true },
      { name: 'externalId', label: 'field.externalId', type: 'text', required: true },
      { name: 'title', label: 'field.title', type: 'text', required: true },
      { name: 'description', label: 'field.description', type: 'textarea' },
      { name: 'sectors', label: 'field.sectors', type: 'list', hint: 'field.listHint' },
      { name: 'modalidades', label: 'field.modalidades', type: 'list', hint: 'field.listHint' },
      { name: 'regions', label: 'field.regions', type: 'list', hint: 'field.listHint' },
      { name: 'minAmountUsd', label: 'field.minAmountUsd', type: 'number', nullable: true },
      { name: 'maxAmountUsd', label: 'field.maxAmountUsd', type: 'number', nullable: true },
      { name: 'validUntil', label: 'field.validUntil', type: 'date', nullable: true },
    ],
  },
  {
    path: 'tables',
    label: 'kind.tables',
    versioned: false,
    filters: [],
    columns: [
      { name: 'number', label: 'field.number' },
      { name: 'label', label: 'field.label' },
    ],
    fields: [
      { name: 'number', label: 'field.number', type: 'number', required: true },
      { name: 'label', label: 'field.label', type: 'text' },
    ],
  },
];

const toInput = (f: FieldSpec, v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
};
const fromInput = (f: FieldSpec, s: string): unknown => {
  const x = s.trim();
  switch (f.type) {
    case 'boolean':
      return x === 'true';
    case 'number':
      return x === '' ? (f.nullable ? null : undefined) : Number(x.replace(',', '.'));
    case 'list':
      return x
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter(Boolean);
    case 'numlist':
      return x
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map(Number);
    default:
      return x === '' && f.nullable ? null : x;
  }
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function AccessLink({ participant }: { participant: Participant }) {
  const { t } = useI18n();
  const { event } = useEvent();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [copied, setCopied] = useState(false);
  const issue = async () => {
    if (!window.confirm(t('link.confirm', { name: participant.name }))) return;
    try {
      const res = await post<{ token: string; path: string }>(`/events/${event.id}/participants/${participant.id}/access-link`);
      setLink(appUrl(`a/${res.token}`));
      setCopied(false);
    } catch (e) {
      setError(e);
    }
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      window.prompt(t('link.copyManual'), link);
    }
  };
  const mail =
    link && participant.email
      ? `mailto:${participant.email}?subject=${encodeURIComponent(t('link.mailSubject', { event: event.name }))}&body=${encodeURIComponent(t('link.mailBody', { name: participant.name, link }))}`
      : null;
  return (
    <div className="access-link">
      <button type="button" className="btn btn-small" onClick={issue}>
        {link ? t('link.reissue') : t('link.issue')}
      </button>
      {link && (
        <div className="link-box">
          <label className="visually-hidden" htmlFor={`link-${participant.id}`}>
            {t('link.label', { name: participant.name })}
          </label>
          <input id={`link-${participant.id}`} readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="access-link" />
          <button type="button" className="btn btn-small" onClick={copy}>
            {copied ? t('link.copied') : t('link.copy')}
          </button>
          {mail ? (
            <a className="btn btn-small" href={mail}>
              {t('link.send')}
            </a>
          ) : (
            <span className="muted small">{t('link.noEmail')}</span>
          )}
        </div>
      )}
      <ErrorBox error={error} />
    </div>
  );
}

function RecordForm({
  spec,
  record,
  onDone,
  onCancel,
}: {
  spec: ResourceSpec;
  record: Rec | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { event, participants } = useEvent();
  const creating = record === null;
  const initial = () => Object.fromEntries(spec.fields.map((f) => [f.name, toInput(f, record?.[f.name])]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [base, setBase] = useState<Rec | null>(record);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<Rec | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea')?.focus({ preventScroll: true });
  }, []);

  const body = (against: Rec | null) => {
    const out: Record<string, unknown> = {};
    for (const f of spec.fields) {
      if (!creating && f.createOnly) continue;
      const v = fromInput(f, values[f.name] ?? '');
      if (v === undefined) continue;
      if (creating || !same(v, against?.[f.name])) out[f.name] = v;
    }
    return out;
  };
  const save = async (against: Rec | null) => {
    setBusy(true);
    setError(undefined);
    try {
      if (creating) await post(`/events/${event.id}/${spec.path}`, body(null));
      else
        await patch(`/events/${event.id}/${spec.path}/${record!.id}`, {
          ...body(against),
          ...(spec.versioned ? { version: against!.version } : {}),
        });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body?.current) setConflict(e.body.current as Rec);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(base);
  };
  const takeTheirs = () => {
    setBase(conflict);
    setValues(Object.fromEntries(spec.fields.map((f) => [f.name, toInput(f, conflict?.[f.name])])));
    setConflict(null);
  };
  const keepMine = () => {
    const c = conflict;
    setBase(c);
    setConflict(null);
    void save(c);
  };
  const title = creating
    ? t('records.new', { what: t(spec.label) })
    : t('records.edit', { what: String(record?.name ?? record?.title ?? record?.fullName ?? record?.number ?? '') });
  return (
    <form ref={formRef} className="card record-form" onSubmit={submit} aria-labelledby="record-form-title">
      <h2 id="record-form-title">{title}</h2>
      {conflict && (
        <div className="alert alert-warn" role="alert">
          <strong>{t('conflict.title')}</strong>
          <p>{t('conflict.help')}</p>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
                <th scope="col">{t('conflict.mine')}</th>
              </tr>
            </thead>
            <tbody>
              {spec.fields
                .filter((f) => !same(fromInput(f, toInput(f, conflict[f.name])), fromInput(f, values[f.name] ?? '')))
                .map((f) => (
                  <tr key={f.name}>
                    <th scope="row">{t(f.label)}</th>
                    <td>{toInput(f, conflict[f.name]) || '—'}</td>
                    <td>{values[f.name] || '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="btn" onClick={takeTheirs}>
              {t('conflict.takeTheirs')}
            </button>
            <button type="button" className="btn btn-primary" onClick={keepMine}>
              {t('conflict.keepMine')}
            </button>
          </div>
        </div>
      )}
      <div className="form-grid">
        {spec.fields.map((f) => {
          const disabled = !creating && f.createOnly;
          const set = (v: string) => setValues((s) => ({ ...s, [f.name]: v }));
          return (
            <Field
              key={f.name}
              label={t(f.label) + (f.required ? ' *' : '')}
              hint={f.hint ? t(f.hint) : undefined}
              className={f.type === 'textarea' ? 'span-2' : ''}
            >
              {(id, hint) => {
                const common = { id, 'aria-describedby': hint, disabled, required: f.required && !disabled, value: values[f.name] ?? '' };
                if (f.type === 'textarea') return <textarea {...common} rows={3} onChange={(e) => set(e.target.value)} />;
                if (f.type === 'kind')
                  return (
                    <select {...common} onChange={(e) => set(e.target.value)}>
                      <option value="">—</option>
                      <option value="gadm">{t('kind.gadm')}</option>
                      <option value="cooperant">{t('kind.cooperant')}</option>
                    </select>
                  );
                if (f.type === 'boolean')
                  return (
                    <select {...common} value={values[f.name] || 'false'} onChange={(e) => set(e.target.value)}>
                      <option value="false">{t('bool.no')}</option>
                      <option value="true">{t('bool.yes')}</option>
                    </select>
                  );
                if (f.type === 'participant')
                  return (
                    <select {...common} onChange={(e) => set(e.target.value)}>
                      <option value="">—</option>
                      {participants
                        .filter((p) => spec.path !== 'demands' || p.kind === 'gadm')
                        .filter((p) => spec.path !== 'offers' || p.kind === 'cooperant')
                        .map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.name}
                          </option>
                        ))}
                    </select>
                  );
                return (
                  <input
                    {...common}
                    type={f.type === 'number' ? 'number' : f.type === 'email' ? 'email' : f.type === 'date' ? 'date' : 'text'}
                    step={f.type === 'number' ? 'any' : undefined}
                    onChange={(e) => set(e.target.value)}
                  />
                );
              }}
            </Field>
          );
        })}
      </div>
      <ErrorBox error={error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !!conflict}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function RecordsTab() {
  const { t, num } = useI18n();
  const { event, name, participants, reloadParticipants } = useEvent();
  const [path, setPath] = useState('participants');
  const spec = RESOURCES.find((r) => r.path === path)!;
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Rec | null | 'new'>(null);
  const [error, setError] = useState<unknown>();
  const pageSize = 25;
  const query = new URLSearchParams({
    page: String(page),
    pageSize: String(pageSize),
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
  });
  const list = useLoad(() => get<Page<Rec> | Rec[]>(`/events/${event.id}/${spec.path}?${query}`), [event.id, spec.path, query.toString()]);
  const items = Array.isArray(list.data) ? list.data : (list.data?.items ?? []);
  const total = Array.isArray(list.data) ? list.data.length : (list.data?.total ?? 0);
  const setFilter = (k: string, v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setPage(1);
  };
  const done = async () => {
    setEditing(null);
    await list.reload();
    if (spec.path === 'participants') await reloadParticipants();
  };
  const remove = async (r: Rec) => {
    if (!window.confirm(t('records.confirmDelete'))) return;
    try {
      await del(`/events/${event.id}/${spec.path}/${r.id}`);
      await done();
    } catch (e) {
      setError(e);
    }
  };
  const cell = (c: ColumnSpec, r: Rec) => {
    const v = r[c.name];
    if (c.render === 'participant') return name(v as string);
    if (c.render === 'list') return Array.isArray(v) ? v.join(', ') : '';
    if (c.render === 'kind') return v ? t(`kind.${v}` as MessageKey) : '';
    if (c.render === 'money') return v === null || v === undefined ? '' : `$ ${num(Number(v))}`;
    return v === null || v === undefined ? '' : String(v);
  };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="stack">
      <section className="card" aria-labelledby="records-title">
        <div className="page-head">
          <h2 id="records-title">{t('records.title')}</h2>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('records.new', { what: t(spec.label) })}
          </button>
        </div>
        <div className="form-row filters">
          <Field label={t('records.resource')}>
            {(id) => (
              <select
                id={id}
                value={path}
                onChange={(e) => {
                  setPath(e.target.value);
                  setFilters({});
                  setPage(1);
                  setEditing(null);
                }}
              >
                {RESOURCES.map((r) => (
                  <option key={r.path} value={r.path}>
                    {t(r.label)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {spec.filters.includes('q') && (
            <Field label={t('records.search')}>
              {(id) => <input id={id} type="search" value={filters.q ?? ''} onChange={(e) => setFilter('q', e.target.value)} />}
            </Field>
          )}
          {spec.filters.includes('kind') && (
            <Field label={t('field.kind')}>
              {(id) => (
                <select id={id} value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
                  <option value="">{t('common.all')}</option>
                  <option value="gadm">{t('kind.gadm')}</option>
                  <option value="cooperant">{t('kind.cooperant')}</option>
                </select>
              )}
            </Field>
          )}
          {spec.filters.includes('province') && (
            <Field label={t('field.province')}>
              {(id) => (
                <input id={id} value={filters.province ?? ''} onChange={(e) => setFilter('province', e.target.value.toUpperCase())} />
              )}
            </Field>
          )}
          {spec.filters.includes('sector') && (
            <Field label={t('field.sector')}>
              {(id) => <input id={id} value={filters.sector ?? ''} onChange={(e) => setFilter('sector', e.target.value.toUpperCase())} />}
            </Field>
          )}
          {spec.filters.includes('participantId') && (
            <Field label={t('field.participant')}>
              {(id) => (
                <select id={id} value={filters.participantId ?? ''} onChange={(e) => setFilter('participantId', e.target.value)}>
                  <option value="">{t('common.all')}</option>
                  {participants.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <ErrorBox error={list.error ?? error} />
        {list.loading && !list.data ? (
          <Loading />
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t(spec.label)}</caption>
              <thead>
                <tr>
                  {spec.columns.map((c) => (
                    <th key={c.name} scope="col">
                      {t(c.label)}
                    </th>
                  ))}
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.length === 0 && (
                  <tr>
                    <td colSpan={spec.columns.length + 1} className="muted">
                      {t('records.empty')}
                    </td>
                  </tr>
                )}
                {items.map((r) => (
                  <tr key={r.id}>
                    {spec.columns.map((c) => (
                      <td key={c.name}>{cell(c, r)}</td>
                    ))}
                    <td className="row-actions">
                      <button type="button" className="btn btn-small" onClick={() => setEditing(r)}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="btn btn-small btn-danger" onClick={() => remove(r)}>
                        {t('common.delete')}
                      </button>
                      {spec.path === 'participants' && <AccessLink participant={r as unknown as Participant} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pages={pages} total={total} onPage={setPage} />
      </section>
      {editing && (
        <RecordForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          spec={spec}
          record={editing === 'new' ? null : editing}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      {spec.path === 'participants' && <Notice>{t('link.help')}</Notice>}
    </div>
  );
}
