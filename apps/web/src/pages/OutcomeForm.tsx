import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, bearerHeader, call, client } from '../api';
import type { paths } from '../generated/api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { ErrorBox, Notice } from '../ui';

type PendingMeeting = paths['/me/outcomes/pending']['get']['responses'][200]['content']['application/json']['meetings'][number];
type OutcomeBody = paths['/me/outcomes/{meetingId}']['put']['requestBody']['content']['application/json'];
interface Contact {
  name: string;
  role: string;
  email: string;
  phone: string;
}

const NEXT_STEPS = ['MOU', 'TECH_MISSION', 'PROJECT_PROFILE', 'FUND_APPLICATION', 'VOLUNTEERING', 'TWINNING'] as const;
const emptyContact = (): Contact => ({ name: '', role: '', email: '', phone: '' });

/** The participant's outcome forms, one per held meeting still without its outcome. */
export function OutcomeForms({ token, timeZone, refreshKey }: { token: string; timeZone: string; refreshKey: string }) {
  const { t } = useI18n();
  const pending = useLoad(() => call(client.GET('/me/outcomes/pending', { headers: bearerHeader(token) })), [token, refreshKey]);
  const [saved, setSaved] = useState<string | null>(null);
  const items = pending.data?.meetings ?? [];
  if (!items.length && !saved) return null;
  return (
    <section aria-labelledby="outcomes-title" className="no-print outcomes">
      <h2 id="outcomes-title">{t('agenda.outcomes')}</h2>
      <div aria-live="polite">{saved && <Notice kind="ok">{saved}</Notice>}</div>
      {items.length > 0 && <p className="muted small">{t('agenda.outcomesHelp')}</p>}
      {items.map((m) => (
        <OutcomeForm
          key={m.meetingId}
          meeting={m}
          token={token}
          timeZone={timeZone}
          onSaved={async () => {
            setSaved(t('outcome.saved', { name: m.counterpart.name }));
            await pending.reload();
          }}
        />
      ))}
    </section>
  );
}

