import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, call, client } from '../api';
import { appUrl } from '../config';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { Participant } from '../types';
import { CREATE_ONLY, recordFields, type RecordKind, UNCHECKED_CODES } from '@rueda/domain';
import { z } from 'zod';
import { ErrorBox, Field, Loading, Notice, Pager } from '../ui';
import { useEvent } from './event-context';

type FieldType = 'text' | 'email' | 'number' | 'date' | 'textarea' | 'list' | 'numlist' | 'enum' | 'participant' | 'boolean';
interface FieldSpec {
  name: string;
  label: MessageKey;
  type: FieldType;
  required?: boolean;
  createOnly?: boolean;
  nullable?: boolean;
  hint?: MessageKey;
  options?: readonly string[];
}
interface ColumnSpec {
  name: string;
  label: MessageKey;
  render?: 'participant' | 'list' | 'kind' | 'money';
}
interface ResourceSpec {
  path: RecordKind;
  label: MessageKey;
  columns: ColumnSpec[];
  fields: FieldSpec[];
  filters: ('q' | 'kind' | 'participantId' | 'province' | 'sector')[];
  versioned: boolean;
}
type Rec = Record<string, unknown> & { id: string; version?: number };

/** The typed client's paths of one record kind (all alike on the API: one generic controller). */
const collectionPath = (kind: RecordKind) => `/events/{eventId}/${kind}` as '/events/{eventId}/participants';
const recordPath = (kind: RecordKind) => `/events/{eventId}/${kind}/{id}` as '/events/{eventId}/participants/{id}';

/** The API's own record fields (libs/domain records): the form shows exactly what the API accepts. */
const SHAPES = recordFields(UNCHECKED_CODES);
type Shapes = typeof SHAPES;
type RecordFieldName = { [K in RecordKind]: keyof Shapes[K] & string }[RecordKind];
/** A label for every shared field: a field added to the API's schema does not compile here until it has one. */
const FIELD_LABELS: Record<RecordFieldName, MessageKey> = {
  number: 'field.number',
  label: 'field.label',
  reservedForParticipantId: 'field.reservedForParticipantId',
  externalId: 'field.externalId',
  kind: 'field.kind',
  name: 'field.name',
  inecCode: 'field.inecCode',
  canton: 'field.canton',
  province: 'field.province',
  provinceCode: 'field.provinceCode',
  region: 'field.region',
  acronym: 'field.acronym',
  tipo: 'field.tipo',
  origin: 'field.origin',
  email: 'field.email',
  phone: 'field.phone',
  parallel: 'field.parallel',
  maxMeetings: 'field.maxMeetings',
  remote: 'field.remote',
  videoUrl: 'field.videoUrl',
  participantId: 'field.participant',
  fullName: 'field.fullName',
  role: 'field.role',
  title: 'field.title',
  description: 'field.description',
  sectors: 'field.sectors',
  competencias: 'field.competencias',
  ods: 'field.ods',
  modalidades: 'field.modalidades',
  amountUsd: 'field.amountUsd',
  deadline: 'field.deadline',
  regions: 'field.regions',
  provinces: 'field.provinces',
  minAmountUsd: 'field.minAmountUsd',
  maxAmountUsd: 'field.maxAmountUsd',
  validUntil: 'field.validUntil',
};
const HINTS: Record<string, MessageKey> = {
  externalId: 'field.externalIdHint',
  videoUrl: 'field.videoUrlHint',
  sectors: 'field.listHint',
  competencias: 'field.listHint',
  modalidades: 'field.listHint',
  ods: 'field.listHint',
  regions: 'field.regionsHint',
  provinces: 'field.listHint',
};

/** One form field from its zod schema: the input it needs, whether it may be left empty. */
function fieldOf(kind: RecordKind, name: string, schema: z.ZodType): FieldSpec {
  let s: z.ZodType = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (s instanceof z.ZodOptional) optional = true;
    else if (s instanceof z.ZodNullable) nullable = true;
    else if (s instanceof z.ZodDefault) optional = true;
    else break;
    s = (s as z.ZodOptional<z.ZodType>).unwrap();
  }
  const format = (s as { format?: string }).format;
  const type: FieldType =
    name === 'description'
      ? 'textarea'
      : format === 'uuid'
        ? 'participant'
        : format === 'email'
          ? 'email'
          : format === 'date'
            ? 'date'
            : s instanceof z.ZodNumber
              ? 'number'
              : s instanceof z.ZodBoolean
                ? 'boolean'
                : s instanceof z.ZodEnum
                  ? 'enum'
                  : s instanceof z.ZodArray
                    ? (s as z.ZodArray<z.ZodType>).element instanceof z.ZodNumber
                      ? 'numlist'
                      : 'list'
                    : 'text';
  return {
    name,
    label: FIELD_LABELS[name as RecordFieldName],
    type,
    required: !optional && !nullable,
    nullable,
    createOnly: CREATE_ONLY[kind].includes(name),
    hint: HINTS[name],
    options: s instanceof z.ZodEnum ? (s.options as string[]) : undefined,
  };
}
const formFields = (kind: RecordKind): FieldSpec[] => Object.entries(SHAPES[kind]).map(([name, schema]) => fieldOf(kind, name, schema));

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
    fields: formFields('participants'),
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
    fields: formFields('delegates'),
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
    fields: formFields('demands'),
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
    fields: formFields('offers'),
  },
  {
    path: 'tables',
    label: 'kind.tables',
    versioned: true,
    filters: [],
    columns: [
      { name: 'number', label: 'field.number' },
      { name: 'label', label: 'field.label' },
    ],
    fields: formFields('tables'),
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
      const res = await call(
        client.POST('/events/{eventId}/participants/{participantId}/access-link', {
          params: { path: { eventId: event.id, participantId: participant.id } },
        }),
      );
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
      const eventId = event.id;
      if (creating) await call(client.POST(collectionPath(spec.path), { params: { path: { eventId } }, body: body(null) as never }));
      else
        await call(
          client.PATCH(recordPath(spec.path), {
            params: { path: { eventId, id: record!.id } },
            body: { ...body(against), ...(spec.versioned ? { version: against!.version } : {}) } as never,
          }),
        );
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
                if (f.type === 'enum')
                  return (
                    <select {...common} onChange={(e) => set(e.target.value)}>
                      <option value="">—</option>
                      {f.options?.map((o) => (
                        <option key={o} value={o}>
                          {f.name === 'kind' ? t(`kind.${o}` as MessageKey) : o}
                        </option>
                      ))}
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
  const list = useLoad(
    () =>
      call(
        client.GET(collectionPath(spec.path), {
          params: { path: { eventId: event.id }, query: Object.fromEntries(query) as unknown as { page: number; pageSize: number } },
        }),
      ),
    [event.id, spec.path, query.toString()],
  );
  const items = (list.data?.items ?? []) as Rec[];
  const total = list.data?.total ?? 0;
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
      await call(client.DELETE(recordPath(spec.path), { params: { path: { eventId: event.id, id: r.id } } }));
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
