import { useState } from 'react';
import { call, client } from '../api';
import { saveSettings } from '../eventSettings';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { ErrorBox, Loading } from '../ui';
import { useEvent } from './event-context';

/**
 * Learning from the event (switch, per event) and how the recommendations fared: the share of
 * requests sent to a top-five recommendation and the acceptance rate by rank.
 */
export function LearningPanel({ version }: { version: number }) {
  const { t, num } = useI18n();
  const { event, reloadEvent } = useEvent();
  const report = useLoad(
    () => call(client.GET('/events/{eventId}/matching/report', { params: { path: { eventId: event.id } } })),
    [event.id, version],
  );
  const [error, setError] = useState<unknown>();
  const learn = event.settings?.learnFromRequests !== false;
  const toggle = async (on: boolean) => {
    setError(undefined);
    try {
      await saveSettings(event.id, { learnFromRequests: on });
    } catch (e) {
      setError(e);
    }
    await reloadEvent();
    await report.reload();
  };
  const r = report.data;
  const pct = (x: number | null) => (x === null ? '—' : `${num(x * 100, 0)} %`);
  return (
    <section className="card" aria-labelledby="learning-title">
      <h2 id="learning-title">{t('learning.title')}</h2>
      <label className="check">
        <input type="checkbox" checked={learn} onChange={(e) => void toggle(e.target.checked)} /> {t('learning.switch')}
      </label>
      <p className="muted small">{t('learning.help')}</p>
      <ErrorBox error={error ?? report.error} />
      {!r ? (
        <Loading />
      ) : r.requests === 0 ? (
        <p className="muted">{t('learning.noRequests')}</p>
      ) : (
        <>
          <p>{t('learning.share', { pct: pct(r.shareFromTop), n: num(r.fromTop), total: num(r.requests) })}</p>
          <table className="table">
            <caption className="muted small">{t('learning.byRank')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('learning.rank')}</th>
                <th scope="col">{t('learning.requests')}</th>
                <th scope="col">{t('learning.accepted')}</th>
                <th scope="col">{t('learning.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {r.byRank
                .filter((b) => b.requests > 0)
                .map((b) => (
                  <tr key={b.rank}>
                    <th scope="row">{b.rank === 'none' ? t('learning.unlisted') : b.rank}</th>
                    <td>{num(b.requests)}</td>
                    <td>{t('learning.acceptedOf', { a: num(b.accepted), d: num(b.decided) })}</td>
                    <td>{pct(b.acceptanceRate)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
