import { useState } from 'react';
import { call, client } from '../api';
import { useI18n } from '../i18n';
import type { Meeting, Slot } from '../types';
import { ErrorBox, Notice } from '../ui';

/**
 * A meeting's window (PUT …/meetings/:id/window): the slots it may take, e.g. morning only.
 * The scheduler and the live repair keep it inside; the server refuses a window with no slot
 * where both participants are available and says why.
 */
export function MeetingWindowEditor({
  eventId,
  timeZone,
  meeting,
  slots,
  pair,
  onDone,
}: {
  eventId: string;
  timeZone: string;
  meeting: Meeting;
  slots: Slot[];
  pair: string;
  onDone: () => void;
}) {
  const { t, time, date } = useI18n();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set(meeting.allowedSlotIds ?? []));
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const current = meeting.allowedSlotIds?.length ?? 0;
  const save = async (allowedSlotIds: string[] | null) => {
    setError(undefined);
    setDone(null);
    try {
      await call(
        client.PUT('/events/{eventId}/meetings/{meetingId}/window', {
          params: { path: { eventId, meetingId: meeting.id } },
          body: { allowedSlotIds },
        }),
      );
      setDone(allowedSlotIds ? t('window.saved', { n: allowedSlotIds.length }) : t('window.cleared'));
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const label = current ? t('window.some', { n: current }) : t('window.any');
  if (!open)
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)} aria-label={t('window.editFor', { pair })}>
        {t('window.button')}: {label}
      </button>
    );
  const ordered = [...slots].sort((a, b) => a.ordinal - b.ordinal);
  return (
    <form
      className="window-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save(chosen.size ? ordered.filter((s) => chosen.has(s.id)).map((s) => s.id) : null);
      }}
    >
      <fieldset>
        <legend>{t('window.title', { pair })}</legend>
        <p className="muted small">{t('window.help')}</p>
        <div className="window-slots">
          {ordered.map((s) => (
            <label key={s.id} className="checkbox">
              <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} />
              {s.code} · {date(s.startsAt, timeZone)} {time(s.startsAt, timeZone)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn btn-small btn-primary">
          {t('window.save')}
        </button>
        {current > 0 && (
          <button type="button" className="btn btn-small" onClick={() => void save(null)}>
            {t('window.clear')}
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          {t('window.cancel')}
        </button>
      </div>
      <ErrorBox error={error} />
      {done && (
        <div aria-live="polite">
          <Notice kind="ok">{done}</Notice>
        </div>
      )}
    </form>
  );
}
