import { useState } from 'react';
import { call, client } from '../api';
import { useI18n } from '../i18n';
import type { Meeting } from '../types';
import { ErrorBox, Field, Notice } from '../ui';

/**
 * Makes one meeting hybrid with its own video-call link (or on site again). The link is data:
 * both agendas and both calendar feeds show it; no video service is built in.
 */
export function VideoLinkEditor({
  eventId,
  meeting,
  label,
  onDone,
}: {
  eventId: string;
  meeting: Meeting;
  label: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState(meeting.videoUrl ?? '');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const save = async (videoUrl: string | null) => {
    setError(undefined);
    setDone(null);
    try {
      await call(
        client.PUT('/events/{eventId}/meetings/{meetingId}/video', {
          params: { path: { eventId, meetingId: meeting.id } },
          body: { videoUrl, version: meeting.version },
        }),
      );
      setDone(videoUrl ? t('hybrid.saved') : t('hybrid.removed'));
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  if (!open)
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)} aria-label={`${t('hybrid.edit')} ${label}`}>
        {meeting.videoUrl ? `🎥 ${t('hybrid.badge')}` : t('hybrid.edit')}
      </button>
    );
  return (
    <form
      className="video-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save(url.trim() || null);
      }}
    >
      <Field label={t('hybrid.url')}>
        {(id) => <input id={id} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />}
      </Field>
      <button type="submit" className="btn btn-small btn-primary">
        {t('hybrid.save')}
      </button>
      {meeting.videoUrl && (
        <button type="button" className="btn btn-small" onClick={() => void save(null)}>
          {t('hybrid.remove')}
        </button>
      )}
      <ErrorBox error={error} />
      {done && <Notice kind="ok">{done}</Notice>}
    </form>
  );
}
