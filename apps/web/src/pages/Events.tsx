import { useState, type FormEvent } from 'react';
import { call, client } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { Shell } from '../Shell';
import type { Session } from '../types';
import { ErrorBox, Field, Loading } from '../ui';

const emptySession = (day = ''): Session => ({
  label: '',
  day,
  startTime: '09:00',
  endTime: '13:00',
  slotMinutes: 20,
  gapMinutes: 5,
  breaks: [],
});

/** "10:20-10:40, 15:00-15:15" ⇄ breaks. */
export const breaksToText = (b: Session['breaks']) => b.map((x) => `${x.start}-${x.end}`).join(', ');
export function parseBreaks(text: string): Session['breaks'] | null {
  const parts = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: Session['breaks'] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(p);
    if (!m) return null;
    out.push({ start: m[1].padStart(5, '0'), end: m[2].padStart(5, '0') });
  }
  return out;
}

export function SessionsEditor({
  sessions,
  onChange,
}: {
  sessions: (Session & { breaksText?: string })[];
  onChange: (s: (Session & { breaksText?: string })[]) => void;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<Session & { breaksText?: string }>) =>
    onChange(sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="sessions">
      <legend>{t('event.sessions')}</legend>
      {sessions.map((s, i) => (
        <div className="session-row" key={i} role="group" aria-label={t('event.sessionN', { n: i + 1 })}>
          <Field label={t('event.sessionLabel')}>
            {(id) => (
              <input id={id} value={s.label} onChange={(e) => set(i, { label: e.target.value })} placeholder={t('event.sessionLabelPh')} />
            )}
          </Field>
          <Field label={t('event.day')}>
            {(id) => <input id={id} type="date" required value={s.day} onChange={(e) => set(i, { day: e.target.value })} />}
          </Field>
          <Field label={t('event.start')}>
            {(id) => <input id={id} type="time" required value={s.startTime} onChange={(e) => set(i, { startTime: e.target.value })} />}
          </Field>
          <Field label={t('event.end')}>
            {(id) => <input id={id} type="time" required value={s.endTime} onChange={(e) => set(i, { endTime: e.target.value })} />}
          </Field>
          <Field label={t('event.slotMinutes')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={5}
                max={240}
                required
                value={s.slotMinutes}
                onChange={(e) => set(i, { slotMinutes: Number(e.target.value) })}
              />
            )}
          </Field>
          <Field label={t('event.gapMinutes')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                max={120}
                value={s.gapMinutes}
                onChange={(e) => set(i, { gapMinutes: Number(e.target.value) })}
              />
            )}
          </Field>
          <Field label={t('event.breaks')} hint={t('event.breaksHint')} className="grow">
            {(id, hint) => (
              <input
                id={id}
                aria-describedby={hint}
                value={s.breaksText ?? breaksToText(s.breaks)}
                onChange={(e) => set(i, { breaksText: e.target.value })}
                placeholder="10:20-10:40"
              />
            )}
          </Field>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => onChange(sessions.filter((_, j) => j !== i))}
            disabled={sessions.length === 1}
          >
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange([...sessions, emptySession(sessions.at(-1)?.day ?? '')])}>
        {t('event.addSession')}
      </button>
    </fieldset>
  );
}

/** Turns the editor rows into API sessions, or a message naming the bad break text. */
export function sessionsForApi(rows: (Session & { breaksText?: string })[]): { sessions: Session[] } | { bad: number } {
  const out: Session[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { breaksText, id: _id, ...s } = rows[i];
    const breaks = breaksText === undefined ? s.breaks : parseBreaks(breaksText);
    if (!breaks) return { bad: i + 1 };
    out.push({ ...s, breaks });
  }
  return { sessions: out };
}

function CreateEvent({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [timeZone, setTimeZone] = useState('America/Guayaquil');
  const [tableCount, setTableCount] = useState(20);
  const [sessions, setSessions] = useState<(Session & { breaksText?: string })[]>([emptySession()]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const s = sessionsForApi(sessions);
    if ('bad' in s) return setError(new Error(t('event.badBreaks', { n: s.bad })));
    setBusy(true);
    setError(undefined);
    try {
      const ev = await call(client.POST('/events', { body: { name, venue, timeZone, tableCount, sessions: s.sessions } }));
      navigate(`events/${ev.id}/setup`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">{t('events.create')}</h2>
      <div className="form-grid">
        <Field label={t('event.name')}>
          {(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('event.venue')}>
          {(id) => <input id={id} maxLength={300} value={venue} onChange={(e) => setVenue(e.target.value)} />}
        </Field>
        <Field label={t('event.timeZone')}>
          {(id) => <input id={id} required value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />}
        </Field>
        <Field label={t('event.tableCount')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              max={2000}
              required
              value={tableCount}
              onChange={(e) => setTableCount(Number(e.target.value))}
            />
          )}
        </Field>
      </div>
      <SessionsEditor sessions={sessions} onChange={setSessions} />
      <ErrorBox error={error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('events.createSubmit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function EventsPage() {
  const { t, dateTime } = useI18n();
  const list = useLoad(() => call(client.GET('/events', { params: { query: { pageSize: 100 } } })), []);
  const [creating, setCreating] = useState(false);
  return (
    <Shell>
      <div className="page-head">
        <h1>{t('events.title')}</h1>
        {!creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('events.new')}
          </button>
        )}
      </div>
      {creating && <CreateEvent onCancel={() => setCreating(false)} />}
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data && list.data.items.length === 0 ? (
        <p className="muted">{t('events.empty')}</p>
      ) : (
        <ul className="event-list">
          {list.data?.items.map((ev) => (
            <li key={ev.id} className="card event-item">
              <Link to={`events/${ev.id}/setup`} className="event-link">
                {ev.name}
              </Link>
              <span className="muted">{ev.venue}</span>
              {ev.createdAt && <span className="muted small">{t('events.created', { when: dateTime(ev.createdAt, ev.timeZone) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </Shell>
  );
}
