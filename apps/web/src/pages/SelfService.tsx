import { useState } from 'react';
import { ApiError, bearerHeader, call, client, type Schemas } from '../api';
import type { paths } from '../generated/api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { ParticipantShell } from '../Shell';
import { Link } from '../router';
import { ErrorBox, Loading, Notice } from '../ui';
import { ReachForm, taxonomyOptions, useChoices, type Choices, type FormField, type Values } from './ReachForms';

type Rec = Values & { id: string; version: number };
type Mine = Schemas['SelfService'];
type ProfileChange = NonNullable<paths['/me/profile']['patch']['requestBody']>['content']['application/json'];
/** A new delegate, demand or offer, and a change to one (the API checks the body by collection). */
type NewItem = paths['/me/profile/{items}']['post']['requestBody']['content']['application/json'];
type ItemChange = paths['/me/profile/{items}/{id}']['patch']['requestBody']['content']['application/json'];

const PROFILE: FormField[] = [
  { name: 'name', label: 'field.name', kind: 'text', required: true },
  { name: 'email', label: 'field.email', kind: 'email' },
  { name: 'phone', label: 'field.phone', kind: 'text' },
  { name: 'parallel', label: 'field.parallel', kind: 'number' },
  { name: 'maxMeetings', label: 'field.maxMeetings', kind: 'number' },
];
const COOPERANT_PROFILE: FormField[] = [
  { name: 'acronym', label: 'field.acronym', kind: 'text' },
  { name: 'tipo', label: 'field.tipo', kind: 'select', options: taxonomyOptions.tipos },
  { name: 'origin', label: 'field.origin', kind: 'text' },
];
const DELEGATE: FormField[] = [
  { name: 'fullName', label: 'field.fullName', kind: 'text', required: true },
  { name: 'role', label: 'field.role', kind: 'text' },
  { name: 'email', label: 'field.email', kind: 'email' },
  { name: 'phone', label: 'field.phone', kind: 'text' },
];
/** Demands and offers: the same fields as the organiser API and the import (the server checks them). */
export const DEMAND: FormField[] = [
  { name: 'title', label: 'field.title', kind: 'text', required: true },
  { name: 'description', label: 'field.description', kind: 'textarea' },
  { name: 'amountUsd', label: 'field.amountUsd', kind: 'number' },
  { name: 'deadline', label: 'field.deadline', kind: 'date' },
  { name: 'sectors', label: 'field.sectors', kind: 'picks', options: taxonomyOptions.sectors },
  { name: 'competencias', label: 'field.competencias', kind: 'picks', options: taxonomyOptions.competencias },
  { name: 'modalidades', label: 'field.modalidades', kind: 'picks', options: taxonomyOptions.modalidades },
  { name: 'ods', label: 'field.ods', kind: 'picks', options: taxonomyOptions.ods },
];
export const OFFER: FormField[] = [
  { name: 'title', label: 'field.title', kind: 'text', required: true },
  { name: 'description', label: 'field.description', kind: 'textarea' },
  { name: 'minAmountUsd', label: 'field.minAmountUsd', kind: 'number' },
  { name: 'maxAmountUsd', label: 'field.maxAmountUsd', kind: 'number' },
  { name: 'validUntil', label: 'field.validUntil', kind: 'date' },
  { name: 'sectors', label: 'field.sectors', kind: 'picks', options: taxonomyOptions.sectors },
  { name: 'modalidades', label: 'field.modalidades', kind: 'picks', options: taxonomyOptions.modalidades },
  { name: 'ods', label: 'field.ods', kind: 'picks', options: taxonomyOptions.ods },
  { name: 'regions', label: 'field.regions', kind: 'picks', options: taxonomyOptions.regions },
  { name: 'provinces', label: 'field.provinces', kind: 'picks', options: taxonomyOptions.provinces },
];

const pickValues = (r: Values | null, fields: FormField[]): Values => Object.fromEntries(fields.map((f) => [f.name, r?.[f.name] ?? null]));

