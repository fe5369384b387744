import { useState } from 'react';
import { call, client, type Schemas } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { DayAssignment, DayMeeting } from '../live-apply';
import { ErrorBox, Field, Notice, StatusBadge } from '../ui';

const STATUSES = ['scheduled', 'checked_in', 'held', 'no_show', 'cancelled'] as const;

type Change = Schemas['StatusChange'];

/**
 * Organisers correct a meeting's status (a wrong "No-show", a meeting held after all), always
 * with a reason; the meeting's history shows who changed what, when, from what to what.
 */
export function CorrectionPanel({
  eventId,
  timeZone,
  assignments,
  meetings,
  onDone,
}: {
  eventId: string;
  timeZone: string;
  assignments: DayAssignment[];
  meetings: Map<string, DayMeeting>;
  onDone: () => void;
}) {
  const { t, time, dateTime } = useI18n();
  const [meetingId, setMeetingId] = useState('');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('held');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const history = useLoad(
    () =>
      meetingId
        ? call(client.GET('/events/{eventId}/live/meetings/{meetingId}/history', { params: { path: { eventId, meetingId } } }))
        : Promise.resolve([] as Change[]),
    [eventId, meetingId],
  );
  const chosen = assignments.find((a) => a.meetingId === meetingId);
  const current = meetings.get(meetingId);
  const submit = async () => {
    setError(undefined);
    setDone(null);
    try {
      await call(
        client.POST('/events/{eventId}/live/meetings/{meetingId}/correction', {
          params: { path: { eventId, meetingId } },
          body: { status, reason, version: current?.version },
        }),
      );
      setDone(t('safety.corrected', { status: t(`status.${status}` as MessageKey) }));
      setReason('');
      onDone();
      await history.reload();
    } catch (e) {
      setError(e);
    }
  };
  const label = (a: DayAssignment) =>
    `${a.slot} ${time(a.startsAt, timeZone)} · ${t('grid.tableN', { n: a.table })} · ${a.participantA} ⇄ ${a.participantB} · ${t(
      `status.${meetings.get(a.meetingId)?.status ?? 'scheduled'}` as MessageKey,
    )}`;
  return (
    <section className="card" aria-labelledby="correction-title">
      <h2 id="correction-title">{t('safety.correctTitle')}</h2>
      <p className="muted small">{t('safety.correctHelp')}</p>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t('safety.meeting')} className="grow">
          {(id) => (
            <select id={id} value={meetingId} onChange={(e) => setMeetingId(e.target.value)} required>
              <option value="">—</option>
              {assignments.map((a) => (
                <option key={a.meetingId} value={a.meetingId}>
                  {label(a)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('safety.newStatus')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('safety.reason')} className="grow">
          {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={!meetingId}>
          {t('safety.correct')}
        </button>
      </form>
      <ErrorBox error={error} />
      {done && <Notice kind="ok">{done}</Notice>}
      {chosen && (history.data?.length ?? 0) > 0 && (
        <div className="table-scroll">
          <table className="table compact" aria-label={t('safety.history')}>
            <caption>{t('safety.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('safety.when')}</th>
                <th scope="col">{t('safety.who')}</th>
                <th scope="col">{t('safety.what')}</th>
                <th scope="col">{t('safety.change')}</th>
                <th scope="col">{t('safety.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data!.map((h) => (
                <tr key={h.id}>
                  <td>{dateTime(h.at, timeZone)}</td>
                  <td>{h.actorEmail ?? '—'}</td>
                  <td>{t(`safety.kind.${h.kind}` as MessageKey)}</td>
                  <td>
                    <StatusBadge status={h.before} /> → <StatusBadge status={h.after} />
                  </td>
                  <td>{h.reason || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
