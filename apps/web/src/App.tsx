import { useEffect } from 'react';
import { session } from './api';
import { match, navigate, usePath } from './router';
import { Login } from './pages/Login';
import { EventsPage } from './pages/Events';
import { EventConsole } from './pages/EventConsole';
import { AgendaPage } from './pages/Agenda';
import { TablePage } from './pages/TableView';
import { BoardPage } from './pages/Board';
import { FindTablePage } from './pages/FindTable';
import { NotFound } from './pages/NotFound';
import { SelfServicePage } from './pages/SelfService';
import { NoticePrefsPage } from './pages/NoticePrefs';
import { RegistrationPage } from './pages/Registration';

/** Pages that need an organiser or staff login. */
function RequireLogin({ path, children }: { path: string; children: React.ReactNode }) {
  const ok = !!session.token;
  useEffect(() => {
    if (!ok) navigate(`login?next=${encodeURIComponent(path)}`, { replace: true });
  }, [ok, path]);
  return ok ? <>{children}</> : null;
}

export function App() {
  const path = usePath();
  useEffect(() => {
    const onUnauthorized = () => {
      session.token = null;
      if (!path.startsWith('login') && !path.startsWith('a/') && !path.startsWith('registro/'))
        navigate(`login?next=${encodeURIComponent(path)}`, { replace: true });
    };
    window.addEventListener('rueda:unauthorized', onUnauthorized);
    return () => window.removeEventListener('rueda:unauthorized', onUnauthorized);
  }, [path]);

  let m: Record<string, string> | null;
  if (match('login', path)) return <Login />;
  if ((m = match('a/:token', path))) return <AgendaPage token={m.token} />;
  if ((m = match('a/:token/datos', path))) return <SelfServicePage token={m.token} />;
  if ((m = match('a/:token/avisos', path))) return <NoticePrefsPage token={m.token} />;
  if ((m = match('registro/:eventId', path))) return <RegistrationPage eventId={m.eventId} />;
  if ((m = match('table/:eventId/:table', path)))
    return (
      <RequireLogin path={path}>
        <TablePage eventId={m.eventId} tableNumber={Number(m.table)} />
      </RequireLogin>
    );
  if ((m = match('board/:eventId/find', path)))
    return (
      <RequireLogin path={path}>
        <FindTablePage eventId={m.eventId} />
      </RequireLogin>
    );
  if ((m = match('board/:eventId', path)))
    return (
      <RequireLogin path={path}>
        <BoardPage eventId={m.eventId} />
      </RequireLogin>
    );
  if ((m = match('events/:eventId/:tab?', path)))
    return (
      <RequireLogin path={path}>
        <EventConsole eventId={m.eventId} tab={m.tab ?? 'setup'} />
      </RequireLogin>
    );
  if (path === '' || match('events', path))
    return (
      <RequireLogin path={path}>
        <EventsPage />
      </RequireLogin>
    );
  return <NotFound />;
}
