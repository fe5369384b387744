import { useId, type ReactNode } from 'react';
import { useI18n } from './i18n';
import type { MessageKey } from './messages';
import type { Participation } from './types';

export function ErrorBox({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errorText(error)}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'ok' | 'warn' | 'error'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Progress({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(100, value));
  return (
    <div className="progress-wrap">
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
        <div className="progress-bar" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text">{Math.round(pct)} %</span>
    </div>
  );
}

/** A labelled input; every control in the app goes through it or has its own <label>. */
export function Field({
  label,
  hint,
  children,
  className,
}: {
  label: string;
  hint?: string;
  className?: string;
  children: (id: string, describedBy?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `status.${status}` as MessageKey;
  return <span className={`badge badge-${status}`}>{t(key) === key ? status : t(key)}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="stat">
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
      {hint && <div className="stat-hint">{hint}</div>}
    </div>
  );
}

/** A figure whose label agrees with it: "1 Franja", "9 Franjas" (the label is a plural message taking n). */
export function CountStat({ label, n, hint, className }: { label: MessageKey; n: number; hint?: string; className?: string }) {
  const { t, num } = useI18n();
  return <Stat label={t(label, { n })} value={className ? <span className={className}>{num(n)}</span> : num(n)} hint={hint} />;
}

/**
 * The GADM figures (in the Jornada, with demands, with and without meetings) with the labels
 * the server defines once for the console, the reports and the PDF.
 */
export function ParticipationFigures({ participation }: { participation?: Participation | null }) {
  const { pick, num } = useI18n();
  if (!participation) return null;
  return (
    <dl className="kv participation">
      {participation.rows.map((r) => (
        <div key={r.key} className="kv-row" data-figure={r.key}>
          <dt>{pick(r.label)}</dt>
          <dd className={r.key === 'requestedWithoutMeetings' && r.value > 0 ? 'text-error' : ''}>{num(r.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LiveIndicator({ state }: { state: 'connecting' | 'live' | 'offline' }) {
  const { t } = useI18n();
  return (
    <span className={`live-indicator live-${state}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {state === 'live' ? t('live.on') : state === 'connecting' ? t('live.connecting') : t('live.off')}
    </span>
  );
}

/** Previous / next page with "page X of Y (N)", the same in every list. */
export function Pager({ page, pages, total, onPage }: { page: number; pages: number; total: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.prev')}
      </button>
      <span>{t('common.pageOf', { page, pages, total })}</span>
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
