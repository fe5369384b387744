import { useState } from 'react';
import { call, client, saveFile, type Schemas } from '../api';
import type { paths } from '../generated/api';
import { appUrl } from '../config';
import { useInterval, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { ErrorBox, Loading, Notice, Pager, Progress } from '../ui';
import { useEvent } from './event-context';

type ReachRow = Schemas['ParticipantReach'];
type Plan = paths['/events/{eventId}/invitations/preview']['post']['responses'][200]['content']['application/json'];
const STATES = [
  'no_link',
  'never_sent',
  'sending',
  'held',
  'delivered',
  'failed',
  'opened',
] as const satisfies readonly ReachRow['state'][];
type Campaign = Schemas['Campaign'];
type Change = Schemas['ParticipantChange'];
type ReviewGroup = paths['/events/{eventId}/reviews']['get']['responses'][200]['content']['application/json']['participants'][number];
type Registration = Schemas['Registration'];
/** The invitations filter: the list's query without its page. */
type Filter = Omit<NonNullable<paths['/events/{eventId}/invitations']['get']['parameters']['query']>, 'page' | 'pageSize'>;

const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'eventId', 'participantId']);
/** What a change altered, field by field: before → after. */
function diff(c: Change): { field: string; before: string; after: string }[] {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') : String(v));
  const keys = new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})]);
  return [...keys]
    .filter((k) => !HIDDEN.has(k))
    .map((k) => ({ field: k, before: show(c.before?.[k]), after: show(c.after?.[k]) }))
    .filter((x) => x.before !== x.after);
}

