/**
 * The participant's agenda on a phone on 3G: first contentful paint and "agenda readable" in
 * Chromium, cold, on a second visit and with no connection, for this build served by the API
 * (gzip, immutable hashed assets, the service worker) and — the baseline, in the same run — an
 * older build served the old way (one bundle, uncompressed, `Cache-Control: no-store`).
 *
 *   git archive <old commit> apps/web libs tsconfig.json package.json | tar -x -C /tmp/old-web
 *   ln -s "$PWD/node_modules" /tmp/old-web/node_modules
 *   (cd /tmp/old-web && npx vite build --config apps/web/vite.config.ts)
 *   npm run build:web
 *   source .rueda/env && BENCH_BASELINE_WEB=/tmp/old-web/dist/web npx jest --runInBand \
 *     --testMatch '<rootDir>/bench/day/*.bench.ts' bench/day/first-paint
 *
 * Jest is only the runner (it compiles the Nest app); nothing is asserted, every figure is
 * printed. Throttling: CDP Network.emulateNetworkConditions with DevTools' "Fast 3G" figures
 * (562.5 ms latency per request, 1.44 Mbit/s down, 675 kbit/s up), on the page's own requests.
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../../test/support/api';
import { publishLiveDay } from '../../test/support/live-day';
import { launchBrowser, type TestBrowser } from '../../test/browser/support/browser';
import { startWebServer } from '../../test/browser/support/web-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 1.44e6 / 8, uploadThroughput: 675e3 / 8 };
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
};
const fmt = (xs: number[]) =>
  xs.length
    ? `median ${q(xs, 0.5).toFixed(0)} ms · p90 ${q(xs, 0.9).toFixed(0)} ms · max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`
    : 'never (n=0)';
const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

jest.setTimeout(3_600_000);

type Visit = 'cold' | 'second visit' | 'offline';

/** Opens the agenda once as measured; null when it never became readable (within 60 s). */
async function measure(page: Page, url: string, throttle: boolean): Promise<{ fcp: number; readable: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle) await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(`document.querySelectorAll('.agenda-list > li').length > 0`, undefined, { timeout: 60_000, polling: 'raf' });
    const readable = await page.evaluate<number>('performance.now()');
    const fcp = await page.evaluate<number>(
      `new Promise((ok) => { const e = performance.getEntriesByName('first-contentful-paint')[0]; if (e) return ok(e.startTime);
         new PerformanceObserver((l) => ok(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true }); })`,
    );
    return { fcp, readable };
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

describe('bench: agenda first paint on 3G', () => {
  let api: TestApi;
  afterAll(async () => {
    await api?.close();
  });

  it('measures', async () => {
    log(`machine: ${cpus()[0].model}, ${cpus().length} cores; load at start ${load()}; ${new Date().toISOString()}`);
    api = await startTestApi();
    await api.startWorker();
    const base = await api.listen();
    const day = await publishLiveDay(api, { gadms: 2, cooperants: 2, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
    const token = await day.link('g1');
    const builds: { label: string; origin: string; close: () => Promise<void> }[] = [
      { label: 'this build, served by the API', origin: base, close: async () => undefined },
    ];
    if (process.env.BENCH_BASELINE_WEB) {
      const old = await startWebServer(api.app.getHttpServer().address().port, process.env.BENCH_BASELINE_WEB);
      builds.push({ label: 'baseline: older build, uncompressed, no-store', origin: old.url, close: old.close });
    }

    for (const build of builds) {
      const url = `${build.origin}/app/a/${token}`;
      const figures: Record<string, { fcp: number[]; readable: number[] }> = {};
      const keep = (label: string, r: { fcp: number; readable: number } | null) => {
        const f = (figures[label] ??= { fcp: [], readable: [] });
        if (r) {
          f.fcp.push(r.fcp);
          f.readable.push(r.readable);
        }
      };
      for (let i = 0; i < RUNS; i++) {
        // Each run on a fresh browser profile: nothing cached, no service worker.
        let b: TestBrowser | null = await launchBrowser({ width: 390, height: 844 });
        try {
          const visits: [Visit, boolean][] = [
            ['cold', true],
            ['second visit', true],
            ['offline', false],
          ];
          for (const [visit, throttle] of visits) {
            if (visit === 'offline') await b.context.setOffline(true);
            const page = await b.context.newPage();
            const r = await measure(page, url, throttle);
            keep(`Fast 3G, ${visit}`, r);
            if (visit === 'cold') {
              // Let the service worker (if any) install and take over, as a phone would between visits.
              await page
                .waitForFunction('navigator.serviceWorker && navigator.serviceWorker.controller !== null', undefined, { timeout: 15_000 })
                .catch(() => undefined);
            }
            await page.close();
          }
          await b.close();
          b = await launchBrowser({ width: 390, height: 844 });
          keep('unthrottled, cold', await measure(await b.context.newPage(), url, false));
        } finally {
          await b?.close();
        }
      }
      for (const [label, f] of Object.entries(figures)) {
        log(`${build.label} · ${label}: first contentful paint ${fmt(f.fcp)}; agenda readable ${fmt(f.readable)}`);
      }
      await build.close();
    }
    log(`load at end ${load()}`);
  });
});
