import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { Schemas } from '../api';
import { useI18n } from '../i18n';

/** A delegate's check-in code, as GET /me gives it. */
export type CheckInCode = Schemas['Me']['checkInCodes'][number];

function Qr({ c }: { c: CheckInCode }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Medium error correction and a wide quiet zone: read at arm's length from a cracked phone screen.
    void QRCode.toDataURL(c.code, { errorCorrectionLevel: 'M', margin: 3, width: 232 }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [c.code]);
  return (
    <figure className="checkin-qr">
      {src && <img src={src} width={232} height={232} alt={t('qr.alt', { name: c.fullName })} data-code={c.code} />}
      <figcaption>{c.fullName}</figcaption>
    </figure>
  );
}

/** The delegates' check-in codes on the agenda: shown at the entrance or the table, scanned by staff. */
export function CheckInQrs({ codes }: { codes: CheckInCode[] }) {
  const { t } = useI18n();
  if (!codes.length) return null;
  return (
    <section aria-labelledby="checkin-title" className="checkin-qrs">
      <h2 id="checkin-title">{t('qr.title', { n: codes.length })}</h2>
      <p className="muted small">{t('qr.help')}</p>
      <div className="checkin-qr-list">
        {codes.map((c) => (
          <Qr key={c.delegateId} c={c} />
        ))}
      </div>
    </section>
  );
}
