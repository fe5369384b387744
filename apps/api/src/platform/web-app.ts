import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { referencePath } from '@rueda/domain';

export const WEB_BASE = '/app';

/** Where `vite build` puts the pages: dist/web at the repository root. */
export function webRoot(): string {
  return join(referencePath('taxonomy.json'), '..', '..', '..', 'dist', 'web');
}

/**
 * Serves the web front end (console, participant agenda, table view, board) at /app/, with
 * every unknown /app/… path answered by index.html so the client-side router takes over.
 */
export function mountWebApp(app: NestExpressApplication): boolean {
  const root = webRoot();
  if (!existsSync(join(root, 'index.html'))) return false;
  app.useStaticAssets(root, { prefix: `${WEB_BASE}/`, index: false, maxAge: '1h' });
  app.use(WEB_BASE, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(root, 'index.html'));
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/', (_req: Request, res: Response) => res.redirect(`${WEB_BASE}/`));
  return true;
}
