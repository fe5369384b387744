import { lazy, Suspense, useEffect } from 'react';
import { session } from './api';
import { match, navigate, usePath } from './router';
import { Loading } from './ui';

// One chunk per page, loaded when its route is opened: a participant's phone on 3G fetches
// the agenda, never the console's charts, grids and spreadsheets.
const Login = lazy(() => import('./pages/Login').then((m) => ({ default: m.Login })));
const EventsPage = lazy(() => import('./pages/Events').then((m) => ({ default: m.EventsPage })));
const EventConsole = lazy(() => import('./pages/EventConsole').then((m) => ({ default: m.EventConsole })));
const AgendaPage = lazy(() => import('./pages/Agenda').then((m) => ({ default: m.AgendaPage })));
const TablePage = lazy(() => import('./pages/TableView').then((m) => ({ default: m.TablePage })));
const BoardPage = lazy(() => import('./pages/Board').then((m) => ({ default: m.BoardPage })));
const FindTablePage = lazy(() => import('./pages/FindTable').then((m) => ({ default: m.FindTablePage })));
const NotFound = lazy(() => import('./pages/NotFound').then((m) => ({ default: m.NotFound })));
const SelfServicePage = lazy(() => import('./pages/SelfService').then((m) => ({ default: m.SelfServicePage })));
const NoticePrefsPage = lazy(() => import('./pages/NoticePrefs').then((m) => ({ default: m.NoticePrefsPage })));
const RegistrationPage = lazy(() => import('./pages/Registration').then((m) => ({ default: m.RegistrationPage })));

/** Pages that need an organiser or staff login. */
function RequireLogin({ path, children }: { path: string; children: React.ReactNode }) {
  const ok = !!session.token;
  useEffect(() => {
    if (!ok) navigate(`login?next=${encodeURIComponent(path)}`, { replace: true });
  }, [ok, path]);
  return ok ? <>{children}</> : null;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes />
    </Suspense>
  );
}

function Routes() {
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
