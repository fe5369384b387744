import { useEffect, useState } from 'react';
import { bearerHeader, call, client, type Schemas } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { ParticipantShell } from '../Shell';
import type { MessageKey } from '../messages';
import { Link } from '../router';
import { ErrorBox, Loading, Notice } from '../ui';

type Prefs = Schemas['NotificationPrefs'];

/**
 * Where the "choose notifications or stop emails" link of every email lands
 * (`/app/a/<token>/avisos`): the participant's channels and what it was told lately.
 */
export function NoticePrefsPage({ token }: { token: string }) {
  const { t, dateTime } = useI18n();
  const headers = bearerHeader(token);
  const prefs = useLoad(() => call(client.GET('/me/notifications/preferences', { headers })), [token]);
  const recent = useLoad(() => call(client.GET('/me/notifications', { headers })), [token]);
  const me = useLoad(() => call(client.GET('/me', { headers })), [token]);
  const tz = me.data?.event?.timeZone;
  const [draft, setDraft] = useState<Prefs | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (prefs.data) setDraft(prefs.data);
  }, [prefs.data]);
  const save = async () => {
    if (!draft) return;
    setError(undefined);
    setSaved(false);
    try {
      prefs.setData(await call(client.PUT('/me/notifications/preferences', { headers: bearerHeader(token), body: draft })));
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <ParticipantShell>
      <p>
        <Link to={`a/${token}`}>{t('ss.back')}</Link>
      </p>
      <h1>{t('prefs.title')}</h1>
      <p>{t('prefs.help')}</p>
      <ErrorBox error={prefs.error ?? error} />
      {!draft ? (
        !prefs.error && <Loading />
      ) : (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="pick">
            <input type="checkbox" checked={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.checked })} />
            <span>{t('prefs.email')}</span>
          </label>
          <label className="pick">
            <input type="checkbox" checked={draft.push} onChange={(e) => setDraft({ ...draft, push: e.target.checked })} />
            <span>{t('prefs.push')}</span>
          </label>
          {!draft.email && <p className="small">{t('prefs.noEmail')}</p>}
          <div className="actions">
            <button type="submit" className="btn btn-primary">
              {t('prefs.save')}
            </button>
          </div>
          {saved && <Notice kind="ok">{t('prefs.saved')}</Notice>}
        </form>
      )}
      <section className="card" aria-labelledby="prefs-recent">
        <h2 id="prefs-recent">{t('prefs.recent')}</h2>
        <ErrorBox error={recent.error} />
        {recent.data?.length === 0 && <p className="muted">{t('prefs.none')}</p>}
        <ul className="ss-items">
          {recent.data?.map((n) => (
            <li key={n.id}>
              <span className="ss-item-name">{t(`notice.${n.kind}` as MessageKey)}</span>
              <span className="small muted">
                {dateTime(n.createdAt, tz)} · {t(`prefs.status.${n.status}` as MessageKey)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </ParticipantShell>
  );
}
