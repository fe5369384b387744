import { useState, type FormEvent } from 'react';
import { MEETING_STATUSES, type MeetingStatus, WINDOW_EDITABLE_STATUSES } from '@rueda/domain';
import { call, client } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { Meeting } from '../types';
import { ErrorBox, Field, Loading, Notice, StatusBadge, Pager } from '../ui';
import { useEvent } from './event-context';
import { MeetingWindowEditor } from './MeetingWindow';
import { VideoLinkEditor } from './VideoLink';

function AddMeeting({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { event, participants } = useEvent();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [mandatory, setMandatory] = useState(true);
  const [error, setError] = useState<unknown>();
  const [ok, setOk] = useState<string | null>(null);
  const run = async (kind: 'meeting' | 'request') => {
    setError(undefined);
    setOk(null);
    try {
      const params = { path: { eventId: event.id } };
      if (kind === 'meeting')
        await call(client.POST('/events/{eventId}/meetings', { params, body: { participantAId: a, participantBId: b, mandatory } }));
      else await call(client.POST('/events/{eventId}/meetings/requests', { params, body: { requesterId: a, counterpartId: b } }));
      setOk(t(kind === 'meeting' ? 'meetings.addedOk' : 'meetings.requestedOk'));
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('meeting');
  };
  const gadms = participants.filter((p) => p.kind === 'gadm');
  const coops = participants.filter((p) => p.kind === 'cooperant');
  const options = (
    <>
      <option value="">—</option>
      <optgroup label={t('kind.gadms')}>
        {gadms.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('kind.cooperants')}>
        {coops.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </optgroup>
    </>
  );
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-meeting-title">
      <h2 id="add-meeting-title">{t('meetings.add')}</h2>
      <p className="muted">{t('meetings.addHelp')}</p>
      <div className="form-row">
        <Field label={t('meetings.a')} className="grow">
          {(id) => (
            <select id={id} required value={a} onChange={(e) => setA(e.target.value)}>
              {options}
            </select>
          )}
        </Field>
        <Field label={t('meetings.b')} className="grow">
          {(id) => (
            <select id={id} required value={b} onChange={(e) => setB(e.target.value)}>
              {options}
            </select>
          )}
        </Field>
        <div className="field checkbox">
          <input id="mandatory" type="checkbox" checked={mandatory} onChange={(e) => setMandatory(e.target.checked)} />
          <label htmlFor="mandatory">{t('meetings.mandatory')}</label>
        </div>
      </div>
      <ErrorBox error={error} />
      {ok && <Notice kind="ok">{ok}</Notice>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={!a || !b || a === b}>
          {t('meetings.addSubmit')}
        </button>
        <button type="button" className="btn" disabled={!a || !b || a === b} onClick={() => void run('request')}>
          {t('meetings.requestSubmit')}
        </button>
      </div>
    </form>
  );
}

export function MeetingsTab() {
  const { t, num, dateTime } = useI18n();
  const { event, name, participants } = useEvent();
  const [status, setStatus] = useState<MeetingStatus | ''>('requested');
  const [participantId, setParticipantId] = useState('');
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>();
  // The answered row leaves the "requested" list: say what happened, or it just vanishes.
  const [answered, setAnswered] = useState<string | null>(null);
  const pageSize = 50;
  const path = { eventId: event.id };
  const query = { page, pageSize, ...(status ? { status } : {}), ...(participantId ? { participantId } : {}) };
  const list = useLoad(
    () => call(client.GET('/events/{eventId}/meetings', { params: { path, query } })),
    [event.id, page, status, participantId],
  );
  const slots = useLoad(() => call(client.GET('/events/{eventId}/slots', { params: { path } })), [event.id]);
  const answer = async (m: Meeting, how: 'accept' | 'decline') => {
    setError(undefined);
    setAnswered(null);
    try {
      const params = { path: { eventId: event.id, meetingId: m.id } };
      const body = { version: m.version };
      await call(
        how === 'accept'
          ? client.POST('/events/{eventId}/meetings/{meetingId}/accept', { params, body })
          : client.POST('/events/{eventId}/meetings/{meetingId}/decline', { params, body }),
      );
      const pair = { a: name(m.participantAId), b: name(m.participantBId) };
      setAnswered(t(how === 'accept' ? 'meetings.acceptedOk' : 'meetings.declinedOk', pair));
      await list.reload();
    } catch (e) {
      setError(e);
      await list.reload();
    }
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="stack">
      <section className="card" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('meetings.title')}</h2>
        <div className="form-row filters">
          <Field label={t('meetings.status')}>
            {(id) => (
              <select
                id={id}
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as MeetingStatus | '');
                  setPage(1);
                }}
              >
                <option value="">{t('common.all')}</option>
                {MEETING_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('field.participant')} className="grow">
            {(id) => (
              <select
                id={id}
                value={participantId}
                onChange={(e) => {
                  setParticipantId(e.target.value);
                  setPage(1);
                }}
              >
                <option value="">{t('common.all')}</option>
                {participants.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div aria-live="polite">{answered && <Notice kind="ok">{answered}</Notice>}</div>
        <ErrorBox error={error ?? list.error} />
        {list.loading && !list.data ? (
          <Loading />
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('meetings.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.requester')}</th>
                  <th scope="col">{t('meetings.counterpart')}</th>
                  <th scope="col">{t('meetings.origin')}</th>
                  <th scope="col">{t('meetings.status')}</th>
                  <th scope="col">{t('meetings.weight')}</th>
                  <th scope="col">{t('meetings.expires')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data?.items.length === 0 && (
                  <tr>
                    <td colSpan={7} className="muted">
                      {t('meetings.empty')}
                    </td>
                  </tr>
                )}
                {list.data?.items.map((m) => (
                  <tr key={m.id}>
                    <td>{name(m.participantAId)}</td>
                    <td>{name(m.participantBId)}</td>
                    <td>
                      {t(`origin.${m.origin}` as MessageKey)}
                      {m.mandatory && m.origin !== 'mandatory' ? ` · ${t('meetings.mandatoryShort')}` : ''}
                    </td>
                    <td>
                      <StatusBadge status={m.status} />
                    </td>
                    <td>{num(m.weight, 2)}</td>
                    <td>{m.expiresAt ? dateTime(m.expiresAt, event.timeZone) : '—'}</td>
                    <td className="row-actions">
                      {slots.data && WINDOW_EDITABLE_STATUSES.includes(m.status as MeetingStatus) && (
                        <MeetingWindowEditor
                          eventId={event.id}
                          timeZone={event.timeZone}
                          meeting={m}
                          slots={slots.data}
                          pair={`${name(m.participantAId)} – ${name(m.participantBId)}`}
                          onDone={() => void list.reload()}
                        />
                      )}
                      {['accepted', 'scheduled', 'checked_in'].includes(m.status) && (
                        <VideoLinkEditor
                          eventId={event.id}
                          meeting={m}
                          label={`${name(m.participantAId)} – ${name(m.participantBId)}`}
                          onDone={() => void list.reload()}
                        />
                      )}
                      {m.status === 'requested' && (
                        <>
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            onClick={() => answer(m, 'accept')}
                            aria-label={t('meetings.acceptFor', { a: name(m.participantAId), b: name(m.participantBId) })}
                          >
                            {t('meetings.accept')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => answer(m, 'decline')}
                            aria-label={t('meetings.declineFor', { a: name(m.participantAId), b: name(m.participantBId) })}
                          >
                            {t('meetings.decline')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pages={pages} total={total} onPage={setPage} />
      </section>
      <AddMeeting onDone={() => void list.reload()} />
    </div>
  );
}
