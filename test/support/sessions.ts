import { formatLocal } from '@rueda/domain';

/**
 * A Jornada happening now, for tests and benchmarks of the live day (which run on the real
 * clock): a session that started half an hour ago, in the fixed-offset time zone where it is
 * 10:00–11:00 now, so the session never crosses midnight whatever the hour the run starts.
 */
export function sessionAroundNow(minutes: number) {
  const zones = Array.from({ length: 27 }, (_, i) => i - 14).map((o) =>
    o === 0 ? 'Etc/GMT' : `Etc/GMT${o > 0 ? '+' : '-'}${Math.abs(o)}`,
  );
  const timeZone = zones.find((z) => Number(formatLocal(new Date(), z).slice(11, 13)) === 10)!;
  const [day, time] = formatLocal(new Date(Date.now() - 30 * 60_000), timeZone).split('T');
  const [h, m] = time.split(':').map(Number);
  const from = h * 60 + m - (m % 10);
  const fmt = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return {
    timeZone,
    session: { label: 'Hoy', day, startTime: fmt(from), endTime: fmt(from + minutes), slotMinutes: 20, gapMinutes: 0, breaks: [] },
  };
}
