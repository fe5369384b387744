import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { REGIONS } from '@rueda/domain';
import { properCaseEs } from '@rueda/i18n';
import { ApiError, call, client, withoutToken, type Schemas } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

/** The reference taxonomy and provinces the pickers offer (public, cached by the browser). */
export interface Choices {
  taxonomy: Schemas['Taxonomy'];
  provinces: { code: string; name: string }[];
}

export function useChoices() {
  return useLoad<Choices>(async () => {
    const [taxonomy, gadms] = await Promise.all([
      // Public reference data: no token, so a participant's page never sends the organiser's.
      call(client.GET('/reference/taxonomy', { headers: withoutToken() })),
      call(client.GET('/reference/gadms', { headers: withoutToken() })),
    ]);
    const provinces = new Map(gadms.map((g) => [g.provinceCode, properCaseEs(g.province)]));
    return { taxonomy, provinces: [...provinces].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)) };
  }, []);
}

export { REGIONS };

export type FieldKind = 'text' | 'email' | 'textarea' | 'number' | 'date' | 'picks' | 'select';
export interface FormField {
  name: string;
  label: MessageKey;
  kind: FieldKind;
  required?: boolean;
  /** For picks and select: the choices, value → label. */
  options?: (c: Choices, lang: 'es' | 'en') => { value: string | number; label: string }[];
}

export const taxonomyOptions = {
  sectors: (c: Choices, l: 'es' | 'en') => c.taxonomy.sectores.map((x) => ({ value: x.code, label: x[l] })),
  competencias: (c: Choices, l: 'es' | 'en') => c.taxonomy.competencias.map((x) => ({ value: x.code, label: `${x.code} · ${x[l]}` })),
  ods: (c: Choices, l: 'es' | 'en') => c.taxonomy.ods.map((x) => ({ value: x.code, label: `${x.code} · ${x[l]}` })),
  modalidades: (c: Choices, l: 'es' | 'en') => c.taxonomy.modalidades.map((x) => ({ value: x.code, label: x[l] })),
  tipos: (c: Choices, l: 'es' | 'en') => c.taxonomy.tipos_cooperacion.map((x) => ({ value: x.code, label: x[l] })),
  regions: () => REGIONS.map((r) => ({ value: r, label: r })),
  provinces: (c: Choices) => c.provinces.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
};

/** Every wrong field of a 400, by its path (without `prefix`), in the reader's language (like the import report). */
export function useFieldErrors() {
  const { pick } = useI18n();
  return (e: unknown, prefix = ''): { path: string; text: string }[] =>
    e instanceof ApiError && e.body?.fields
      ? e.body.fields.filter((f) => f.path.startsWith(prefix)).map((f) => ({ path: f.path.slice(prefix.length), text: pick(f) }))
      : [];
}

/** The messages of one field (its own path or one inside it, like `sectors.2`). */
const messagesOf = (list: { path: string; text: string }[], name: string) =>
  list
    .filter((x) => x.path === name || x.path.startsWith(`${name}.`))
    .map((x) => x.text)
    .join('; ') || undefined;

export type Values = Record<string, unknown>;

/** A labelled control with its field-level message (aria-invalid, aria-describedby). */
function Control({
  f,
  value,
  error,
  choices,
  set,
}: {
  f: FormField;
  value: unknown;
  error?: string;
  choices?: Choices;
  set: (v: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const errId = `${id}-err`;
  const label = t(f.label) + (f.required ? ' *' : '');
  const a11y = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errId : undefined };
  const message = error ? (
    <small id={errId} className="field-error" role="alert">
      {error}
    </small>
  ) : null;
  if (f.kind === 'picks') {
    const picked = new Set((Array.isArray(value) ? value : []) as (string | number)[]);
    const opts = choices && f.options ? f.options(choices, lang) : [];
    return (
      <fieldset className={`field picks span-2${error ? ' invalid' : ''}`} aria-describedby={error ? errId : undefined}>
        <legend>{label}</legend>
        <div className="pick-list">
          {opts.map((o) => (
            <label key={String(o.value)} className="pick">
              <input
                type="checkbox"
                checked={picked.has(o.value)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(o.value);
                  else next.delete(o.value);
                  set(opts.map((x) => x.value).filter((v) => next.has(v)));
                }}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        {message}
      </fieldset>
    );
  }
  let input: ReactNode;
  const str = value === null || value === undefined ? '' : String(value);
  if (f.kind === 'textarea') input = <textarea {...a11y} rows={3} value={str} onChange={(e) => set(e.target.value)} />;
  else if (f.kind === 'select') {
    const opts = choices && f.options ? f.options(choices, lang) : [];
    input = (
      <select {...a11y} value={str} onChange={(e) => set(e.target.value || null)}>
        <option value="">—</option>
        {opts.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else
    input = (
      <input
        {...a11y}
        required={f.required}
        type={f.kind === 'number' ? 'number' : f.kind === 'email' ? 'email' : f.kind === 'date' ? 'date' : 'text'}
        step={f.kind === 'number' ? 'any' : undefined}
        min={f.kind === 'number' ? 0 : undefined}
        value={str}
        onChange={(e) => {
          const x = e.target.value;
          if (f.kind === 'number') set(x.trim() === '' ? null : Number(x.replace(',', '.')));
          else set(f.kind === 'date' || f.kind === 'email' ? x || null : x);
        }}
      />
    );
  return (
    <div className={`field${f.kind === 'textarea' ? ' span-2' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {input}
      {message}
    </div>
  );
}

/**
 * A form over `fields`: sends only what changed (plus what `extra` adds), shows every field's
 * own message from a 400 next to it, and the rest of an error above the buttons.
 */
export function ReachForm({
  title,
  fields,
  initial,
  choices,
  submitLabel,
  onSubmit,
  onCancel,
  errorPrefix = '',
  children,
}: {
  title?: string;
  fields: FormField[];
  initial: Values;
  choices?: Choices;
  submitLabel?: string;
  onSubmit: (changed: Values) => Promise<void>;
  onCancel?: () => void;
  errorPrefix?: string;
  children?: ReactNode;
}) {
  const { t, errorText } = useI18n();
  const fieldErrors = useFieldErrors();
  const [values, setValues] = useState<Values>(initial);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, errorPrefix);
  const known = errors.filter((x) => fields.some((f) => messagesOf([x], f.name)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const changed: Values = {};
      for (const f of fields)
        if (JSON.stringify(values[f.name] ?? null) !== JSON.stringify(initial[f.name] ?? null)) changed[f.name] = values[f.name];
      await onSubmit(changed);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card record-form" onSubmit={(e) => void submit(e)} noValidate>
      {title && <h3>{title}</h3>}
      <div className="form-grid">
        {fields.map((f) => (
          <Control
            key={f.name}
            f={f}
            value={values[f.name]}
            error={messagesOf(errors, f.name)}
            choices={choices}
            set={(v) => setValues((s) => ({ ...s, [f.name]: v }))}
          />
        ))}
      </div>
      {children}
      {error !== undefined && (
        <div className="alert alert-error" role="alert">
          {known.length ? `${t('ss.fixFields')} ${errorText(error)}` : errorText(error)}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel ?? t('common.save')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
