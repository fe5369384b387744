import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { APP_BASE } from './config';

/** A tiny history router: paths are relative to the SPA base (/app/). */
export function currentPath(): string {
  const p = window.location.pathname;
  const base = APP_BASE.replace(/\/$/, '');
  return (p.startsWith(base) ? p.slice(base.length) : p).replace(/^\/+/, '').replace(/\/+$/, '');
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const url = `${APP_BASE}${path.replace(/^\/+/, '')}`;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event('rueda:navigate'));
  window.scrollTo(0, 0);
  // Screen readers and keyboard users start from the new page's content.
  requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    window.addEventListener('rueda:navigate', update);
    // Children's effects run first and may already have navigated.
    update();
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('rueda:navigate', update);
    };
  }, []);
  return path;
}

/** Matches 'events/:id/:tab?' against a path; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const ps = pattern.split('/').filter(Boolean);
  const xs = path.split('/').filter(Boolean);
  const out: Record<string, string> = {};
  for (let i = 0; i < Math.max(ps.length, xs.length); i++) {
    const p = ps[i];
    const x = xs[i];
    if (p === undefined) return null;
    if (p.startsWith(':')) {
      const optional = p.endsWith('?');
      const name = p.slice(1).replace(/\?$/, '');
      if (x === undefined) {
        if (!optional) return null;
        continue;
      }
      out[name] = decodeURIComponent(x);
    } else if (p !== x) return null;
  }
  return out;
}

export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    e.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={`${APP_BASE}${to.replace(/^\/+/, '')}`} onClick={onClick} />;
}
