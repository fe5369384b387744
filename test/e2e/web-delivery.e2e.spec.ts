import { readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { webCacheControl, webRoot } from '../../apps/api/src/platform/web-app';
import { startTestApi, TestApi } from '../support/api';

/**
 * How the API delivers the web front end to a phone on a slow network: compressed, hashed files
 * cached for good, the shell and the service worker always revalidated, an installable manifest,
 * and the agenda's scripts without the organiser console. Needs `npm run build:web` (npm test runs it).
 */
describe('web front end delivery: compression, caching, manifest, service worker, code splitting', () => {
  let api: TestApi;
  let base: string;
  /** The bytes as sent (Node's http does not decompress, unlike supertest and fetch). */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((ok, fail) =>
      httpGet(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', fail),
    );
  const html = () => readFileSync(join(webRoot(), 'index.html'), 'utf8');
  const entry = () => html().match(/<script type="module" crossorigin src="\/app\/(assets\/[^"]+\.js)"/)![1];

  beforeAll(async () => {
    api = await startTestApi();
    base = await api.listen();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('sends hashed scripts gzipped and immutable for a year; the shell is revalidated', async () => {
    const js = await raw(`/app/${entry()}`, { 'Accept-Encoding': 'gzip' });
    expect(js.status).toBe(200);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const bytes = readFileSync(join(webRoot(), entry()));
    expect(gunzipSync(js.body).equals(bytes)).toBe(true);
    expect(js.body.length).toBeLessThan(bytes.length / 2);

    for (const path of ['/app/', '/app/a/rp_some-token', '/app/table/x/1']) {
      const page = await api.http.get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    // A hashed file that a new build removed is a 404, never the shell served as a script.
    await api.http.get('/app/assets/gone-12345678.js').expect(404);
    // API answers are compressed too.
    const ref = await raw('/reference/taxonomy', { 'Accept-Encoding': 'gzip' });
    expect(ref.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(ref.body).toString('utf8'))).toBeTruthy();
  });

  it('is installable: a Spanish manifest with icons, and a service worker allowed on /app/ that precaches the pocket pages only', async () => {
    expect(html()).toContain('<link rel="manifest" href="/app/manifest.webmanifest">');
    const manifest = await raw('/app/manifest.webmanifest');
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const m = JSON.parse(manifest.body.toString('utf8'));
    expect(m).toMatchObject({
      name: 'Rueda de Negocios',
      short_name: 'Rueda',
      lang: 'es-EC',
      start_url: '/app/',
      scope: '/app/',
      display: 'standalone',
    });
    for (const size of ['192x192', '512x512']) {
      const icon = m.icons.find((i: { sizes: string }) => i.sizes === size);
      const png = await raw(`/app/${icon.src}`);
      expect(png.status).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
    }

    const sw = await raw('/app/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['service-worker-allowed']).toBe('/app/');
    const precached = [...sw.body.toString('utf8').matchAll(/"url":"([^"]+)"/g)].map((x) => x[1]);
    expect(precached).toEqual(expect.arrayContaining(['index.html', entry()]));
    expect(precached.some((u) => /^assets\/Agenda-.*\.js$/.test(u))).toBe(true);
    expect(precached.some((u) => /^assets\/TableView-.*\.js$/.test(u))).toBe(true);
    expect(precached.some((u) => /EventConsole|Reports|Records/.test(u))).toBe(false);
  });

  it('splits the code: the entry chunk holds no console page, which loads on its own', () => {
    const main = readFileSync(join(webRoot(), entry()), 'utf8');
    // Chart.js draws only the console's reports; the agenda must not download it.
    expect(main).not.toMatch(/Chart\.js v\d/);
    expect(main).toMatch(/assets\/EventConsole-[\w-]+\.js/);
  });

  it('names how long each file may be kept', () => {
    expect(webCacheControl('/x/dist/web/assets/index-abc.js')).toContain('immutable');
    expect(webCacheControl('/x/dist/web/index.html')).toBe('no-cache');
    expect(webCacheControl('/x/dist/web/sw.js')).toBe('no-cache');
    expect(webCacheControl('/x/dist/web/manifest.webmanifest')).toBe('no-cache');
    expect(webCacheControl('/x/dist/web/icons/rueda-192.png')).toBe('public, max-age=86400');
  });
});
