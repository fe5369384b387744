import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { referencePath } from '@rueda/domain';

export const WEB_BASE = '/app';

/** Where `vite build` puts the pages: dist/web at the repository root. */
export function webRoot(): string {
  return join(referencePath('taxonomy.json'), '..', '..', '..', 'dist', 'web');
}

/**
 * How long a browser may keep each file of the web front end without asking again:
 *   - `assets/…` carry a content hash in their name (Vite): a new build gets new names, so they
 *     are cached for a year and never revalidated (`immutable`);
 *   - the shell (index.html), the service worker and the manifest name those hashed files: they
 *     are revalidated on every use (`no-cache`, answered 304 when unchanged), so a new build is
 *     seen at once;
 *   - icons and the rest: a day.
 */
export function webCacheControl(path: string): string {
  const file = basename(path);
  if (/[\\/]assets[\\/]/.test(path)) return 'public, max-age=31536000, immutable';
  if (file === 'index.html' || file === 'sw.js' || file.endsWith('.webmanifest')) return 'no-cache';
  return 'public, max-age=86400';
}

/**
 * Serves the web front end (console, participant agenda, table view, board) at /app/, with
 * every unknown /app/… path answered by index.html so the client-side router takes over.
 * Responses are compressed by the app-wide `compression` middleware (bootstrap.ts).
 */
export function mountWebApp(app: NestExpressApplication): boolean {
  const root = webRoot();
  if (!existsSync(join(root, 'index.html'))) return false;
  app.useStaticAssets(root, {
    prefix: `${WEB_BASE}/`,
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', webCacheControl(path));
      // The service worker controls all of /app/ although it is served from /app/sw.js.
      if (basename(path) === 'sw.js') res.setHeader('Service-Worker-Allowed', `${WEB_BASE}/`);
    },
  });
  app.use(WEB_BASE, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing hashed file is a 404, never the shell (a stale page must not run HTML as a script).
    if (req.path.startsWith('/assets/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(root, 'index.html'));
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/', (_req: Request, res: Response) => res.redirect(`${WEB_BASE}/`));
  return true;
}
