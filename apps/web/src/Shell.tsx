import type { ReactNode } from 'react';
import { session } from './api';
import { LangToggle, useI18n } from './i18n';
import { Link } from './router';
import { useSignOut } from './signOut';

/** Organiser console frame: skip link, header with language and logout, main landmark. */
export function Shell({ title, children, nav }: { title?: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const logout = useSignOut();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <header className="topbar">
        <Link to="" className="brand">
          {t('app.name')}
        </Link>
        {title && <span className="topbar-title">{title}</span>}
        <span className="spacer" />
        <LangToggle />
        {session.token && (
          <button type="button" className="btn btn-ghost" onClick={logout}>
            {t('login.logout')}
          </button>
        )}
      </header>
      {nav}
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
    </>
  );
}

/** A participant's page behind its personal link (or the public form): skip link, header with the language, main landmark. */
export function ParticipantShell({ className, children }: { className?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="spacer" />
        <LangToggle />
      </header>
      <main id="main" tabIndex={-1} className={['container narrow', className].filter(Boolean).join(' ')}>
        {children}
      </main>
    </>
  );
}
