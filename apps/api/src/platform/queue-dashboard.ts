import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { Queue } from 'bullmq';
import { QUEUES } from '@rueda/queues';
import { AuthService } from '../modules/auth/auth.service';
import { bearer } from '../modules/auth/access.guard';

export const QUEUE_DASHBOARD_PATH = '/queues';
const COOKIE = 'rueda_queues';

/**
 * The BullMQ dashboard (bull-board) for admins. A browser cannot send a bearer header when
 * navigating, so `/queues?token=ro_…` trades the token for an httpOnly cookie scoped to it.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Rueda — colas / queues' } },
  });
  const auth = app.get(AuthService);
  app.use(
    QUEUE_DASHBOARD_PATH,
    async (req: Request, res: Response, next: NextFunction) => {
      const fromQuery = typeof req.query.token === 'string' ? req.query.token : null;
      const fromCookie =
        (req.headers.cookie ?? '')
          .split(/;\s*/)
          .find((c) => c.startsWith(`${COOKIE}=`))
          ?.slice(COOKIE.length + 1) ?? null;
      const token = bearer(req.headers.authorization) ?? fromQuery ?? fromCookie;
      const principal = token ? await auth.resolve(token).catch(() => null) : null;
      if (!principal || principal.type !== 'user' || principal.role !== 'admin') {
        res.status(401).json({ statusCode: 401, error: 'unauthenticated', message: 'Solo administradores / Admins only' });
        return;
      }
      if (fromQuery) res.setHeader('Set-Cookie', `${COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict`);
      next();
    },
    adapter.getRouter(),
  );
}
