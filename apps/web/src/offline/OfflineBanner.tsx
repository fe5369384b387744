import { useI18n } from '../i18n';

/**
 * "Sin conexión — datos de las 11:05": shown while a page draws what it kept on the device;
 * the time is in the event's zone, with the date when the data is from another day.
 */
export function OfflineBanner({ savedAt, timeZone }: { savedAt: string | null; timeZone: string }) {
  const { t, time, date } = useI18n();
  if (!savedAt) return null;
  const sameDay = date(savedAt, timeZone) === date(new Date(), timeZone);
  return (
    <div className="alert alert-warn offline-banner" role="status" data-offline-since={savedAt}>
      <strong>
        {sameDay
          ? t('offline.banner', { time: time(savedAt, timeZone) })
          : t('offline.bannerDay', { date: date(savedAt, timeZone), time: time(savedAt, timeZone) })}
      </strong>{' '}
      <span>{t('offline.help')}</span>
    </div>
  );
}
