import { useEffect, useRef, useState } from 'react';
import jsQR from 'jsqr';
import { call, client } from './api';
import { useI18n } from './i18n';
import { Notice } from './ui';

interface Detector {
  detect: (source: CanvasImageSource) => Promise<{ rawValue: string }[]>;
}
type DetectorClass = { new (o: { formats: string[] }): Detector; getSupportedFormats: () => Promise<string[]> };

/** The platform's BarcodeDetector when it reads QR codes (Android, macOS, ChromeOS), else null. */
async function nativeDetector(): Promise<Detector | null> {
  const Ctor = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Ctor) return null;
  try {
    return (await Ctor.getSupportedFormats()).includes('qr_code') ? new Ctor({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/** Reads a QR code from a video frame or an image: BarcodeDetector where it exists, jsQR otherwise. */
async function readQr(source: HTMLVideoElement | ImageBitmap, canvas: HTMLCanvasElement, native: Detector | null): Promise<string | null> {
  if (native) {
    const [hit] = await native.detect(source).catch(() => []);
    if (hit) return hit.rawValue;
  }
  const w = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const h = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (!w || !h) return null;
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, w, h);
  const img = ctx.getImageData(0, 0, w, h);
  return jsQR(img.data, w, h, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** The same code seen again this soon is the same person still in front of the camera. */
const SAME_CODE_MS = 5_000;

/**
 * Staff scan a delegate's check-in QR (from the agenda) with the device camera, or from a
 * photo where there is no camera, and the delegate is checked in; every answer is said in words.
 */
export function QrScanner({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const { t, time, errorText } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const last = useRef<{ code: string; at: number } | null>(null);
  const busy = useRef(false);
  const [on, setOn] = useState(false);
  const [answer, setAnswer] = useState<{ kind: 'ok' | 'warn' | 'error'; text: string } | null>(null);

  const submit = async (code: string) => {
    const now = Date.now();
    if (last.current && last.current.code === code && now - last.current.at < SAME_CODE_MS) return;
    last.current = { code, at: now };
    try {
      const r = await call(client.POST('/events/{eventId}/live/checkins/code', { params: { path: { eventId } }, body: { code } }));
      const vars = {
        name: r.delegate.fullName,
        org: r.participant.name,
        time: time(r.delegate.checkedInAt ?? new Date().toISOString(), timeZone),
      };
      setAnswer(r.alreadyCheckedIn ? { kind: 'warn', text: t('qr.again', vars) } : { kind: 'ok', text: t('qr.done', vars) });
    } catch (e) {
      setAnswer({ kind: 'error', text: errorText(e) });
    }
  };

  const stop = () => {
    stream.current?.getTracks().forEach((x) => x.stop());
    stream.current = null;
    setOn(false);
  };

  const start = async () => {
    setAnswer(null);
    last.current = null;
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      setOn(true);
    } catch {
      setAnswer({ kind: 'error', text: t('qr.noCamera') });
    }
  };

  useEffect(() => {
    if (!on || !video.current || !stream.current) return;
    const v = video.current;
    v.srcObject = stream.current;
    void v.play().catch(() => undefined);
    let stopped = false;
    let native: Detector | null = null;
    void nativeDetector().then((d) => (native = d));
    const id = window.setInterval(async () => {
      if (stopped || busy.current || !canvas.current || v.readyState < 2) return;
      busy.current = true;
      try {
        const code = await readQr(v, canvas.current, native);
        if (code && !stopped) await submit(code);
      } finally {
        busy.current = false;
      }
    }, 250);
    return () => {
      stopped = true;
      window.clearInterval(id);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on]);

  useEffect(() => () => stream.current?.getTracks().forEach((x) => x.stop()), []);

  const fromPhoto = async (file: File | undefined) => {
    if (!file || !canvas.current) return;
    setAnswer(null);
    last.current = null;
    const bitmap = await createImageBitmap(file).catch(() => null);
    const code = bitmap ? await readQr(bitmap, canvas.current, await nativeDetector()) : null;
    if (code) await submit(code);
    else setAnswer({ kind: 'error', text: t('qr.unreadable') });
  };

  return (
    <section className="card qr-scanner no-print" aria-labelledby="qr-title">
      <h2 id="qr-title">{t('qr.scanTitle')}</h2>
      <p className="muted small">{t('qr.scanHelp')}</p>
      <div className="actions">
        {on ? (
          <button type="button" className="btn" onClick={stop}>
            {t('qr.stop')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void start()}>
            {t('qr.scan')}
          </button>
        )}
        <label className="btn">
          {t('qr.photo')}
          <input type="file" accept="image/*" className="visually-hidden" onChange={(e) => void fromPhoto(e.target.files?.[0])} />
        </label>
      </div>
      {on && <video ref={video} className="qr-video" muted playsInline aria-label={t('qr.camera')} />}
      <canvas ref={canvas} hidden />
      <div aria-live="assertive">{answer && <Notice kind={answer.kind}>{answer.text}</Notice>}</div>
    </section>
  );
}
