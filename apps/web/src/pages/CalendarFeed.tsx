import { useState } from 'react';
import { bearerHeader, call, client, type Schemas } from '../api';
import { API_BASE } from '../config';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { ErrorBox, Notice } from '../ui';

/** What this device keeps of the link it was given (the server keeps only a hash). */
type Issued = Pick<Schemas['CalendarIssued'], 'token' | 'path' | 'issuedAt'>;

const KEY = (participantId: string) => `rueda.calendar.${participantId}`;

/** The feed's https URL (API origin) and its webcal:// twin, which phones hand to their calendar app. */
function feedUrls(path: string) {
  const https = new URL(`${API_BASE}${path}`, window.location.origin).toString();
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

/**
 * Subscribe the participant's calendar to its agenda: one URL that Google, Apple and Outlook
 * calendars poll, so moves, delays and cancellations reach the phone by themselves. The link
 * is shown once when created (the server keeps only a hash), remembered on this device, and
 * can be renewed (the old one stops working) or revoked.
 */
export function CalendarFeed({ token, participantId }: { token: string; participantId: string }) {
  const { t, dateTime } = useI18n();
  const status = useLoad(() => call(client.GET('/me/calendar', { headers: bearerHeader(token) })), [token]);
  const [issued, setIssued] = useState<Issued | null>(() => {
    try {
      return JSON.parse(localStorage.getItem(KEY(participantId)) ?? 'null') as Issued | null;
    } catch {
      return null;
    }
  });
  const [error, setError] = useState<unknown>();
  const [copied, setCopied] = useState(false);
  const active = status.data?.active ?? false;
  // A link remembered here but revoked or renewed elsewhere is not shown.
  const shown = active && issued && issued.issuedAt === status.data?.issuedAt ? issued : null;
  const create = async () => {
    setError(undefined);
    try {
      const r = await call(client.POST('/me/calendar', { headers: bearerHeader(token) }));
      const kept = { token: r.token, path: r.path, issuedAt: new Date(r.issuedAt).toISOString() };
      localStorage.setItem(KEY(participantId), JSON.stringify(kept));
      setIssued(kept);
      await status.reload();
    } catch (e) {
      setError(e);
    }
  };
  const revoke = async () => {
    setError(undefined);
    try {
      await call(client.DELETE('/me/calendar', { headers: bearerHeader(token) }));
      localStorage.removeItem(KEY(participantId));
      setIssued(null);
      await status.reload();
    } catch (e) {
      setError(e);
    }
  };
  const urls = shown ? feedUrls(shown.path) : null;
  return (
    <section aria-labelledby="calendar-feed" className="card calendar-feed no-print">
      <h2 id="calendar-feed">{t('calendar.title')}</h2>
      <p className="small">{t('calendar.help')}</p>
      <ErrorBox error={error ?? status.error} />
      {urls ? (
        <>
          <label className="small" htmlFor="calendar-url">
            {t('calendar.url')}
          </label>
          <input id="calendar-url" className="calendar-url" readOnly value={urls.webcal} onFocus={(e) => e.currentTarget.select()} />
          <div className="actions">
            <a className="btn btn-primary" href={urls.webcal}>
              {t('calendar.open')}
            </a>
            <a
              className="btn"
              href={`https://calendar.google.com/calendar/r?cid=${encodeURIComponent(urls.webcal)}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('calendar.google')}
            </a>
            <button
              type="button"
              className="btn"
              onClick={() =>
                void navigator.clipboard?.writeText(urls.https).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {t('calendar.copy')}
            </button>
          </div>
          {copied && <Notice kind="ok">{t('calendar.copied')}</Notice>}
        </>
      ) : active ? (
        <p className="small">{t('calendar.activeElsewhere', { at: dateTime(status.data!.issuedAt!) })}</p>
      ) : null}
      <div className="actions">
        <button type="button" className="btn" onClick={() => void create()}>
          {active ? t('calendar.renew') : t('calendar.create')}
        </button>
        {active && (
          <button type="button" className="btn btn-ghost" onClick={() => void revoke()}>
            {t('calendar.revoke')}
          </button>
        )}
      </div>
    </section>
  );
}
