import { Controller, HttpCode, Inject, Injectable, INestApplication, Post, Req, Res } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ENV, Env } from '@rueda/config';
import { QUEUES } from '@rueda/queues';
import { AuthService } from '../modules/auth/auth.service';
import { bearer } from '../modules/auth/access.guard';
import { Allow, CurrentPrincipal, Principal } from '../modules/auth/principal';
import { hashToken, newToken, QUEUES_SESSION_PREFIX } from '../modules/auth/tokens';
import { REDIS } from './redis.module';

export const QUEUE_DASHBOARD_PATH = '/queues';
const COOKIE = 'rueda_queues';
/** Idle time after which the dashboard asks to sign in again. */
const SESSION_MS = 15 * 60_000;

/**
 * Short-lived dashboard sessions: a random `rq_` token in an httpOnly cookie scoped to
 * /queues, stored hashed in Redis with the admin it belongs to. No token ever travels in an
 * address (where logs, proxies and browser history would keep it).
 */
@Injectable()
export class QueueDashboardSessions {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ENV) private readonly env: Env,
    private readonly auth: AuthService,
  ) {}

  private key(token: string) {
    return `${this.env.QUEUE_PREFIX}:queues-session:${hashToken(token)}`;
  }

  async open(userId: string): Promise<string> {
    const token = newToken(QUEUES_SESSION_PREFIX);
    await this.redis.set(this.key(token), userId, 'PX', SESSION_MS);
    return token;
  }

  /** An admin, from the dashboard cookie (its idle time restarts) or from an organiser bearer token. */
  async admit(req: Request): Promise<boolean> {
    const header = bearer(req.headers.authorization);
    if (header) {
      const p = await this.auth.resolve(header).catch(() => null);
      return p?.type === 'user' && p.role === 'admin';
    }
    const cookie = readCookie(req.headers.cookie, COOKIE);
    if (!cookie?.startsWith(QUEUES_SESSION_PREFIX)) return false;
    const userId = await this.redis.get(this.key(cookie)).catch(() => null);
    if (!userId || !(await this.auth.isActiveAdmin(userId))) return false;
    await this.redis.pexpire(this.key(cookie), SESSION_MS).catch(() => undefined);
    return true;
  }

  cookie(token: string, secure: boolean): string {
    return `${COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${SESSION_MS / 1000}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }
}

@ApiTags('auth')
@Controller('auth')
export class QueueDashboardSessionController {
  constructor(private readonly sessions: QueueDashboardSessions) {}

  @Allow('admin')
  @Post('queues-session')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Abrir el panel de colas (cookie de 15 min para /queues) / Open the queue dashboard (15-minute cookie for /queues)',
  })
  async open(@CurrentPrincipal() p: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (p.type !== 'user') return;
    res.setHeader('Set-Cookie', this.sessions.cookie(await this.sessions.open(p.userId), req.secure));
  }
}

/** The BullMQ dashboard (bull-board), for admins, behind a dashboard session. */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Rueda — colas / queues' } },
  });
  const sessions = app.get(QueueDashboardSessions);
  app.use(
    QUEUE_DASHBOARD_PATH,
    async (req: Request, res: Response, next: NextFunction) => {
      if (await sessions.admit(req)) return next();
      const messages = {
        es: 'Solo administradores: inicie sesión para ver las colas',
        en: 'Admins only: sign in to see the queues',
      };
      if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) {
        res.status(401).type('html').send(LOGIN_PAGE);
        return;
      }
      res.status(401).json({ statusCode: 401, error: 'unauthenticated', message: `${messages.es} / ${messages.en}`, messages });
    },
    adapter.getRouter(),
  );
}

function readCookie(header: string | undefined, name: string): string | null {
  const hit = (header ?? '').split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return hit ? hit.slice(name.length + 1) : null;
}

/**
 * Signs in through the API's own (rate-limited) login, trades the organiser token for a
 * dashboard cookie, then logs that token out: the page keeps no token anywhere.
 */
const LOGIN_PAGE = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Rueda — colas / queues</title>
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.8rem 0 .2rem}
input,button{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}button{margin-top:1rem}#err{color:#b00020}</style></head>
<body><h1>Colas de trabajo</h1><p lang="en">Job queues — administrators only.</p>
<form id="f"><label for="e">Correo / Email</label><input id="e" type="email" autocomplete="username" required>
<label for="p">Contraseña / Password</label><input id="p" type="password" autocomplete="current-password" required>
<button>Entrar / Sign in</button><p id="err" role="alert"></p></form>
<script>
document.getElementById('f').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const err = document.getElementById('err');
  err.textContent = '';
  const login = await fetch('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: document.getElementById('e').value, password: document.getElementById('p').value }) });
  const body = await login.json().catch(() => ({}));
  if (!login.ok) { err.textContent = (body.messages && body.messages.es + ' / ' + body.messages.en) || login.statusText; return; }
  const auth = { Authorization: 'Bearer ' + body.token };
  const opened = await fetch('/auth/queues-session', { method: 'POST', headers: auth, credentials: 'same-origin' });
  await fetch('/auth/logout', { method: 'POST', headers: auth });
  if (!opened.ok) { err.textContent = 'Solo administradores / Admins only'; return; }
  location.replace('${QUEUE_DASHBOARD_PATH}');
});
</script></body></html>`;