/** A collection the participant keeps itself: delegates, demands or offers. */
function Items({
  token,
  path,
  title,
  help,
  fields,
  items,
  label,
  choices,
  open,
  onChanged,
}: {
  token: string;
  path: 'delegates' | 'demands' | 'offers';
  title: string;
  help?: string;
  fields: FormField[];
  items: Rec[];
  label: (r: Rec) => string;
  choices?: Choices;
  open: boolean;
  onChanged: (msg?: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Rec | 'new' | null>(null);
  const [error, setError] = useState<unknown>();
  const remove = async (r: Rec) => {
    if (!window.confirm(t('ss.confirmDelete', { name: label(r) }))) return;
    try {
      await call(client.DELETE('/me/profile/{items}/{id}', { headers: bearerHeader(token), params: { path: { items: path, id: r.id } } }));
      await onChanged(t('ss.saved'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby={`ss-${path}`}>
      <h2 id={`ss-${path}`}>{title}</h2>
      {help && <p className="small">{help}</p>}
      <ErrorBox error={error} />
      {items.length === 0 ? (
        <p className="muted">{t('ss.none')}</p>
      ) : (
        <ul className="ss-items">
          {items.map((r) => (
            <li key={r.id}>
              <span className="ss-item-name">{label(r)}</span>
              {open && (
                <span className="actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setEditing(r)}
                    aria-label={`${t('common.edit')}: ${label(r)}`}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    onClick={() => void remove(r)}
                    aria-label={`${t('common.delete')}: ${label(r)}`}
                  >
                    {t('common.delete')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && editing === null && (
        <button type="button" className="btn" onClick={() => setEditing('new')}>
          {t('ss.add')}
        </button>
      )}
      {editing !== null && (
        <ReachForm
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          title={editing === 'new' ? t('ss.new') : label(editing)}
          fields={fields}
          initial={pickValues(editing === 'new' ? null : editing, fields)}
          choices={choices}
          onCancel={() => setEditing(null)}
          onSubmit={async (changed) => {
            try {
              const headers = bearerHeader(token);
              // One form serves the three collections, so its values are read as the body of this
              // one; the API checks them by collection and its 400 names each wrong field.
              if (editing === 'new')
                await call(client.POST('/me/profile/{items}', { headers, params: { path: { items: path } }, body: changed as NewItem }));
              else
                await call(
                  client.PATCH('/me/profile/{items}/{id}', {
                    headers,
                    params: { path: { items: path, id: editing.id } },
                    body: { ...changed, version: editing.version } as ItemChange,
                  }),
                );
            } catch (e) {
              if (e instanceof ApiError && e.status === 409) {
                setEditing(null);
                await onChanged(t('ss.conflict'));
                return;
              }
              throw e;
            }
            setEditing(null);
            await onChanged(t('ss.saved'));
          }}
        />
      )}
    </section>
  );
}

function Availability({
  token,
  data,
  open,
  onChanged,
}: {
  token: string;
  data: Mine;
  open: boolean;
  onChanged: (msg?: string) => Promise<void>;
}) {
  const { t, day, time } = useI18n();
  const tz = data.window.timeZone;
  const [off, setOff] = useState(() => new Set(data.availability.unavailableSlotIds));
  const [error, setError] = useState<unknown>();
  const byDay = new Map<string, Mine['availability']['slots']>();
  for (const s of data.availability.slots) {
    const d = day(s.startsAt, tz);
    byDay.set(d, [...(byDay.get(d) ?? []), s]);
  }
  const save = async () => {
    setError(undefined);
    try {
      await call(client.PUT('/me/profile/availability', { headers: bearerHeader(token), body: { unavailableSlotIds: [...off] } }));
      await onChanged(t('ss.saved'));
    } catch (e) {
      setError(e);
    }
  };
  if (data.availability.slots.length === 0) return null;
  return (
    <section className="card" aria-labelledby="ss-availability">
      <h2 id="ss-availability">{t('ss.availability')}</h2>
      <p className="small">{t('ss.availabilityHelp')}</p>
      {[...byDay].map(([d, slots]) => (
        <fieldset key={d} className="picks">
          <legend>{d}</legend>
          <div className="pick-list">
            {slots.map((s) => (
              <label key={s.id} className="pick">
                <input
                  type="checkbox"
                  disabled={!open}
                  checked={off.has(s.id)}
                  onChange={(e) =>
                    setOff((cur) => {
                      const next = new Set(cur);
                      if (e.target.checked) next.add(s.id);
                      else next.delete(s.id);
                      return next;
                    })
                  }
                />
                <span>{`${time(s.startsAt, tz)}–${time(s.endsAt, tz)}`}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <ErrorBox error={error} />
      {open && (
        <button type="button" className="btn btn-primary" onClick={() => void save()}>
          {t('ss.saveAvailability')}
        </button>
      )}
    </section>
  );
}

/** Self-service behind the personal link: profile, delegates, availability, demands or offers. */
export function SelfServicePage({ token }: { token: string }) {
  const { t, dateTime, zone, num, usd } = useI18n();
  const me = useLoad(() => call(client.GET('/me/profile', { headers: bearerHeader(token) })), [token]);
  const choices = useChoices();
  const [saved, setSaved] = useState<string | null>(null);
  const changed = async (msg?: string) => {
    setSaved(msg ?? null);
    await me.reload();
  };
  const d = me.data;
  const w = d?.window;
  const isGadm = d?.participant.kind === 'gadm';
  const profileFields = d && !isGadm ? [...PROFILE, ...COOPERANT_PROFILE] : PROFILE;
  return (
    <ParticipantShell className="self-service">
      <p>
        <Link to={`a/${token}`}>{t('ss.back')}</Link>
      </p>
      <h1>{t('ss.title')}</h1>
      <ErrorBox error={me.error ?? choices.error} />
      {!d ? (
        !me.error && <Loading />
      ) : (
        <>
          <p className="agenda-who">
            <strong>{d.participant.name}</strong>
          </p>
          {w!.open ? (
            <Notice>
              {w!.deadline
                ? t('ss.open', { at: dateTime(w!.deadline, w!.timeZone), tz: zone(w!.timeZone, w!.deadline) })
                : t('ss.openNoDeadline')}
            </Notice>
          ) : (
            <Notice kind="warn">{t('ss.closed', { at: dateTime(w!.deadline!, w!.timeZone), tz: zone(w!.timeZone, w!.deadline!) })}</Notice>
          )}
          {d.review.returned?.comment && !d.review.pending && (
            <Notice kind="warn">{t('ss.returned', { comment: d.review.returned.comment })}</Notice>
          )}
          {d.review.pending && <Notice>{t('ss.pending', { n: d.review.pending.count })}</Notice>}
          {saved && <Notice kind="ok">{saved}</Notice>}
          <section className="card" aria-labelledby="ss-profile">
            <h2 id="ss-profile">{t('ss.profile')}</h2>
            {w!.open ? (
              <ReachForm
                key={`${d.participant.version}`}
                fields={profileFields}
                initial={pickValues(d.participant, profileFields)}
                choices={choices.data}
                onSubmit={async (c) => {
                  try {
                    // The form's changed values, checked field by field by the server.
                    const body = { ...c, version: d.participant.version } as ProfileChange;
                    await call(client.PATCH('/me/profile', { headers: bearerHeader(token), body }));
                    await changed(t('ss.saved'));
                  } catch (e) {
                    if (e instanceof ApiError && e.status === 409) await changed(t('ss.conflict'));
                    else throw e;
                  }
                }}
              />
            ) : (
              <dl className="ss-readonly">
                {profileFields.map((f) => (
                  <div key={f.name}>
                    <dt>{t(f.label)}</dt>
                    <dd>{String((d.participant as Values)[f.name] ?? '—')}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <Items
            token={token}
            path="delegates"
            title={t('ss.delegates')}
            help={t('ss.delegatesHelp')}
            fields={DELEGATE}
            items={d.delegates}
            label={(r) => [r.fullName, r.role].filter(Boolean).join(' · ')}
            open={w!.open}
            onChanged={changed}
          />
          {isGadm ? (
            <Items
              token={token}
              path="demands"
              title={t('ss.demands')}
              fields={DEMAND}
              items={d.demands}
              choices={choices.data}
              label={(r) => `${String(r.title)}${typeof r.amountUsd === 'number' ? ` · ${usd(r.amountUsd)}` : ''}`}
              open={w!.open}
              onChanged={changed}
            />
          ) : (
            <Items
              token={token}
              path="offers"
              title={t('ss.offers')}
              fields={OFFER}
              items={d.offers}
              choices={choices.data}
              label={(r) =>
                `${String(r.title)}${typeof r.maxAmountUsd === 'number' ? ` · ≤ ${usd(r.maxAmountUsd)}` : ''}${
                  Array.isArray(r.sectors) && r.sectors.length ? ` · ${num(r.sectors.length)} ${t('field.sectors').toLowerCase()}` : ''
                }`
              }
              open={w!.open}
              onChanged={changed}
            />
          )}
          <Availability key={d.availability.unavailableSlotIds.join()} token={token} data={d} open={w!.open} onChanged={changed} />
        </>
      )}
    </ParticipantShell>
  );
}