function Invitations() {
  const { t, pick, dateTime, num } = useI18n();
  const { event } = useEvent();
  const tz = event.timeZone;
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  const path = { eventId: event.id };
  const list = useLoad(
    () => call(client.GET('/events/{eventId}/invitations', { params: { path, query: { ...filter, page, pageSize: 50 } } })),
    [event.id, qs.toString(), page],
  );
  const [plan, setPlan] = useState<Plan | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const body: Filter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
  const run = async (f: () => Promise<void>) => {
    setError(undefined);
    setMsg(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    }
  };
  useInterval(
    () =>
      void call(
        client.GET('/events/{eventId}/invitations/campaigns/{campaignId}', {
          params: { path: { eventId: event.id, campaignId: campaignId! } },
        }),
      ).then((c) => {
        setCampaign(c);
        void list.reload();
      }, setError),
    2000,
    !!campaignId && (campaign?.percent ?? 0) < 100,
  );
  /** The filtered list with each participant's link, as a file. */
  const exportLinks = (format: 'csv' | 'xlsx') =>
    saveFile(
      client.GET('/events/{eventId}/invitations/links.{format}', { params: { path: { ...path, format }, query: body }, parseAs: 'blob' }),
      `enlaces.${format}`,
    );
  return (
    <section className="card" aria-labelledby="reach-participants">
      <h2 id="reach-participants">{t('reach.participants')}</h2>
      <p className="small">{t('reach.help')}</p>
      <div className="filters">
        <label>
          {t('reach.state')}{' '}
          <select
            value={filter.state ?? ''}
            onChange={(e) => (setPage(1), setFilter({ ...filter, state: (e.target.value || undefined) as Filter['state'] }))}
          >
            <option value="">{t('common.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {`${t(`reach.state.${s}` as MessageKey)} (${num(list.data?.states[s] ?? 0)})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reach.kind')}{' '}
          <select
            value={filter.kind ?? ''}
            onChange={(e) => (setPage(1), setFilter({ ...filter, kind: (e.target.value || undefined) as Filter['kind'] }))}
          >
            <option value="">{t('common.all')}</option>
            <option value="gadm">{t('kind.gadm')}</option>
            <option value="cooperant">{t('kind.cooperant')}</option>
          </select>
        </label>
        <label>
          {t('reach.search')}{' '}
          <input
            type="search"
            value={filter.q ?? ''}
            onChange={(e) => (setPage(1), setFilter({ ...filter, q: e.target.value || undefined }))}
          />
        </label>
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={() =>
            void run(async () => {
              const r = await call(client.POST('/events/{eventId}/invitations/links', { params: { path }, body }));
              setMsg(t('reach.issued', r));
              await list.reload();
            })
          }
        >
          {t('reach.issueLinks')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() =>
            void run(async () => setPlan(await call(client.POST('/events/{eventId}/invitations/preview', { params: { path }, body }))))
          }
        >
          {t('reach.preview')}
        </button>
        <button type="button" className="btn" onClick={() => void run(() => exportLinks('csv'))}>
          {t('reach.exportCsv')}
        </button>
        <button type="button" className="btn" onClick={() => void run(() => exportLinks('xlsx'))}>
          {t('reach.exportXlsx')}
        </button>
      </div>
      {msg && <Notice kind="ok">{msg}</Notice>}
      <ErrorBox error={error ?? list.error} />
      {plan && (
        <div className="card reach-plan">
          <p>{t('reach.recipients', { n: plan.recipients.length })}</p>
          {plan.skipped.length > 0 && (
            <>
              <p>{t('reach.skipped', { n: plan.skipped.length })}</p>
              <ul>
                {plan.skipped.map((s) => (
                  <li key={s.participantId}>
                    <strong>{`${s.externalId} · ${s.name}`}</strong>: {pick(s.reason)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={plan.recipients.length === 0}
              onClick={() =>
                void run(async () => {
                  const r = await call(client.POST('/events/{eventId}/invitations/send', { params: { path }, body }));
                  setPlan(null);
                  setCampaign(null);
                  setCampaignId(r.campaignId);
                })
              }
            >
              {t('reach.send', { n: plan.recipients.length })}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setPlan(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {campaignId && (
        <div aria-live="polite">
          <Progress value={campaign?.percent ?? 0} label={t('reach.participants')} />
          {campaign && (
            <p className="small">
              {t('reach.campaign', {
                pct: campaign.percent,
                delivered: campaign.counts.delivered ?? 0,
                retrying: (campaign.counts.retrying ?? 0) + (campaign.counts.queued ?? 0),
                failed: (campaign.counts.failed ?? 0) + (campaign.counts.bounced ?? 0),
                held: campaign.counts.held ?? 0,
              })}
            </p>
          )}
        </div>
      )}
      {!list.data ? (
        !list.error && <Loading />
      ) : (
        <>
          <div className="table-scroll">
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('reach.col.participant')}</th>
                  <th scope="col">{t('reach.col.contacts')}</th>
                  <th scope="col">{t('reach.col.link')}</th>
                  <th scope="col">{t('reach.col.invitation')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <strong>{r.name}</strong>
                      <div className="small muted">{`${r.externalId} · ${t(`kind.${r.kind}` as MessageKey)}`}</div>
                    </td>
                    <td className="wrap-anywhere">
                      {r.contacts.length ? r.contacts.join(', ') : <span className="badge badge-error">{t('reach.noAddress')}</span>}
                      {r.problems.map((p, i) => (
                        <div key={i} className="small warn-text">
                          {pick(p)}
                        </div>
                      ))}
                    </td>
                    <td className="small">
                      {r.link ? (
                        <>
                          <div>{t('reach.linkIssued', { at: dateTime(r.link.issuedAt, tz) })}</div>
                          {r.link.lastSeenAt && <div>{t('reach.lastSeen', { at: dateTime(r.link.lastSeenAt, tz) })}</div>}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <span className={`badge badge-reach-${r.state}`}>{t(`reach.state.${r.state}` as MessageKey)}</span>
                      {r.invitation && (
                        <div className="small muted">
                          {`${dateTime(r.invitation.sentAt ?? r.invitation.at, tz)} · ${t('reach.attempts', { n: r.invitation.attempts })}`}
                          {r.invitation.lastError && <div className="warn-text wrap-anywhere">{r.invitation.lastError}</div>}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pages={Math.max(1, Math.ceil(list.data.total / 50))} total={list.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function Reviews() {
  const { t, dateTime } = useI18n();
  const { event, reloadParticipants } = useEvent();
  const q = useLoad(
    () => call(client.GET('/events/{eventId}/reviews', { params: { path: { eventId: event.id }, query: { status: 'pending' } } })),
    [event.id],
  );
  const [comments, setComments] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const decide = async (g: ReviewGroup, how: 'approve' | 'return') => {
    setError(undefined);
    setMsg(null);
    try {
      const params = { path: { eventId: event.id, participantId: g.participantId } };
      const changeIds = g.changes.map((c) => c.id);
      if (how === 'approve')
        await call(
          client.POST('/events/{eventId}/reviews/{participantId}/approve', {
            params,
            body: { changeIds, ...(comments[g.participantId] ? { comment: comments[g.participantId] } : {}) },
          }),
        );
      else
        await call(
          client.POST('/events/{eventId}/reviews/{participantId}/return', {
            params,
            body: { changeIds, comment: comments[g.participantId] ?? '' },
          }),
        );
      setMsg(t(how === 'approve' ? 'reach.approved' : 'reach.returnedOk', { name: g.name }));
      await Promise.all([q.reload(), reloadParticipants()]);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="reach-reviews">
      <h2 id="reach-reviews">{t('reach.reviews')}</h2>
      {msg && <Notice kind="ok">{msg}</Notice>}
      <ErrorBox error={error ?? q.error} />
      {q.data?.participants.length === 0 && <p className="muted">{t('reach.reviewsNone')}</p>}
      {q.data?.participants.map((g) => (
        <article key={g.participantId} className="review-group">
          <h3>{`${g.externalId} · ${g.name}`}</h3>
          <ul>
            {g.changes.map((c) => (
              <li key={c.id}>
                <strong>{`${t(`reach.entity.${c.entity}` as MessageKey)} (${t(`reach.action.${c.action}` as MessageKey)})`}</strong>
                <span className="small muted">{` · ${dateTime(c.createdAt, event.timeZone)}`}</span>
                <div className="table-scroll">
                  <table className="table compact">
                    <thead>
                      <tr>
                        <th scope="col">{t('conflict.field')}</th>
                        <th scope="col">{t('reach.before')}</th>
                        <th scope="col">{t('reach.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff(c).map((d) => (
                        <tr key={d.field}>
                          <th scope="row">{d.field}</th>
                          <td className="wrap-anywhere">{d.before}</td>
                          <td className="wrap-anywhere">{d.after}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </li>
            ))}
          </ul>
          <label className="field">
            {t('reach.comment', { name: g.name })}
            <textarea
              rows={2}
              value={comments[g.participantId] ?? ''}
              onChange={(e) => setComments({ ...comments, [g.participantId]: e.target.value })}
            />
          </label>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => void decide(g, 'approve')}>
              {t('reach.approve')}
            </button>
            <button type="button" className="btn" onClick={() => void decide(g, 'return')}>
              {t('reach.return')}
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}

function Registrations() {
  const { t, dateTime } = useI18n();
  const { event, reloadParticipants } = useEvent();
  const q = useLoad(
    () => call(client.GET('/events/{eventId}/registrations', { params: { path: { eventId: event.id }, query: { status: 'pending' } } })),
    [event.id],
  );
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const open = !!(event.settings as { registrationOpen?: boolean } | undefined)?.registrationOpen;
  const act = async (r: Registration, how: 'approve' | 'reject') => {
    setError(undefined);
    try {
      const params = { path: { eventId: event.id, registrationId: r.id } };
      if (how === 'approve') await call(client.POST('/events/{eventId}/registrations/{registrationId}/approve', { params }));
      else
        await call(
          client.POST('/events/{eventId}/registrations/{registrationId}/reject', { params, body: { comment: reasons[r.id] ?? '' } }),
        );
      await Promise.all([q.reload(), reloadParticipants()]);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="reach-registrations">
      <h2 id="reach-registrations">{t('reach.registrations')}</h2>
      <p className="small wrap-anywhere">
        {open ? t('reach.registrationForm', { url: appUrl(`registro/${event.id}`) }) : t('reach.registrationClosed')}
      </p>
      <ErrorBox error={error ?? q.error} />
      {q.data?.length === 0 && <p className="muted">{t('reach.registrationsNone')}</p>}
      {q.data?.map((r) => (
        <article key={r.id} className="review-group">
          <h3>{[r.data.acronym, r.data.name].filter(Boolean).join(' · ')}</h3>
          <p className="small wrap-anywhere">
            {`${r.data.contact.fullName}${r.data.contact.role ? ` (${r.data.contact.role})` : ''} · ${r.email} · ${dateTime(r.createdAt, event.timeZone)} · ${t('reach.regOffers', { n: r.data.offers.length })}: ${r.data.offers.map((o) => o.title).join('; ')}`}
          </p>
          <label className="field">
            {t('reach.regReason', { name: r.data.name })}
            <textarea rows={2} value={reasons[r.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [r.id]: e.target.value })} />
          </label>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => void act(r, 'approve')}>
              {t('reach.regApprove')}
            </button>
            <button type="button" className="btn" onClick={() => void act(r, 'reject')}>
              {t('reach.regReject')}
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}

/** The console's "Invitaciones" tab: who has a link and an invitation, the review queue, new cooperants. */
export function ReachTab() {
  return (
    <>
      <Invitations />
      <Reviews />
      <Registrations />
    </>
  );
}
