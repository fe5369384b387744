import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

/** Where `npx vite build --config apps/web/vite.config.ts` writes the SPA. */
export const WEB_DIST = resolve(__dirname, '../../../dist/web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Stand-in for the API's own static serving: serves a build (dist/web unless `dir` names
 * another, e.g. an older build measured as a baseline) at /app/ the way the API served it
 * before it compressed and cached (uncompressed, `no-store`), with the SPA fallback to
 * index.html, and forwards every other request — and socket.io upgrades — to the API, so the
 * page sees one origin exactly as in production.
 */
export async function startWebServer(apiPort: number, dir = WEB_DIST): Promise<WebServer> {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir} is missing: run \`npx vite build --config apps/web/vite.config.ts\` before the browser tests`);
  }
  const serveStatic = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/app\/?/, '');
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  };
  const proxy = (req: IncomingMessage, res: ServerResponse) => {
    const up = httpRequest({ host: '127.0.0.1', port: apiPort, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  };
  const server: Server = createServer((req, res) => {
    if (req.url === '/app' || req.url?.startsWith('/app/')) serveStatic(req, res);
    else proxy(req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    const up = connect(apiPort, '127.0.0.1', () => {
      const lines = [
        `${req.method} ${req.url} HTTP/1.1`,
        ...Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${x}`)),
        '',
        '',
      ];
      up.write(lines.join('\r\n'));
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * The origin the browser opens: the API itself once it serves /app/ (production layout), else
 * the stand-in above in front of it.
 */
export async function webOrigin(apiPort: number): Promise<WebServer> {
  const api = `http://127.0.0.1:${apiPort}`;
  const res = await fetch(`${api}/app/`).catch(() => null);
  if (res?.ok && (res.headers.get('content-type') ?? '').includes('text/html') && (await res.text()).includes('id="root"')) {
    return { url: api, close: async () => undefined };
  }
  return startWebServer(apiPort);
}