/** "es text / en text" (the API's field messages) → the chosen language. */
function OutcomeForm({
  meeting,
  token,
  timeZone,
  onSaved,
}: {
  meeting: PendingMeeting;
  token: string;
  timeZone: string;
  onSaved: () => Promise<void>;
}) {
  const { t, time, pick } = useI18n();
  const uid = useId();
  const [interest, setInterest] = useState('');
  const [steps, setSteps] = useState<string[]>([]);
  const [amount, setAmount] = useState('');
  const [contacts, setContacts] = useState<Contact[]>([emptyContact()]);
  const [notes, setNotes] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `${uid}-${f}`;
  const err = (path: string) => issues[path];
  /** Describes a control by its error message when it has one. */
  const a11y = (path: string) => (err(path) ? { 'aria-invalid': true, 'aria-describedby': id(`${path}-err`) } : {});
  const errorLine = (path: string): ReactNode =>
    err(path) ? (
      <small id={id(`${path}-err`)} className="field-error" role="alert">
        {err(path)}
      </small>
    ) : null;
  const setContact = (i: number, k: keyof Contact, v: string) => setContacts(contacts.map((c, j) => (j === i ? { ...c, [k]: v } : c)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssues({});
    setError(undefined);
    const amountNum = amount.trim() === '' ? null : Number(amount.replace(',', '.'));
    const body = {
      interest: interest ? Number(interest) : undefined,
      nextSteps: steps,
      amountUsd: amountNum === null || Number.isNaN(amountNum) ? (amount.trim() === '' ? null : amount) : amountNum,
      contacts: contacts
        .filter((c) => c.name.trim() || c.role.trim() || c.email.trim() || c.phone.trim())
        .map((c) => ({
          name: c.name,
          ...(c.role.trim() ? { role: c.role } : {}),
          ...(c.email.trim() ? { email: c.email.trim() } : {}),
          ...(c.phone.trim() ? { phone: c.phone } : {}),
        })),
      notes,
    };
    try {
      await call(
        client.PUT('/me/outcomes/{meetingId}', {
          params: { path: { meetingId: meeting.meetingId } },
          // Sent as typed (no interest, an amount that is not a number): the API's 400 names each wrong field, shown beside it.
          body: body as OutcomeBody,
          headers: bearerHeader(token),
        }),
      );
      await onSaved();
    } catch (x) {
      if (x instanceof ApiError && x.status === 400 && x.body?.fields?.length) {
        const map: Record<string, string> = {};
        for (const f of x.body.fields) map[f.path] = map[f.path] ? `${map[f.path]} · ${pick(f)}` : pick(f);
        setIssues(map);
      } else setError(x);
    } finally {
      setBusy(false);
    }
  };
  const known = new Set([
    'interest',
    'nextSteps',
    'amountUsd',
    'notes',
    ...contacts.flatMap((_, i) => ['name', 'role', 'email', 'phone'].map((k) => `contacts.${i}.${k}`)),
  ]);
  const other = Object.entries(issues).filter(([p]) => !known.has(p));
  return (
    <form className="card outcome-form" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('agenda.outcomeFor', { name: meeting.counterpart.name })}</h3>
      <p className="muted small">
        {meeting.startsAt ? time(meeting.startsAt, timeZone) : ''}
        {meeting.tableNumber != null ? ` · ${t('agenda.table', { n: meeting.tableNumber })}` : ''}
      </p>
      {Object.keys(issues).length > 0 && (
        <Notice kind="error">
          {t('outcome.fix')}
          {other.length ? ` ${other.map(([p, m]) => `${p}: ${m}`).join(' · ')}` : ''}
        </Notice>
      )}
      <ErrorBox error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={id('interest')}>{t('outcome.interest')}</label>
          <select id={id('interest')} value={interest} onChange={(e) => setInterest(e.target.value)} {...a11y('interest')}>
            <option value="">{t('outcome.choose')}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {errorLine('interest')}
        </div>
        <div className="field">
          <label htmlFor={id('amountUsd')}>{t('outcome.amount')}</label>
          <input
            id={id('amountUsd')}
            inputMode="decimal"
            type="number"
            step="any"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            {...a11y('amountUsd')}
          />
          {errorLine('amountUsd') ?? <small className="hint">{t('outcome.amountHint')}</small>}
        </div>
      </div>
      <fieldset className="checks" {...(err('nextSteps') ? { 'aria-describedby': id('nextSteps-err') } : {})}>
        <legend>{t('outcome.nextSteps')}</legend>
        {NEXT_STEPS.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={steps.includes(c)}
              onChange={(e) => setSteps(e.target.checked ? [...steps, c] : steps.filter((x) => x !== c))}
            />
            {t(`next.${c}` as MessageKey)}
          </label>
        ))}
        {errorLine('nextSteps')}
      </fieldset>
      <fieldset className="contacts">
        <legend>{t('outcome.contacts')}</legend>
        {contacts.map((c, i) => (
          <div key={i} className="form-grid contact-row">
            {(['name', 'role', 'email', 'phone'] as const).map((k) => {
              const path = `contacts.${i}.${k}`;
              const labelKey = `outcome.contact${k[0].toUpperCase()}${k.slice(1)}` as MessageKey;
              return (
                <div key={k} className="field">
                  <label htmlFor={id(path)}>{t(labelKey, { n: i + 1 })}</label>
                  <input
                    id={id(path)}
                    type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
                    value={c[k]}
                    onChange={(e) => setContact(i, k, e.target.value)}
                    {...a11y(path)}
                  />
                  {errorLine(path)}
                </div>
              );
            })}
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setContacts([...contacts, emptyContact()])}>
          {t('outcome.addContact')}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={id('notes')}>{t('outcome.notes')}</label>
        <textarea id={id('notes')} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} {...a11y('notes')} />
        {errorLine('notes')}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('outcome.save')}
        </button>
      </div>
    </form>
  );
}
