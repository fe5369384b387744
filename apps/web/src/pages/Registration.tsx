import { useState } from 'react';
import { call, client } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { ParticipantShell } from '../Shell';
import { ErrorBox, Loading, Notice } from '../ui';
import { ReachForm, taxonomyOptions, useChoices, type FormField, type Values } from './ReachForms';
import { OFFER } from './SelfService';

const OFFER_AT = 'offers.0.';
/** One form, named by the paths the API reports errors on (`contact.fullName`, `offers.0.title`). */
const FIELDS: FormField[] = [
  { name: 'name', label: 'field.name', kind: 'text', required: true },
  { name: 'acronym', label: 'field.acronym', kind: 'text' },
  { name: 'tipo', label: 'field.tipo', kind: 'select', options: taxonomyOptions.tipos },
  { name: 'origin', label: 'field.origin', kind: 'text' },
  { name: 'email', label: 'field.email', kind: 'email', required: true },
  { name: 'phone', label: 'field.phone', kind: 'text' },
  { name: 'contact.fullName', label: 'field.contactName', kind: 'text', required: true },
  { name: 'contact.role', label: 'field.contactRole', kind: 'text' },
  ...OFFER.map((f) => ({ ...f, name: OFFER_AT + f.name })),
];

function body(v: Values) {
  const out: Values = { contact: {}, offers: [{}] };
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === '' || x === undefined) continue;
    if (k.startsWith('contact.')) (out.contact as Values)[k.slice(8)] = x;
    else if (k.startsWith(OFFER_AT)) ((out.offers as Values[])[0] as Values)[k.slice(OFFER_AT.length)] = x;
    else out[k] = x;
  }
  return out;
}

/** The public form for cooperants not in the catalogue (`/app/registro/<event>`): the organisers approve it. */
export function RegistrationPage({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const form = useLoad(() => call(client.GET('/public/events/{eventId}/registration', { params: { path: { eventId } } })), [eventId]);
  const choices = useChoices();
  const [done, setDone] = useState<string | null>(null);
  return (
    <ParticipantShell>
      <h1>{t('reg.title')}</h1>
      <ErrorBox error={form.error ?? choices.error} />
      {!form.data ? (
        !form.error && <Loading />
      ) : (
        <>
          <p className="agenda-who">
            <strong>{form.data.event.name}</strong>
            {form.data.event.venue ? ` · ${form.data.event.venue}` : ''}
          </p>
          {!form.data.open ? (
            <Notice kind="warn">{t('reg.closed')}</Notice>
          ) : done ? (
            <Notice kind="ok">{t('reg.done', { email: done })}</Notice>
          ) : (
            <>
              <p>{t('reg.help')}</p>
              <ReachForm
                fields={FIELDS}
                initial={{}}
                choices={choices.data}
                submitLabel={t('reg.submit')}
                onSubmit={async (v) => {
                  // The form's values, checked field by field by the server (bilingual errors per field).
                  await call(
                    client.POST('/public/events/{eventId}/registration', { params: { path: { eventId } }, body: body(v) as never }),
                  );
                  setDone(String(v.email));
                }}
              />
            </>
          )}
        </>
      )}
    </ParticipantShell>
  );
}
