/**
 * The day's figures in a real browser and a real API: `source .rueda/env && npx jest --runInBand
 * --testMatch '<rootDir>/bench/day/*.bench.ts' bench/day` (jest only as the runner: it compiles
 * the Nest app with decorator metadata; nothing here is asserted, every figure is printed).
 * BENCH_SKIP_PAINT=1 / BENCH_SKIP_BOARD=1 leave out (a) / (c).
 *   (a) agenda first contentful paint in Chromium on a throttled "Fast 3G" profile (CDP
 *       Network.emulateNetworkConditions: 562.5 ms RTT, 1.44 Mbit/s down, 675 kbit/s up), cold
 *       and with the browser's cache warm; baseline: the same page unthrottled;
 *   (b) Web Push: a no-show at a table → the decrypted notice at a push endpoint on loopback,
 *       20 no-shows over ten participants' phones; baseline: the same change reaching a live
 *       socket.io client;
 *   (c) the board at 1920×1080 with 60 occupied tables: wall time from the page's first table
 *       until every table has been on screen (one rotation), on the real clock.
 */
import { loadavg, cpus } from 'node:os';
import { startTestApi, bearer, eventually, type TestApi } from '../../test/support/api';
import { LiveTestClient } from '../../test/support/live-client';
import { fillHall, publishLiveDay } from '../../test/support/live-day';
import { startPushReceiver } from '../../test/support/push-receiver';
import { launchBrowser } from '../../test/browser/support/browser';
import { webOrigin } from '../../test/browser/support/web-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
};
const fmt = (xs: number[]) =>
  `median ${q(xs, 0.5).toFixed(0)} ms · p90 ${q(xs, 0.9).toFixed(0)} ms · max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`;
const log = (s: string) => process.stdout.write(`${s}\n`);

jest.setTimeout(1_800_000);

describe('bench: the day in every pocket and on every screen', () => {
  let api: TestApi;
  beforeAll(async () => {
    log(
      `machine: ${cpus()[0].model}, ${cpus().length} cores; load at start ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}; ${new Date().toISOString()}`,
    );
  });
  afterAll(async () => {
    await api?.close();
    log(
      `load at end ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  });

  it('measures', async () => {
    const push = await startPushReceiver();
    api = await startTestApi({ PUSH_EXTRA_ENDPOINTS: push.origin });
    await api.startWorker();
    const base = await api.listen();
    const web = await webOrigin(api.app.getHttpServer().address().port);

    // (a) agenda first paint
    const day = await publishLiveDay(api, { gadms: 2, cooperants: 2, settings: { recoveryMode: 'confirm', protectMinutes: 0 } });
    const token = await day.link('g1');
    const paint = async (throttle: boolean, warm: boolean) => {
      const b = await launchBrowser({ width: 390, height: 844 });
      try {
        const page = await b.context.newPage();
        const cdp = await b.context.newCDPSession(page);
        await cdp.send('Network.enable');
        if (throttle)
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 562.5,
            downloadThroughput: (1.44e6 / 8) * 1,
            uploadThroughput: 675e3 / 8,
          });
        if (warm) await page.goto(`${web.url}/app/a/${token}`, { waitUntil: 'load' });
        await page.goto(`${web.url}/app/a/${token}`, { waitUntil: 'load' });
        const fcp = await page.evaluate<number>(
          `new Promise((ok) => { const e = performance.getEntriesByName('first-contentful-paint')[0]; if (e) return ok(e.startTime);
             new PerformanceObserver((l) => ok(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true }); })`,
        );
        await page
          .getByRole('heading', { name: 'Mi agenda' })
          .waitFor({ timeout: 60_000 })
          .catch(() => undefined);
        const agenda = await page.evaluate<number>('performance.now()');
        return { fcp, agenda };
      } finally {
        await b.close();
      }
    };
    const skipA = process.env.BENCH_SKIP_PAINT === '1';
    for (const [label, throttle, warm] of skipA
      ? []
      : ([
          ['unthrottled, cold (baseline)', false, false],
          ['Fast 3G, cold', true, false],
          ['Fast 3G, warm cache', true, true],
        ] as const)) {
      const fcp: number[] = [];
      const agenda: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 5); i++) {
        const r = await paint(throttle, warm);
        fcp.push(r.fcp);
        agenda.push(r.agenda);
      }
      log(`(a) agenda ${label}: first contentful paint ${fmt(fcp)}; agenda readable ${fmt(agenda)}`);
    }

    // (b) push after a no-show, and the live socket as the baseline: ten GADMs, each with its own
    // phone (its own endpoint at the loopback push service) and a live socket; two of each one's
    // meetings marked no-show one after the other.
    const pday = await publishLiveDay(api, {
      gadms: 10,
      cooperants: 4,
      tables: 4,
      settings: { recoveryMode: 'confirm', protectMinutes: 0 },
    });
    const pushMs: number[] = [];
    const liveMs: number[] = [];
    for (let g = 1; g <= 10 && pushMs.length < Math.max(RUNS, 20); g++) {
      const link = await pday.link(`g${g}`);
      const endpoint = `${push.origin}/push/g${g}`;
      await api.http
        .post('/me/push/subscriptions')
        .set(bearer(link))
        .send({ ...push.subscription, endpoint })
        .expect(201);
      const socket = new LiveTestClient(base, link);
      await socket.subscribe();
      const meetings = await api.query(
        `SELECT m.id FROM meetings m JOIN slots s ON s.id = m.slot_id WHERE m.event_id = $1 AND m.status = 'scheduled'
            AND $2 IN (m.participant_a_id, m.participant_b_id) ORDER BY s.starts_at LIMIT 2`,
        [pday.eventId, pday.p[`g${g}`]],
      );
      for (const m of meetings) {
        const t0 = performance.now();
        const w0 = Date.now();
        await api.http
          .post(`/events/${pday.eventId}/live/meetings/${m.id}/status`)
          .set(bearer(api.tokens.staff))
          .send({ status: 'no_show' });
        const [p] = await Promise.all([
          eventually(async () => push.received.find((x) => x.json.tag === `meeting-${m.id}`), 30_000, 5),
          eventually(
            async () => socket.applied.find((x) => x.type === 'meeting.updated' && (x.payload as { id: string }).id === m.id),
            30_000,
            5,
          ),
        ]);
        pushMs.push(p.at - w0);
        liveMs.push(performance.now() - t0);
      }
      socket.close();
    }
    log(`(b) no-show → decrypted push at the loopback endpoint: ${fmt(pushMs)}`);
    log(`(b) baseline, no-show → the same change at a live socket client: ${fmt(liveMs)}`);
    if (process.env.BENCH_SKIP_BOARD === '1') {
      await web.close();
      await push.close();
      return;
    }

    // (c) board rotation with 60 tables
    const hall = await publishLiveDay(api, {
      gadms: 60,
      cooperants: 60,
      tables: 60,
      onlyAhead: false,
      pairs: (g, c) => c === g || c === (g % 60) + 1,
    });
    const { roundStart } = await fillHall(api, hall);
    const b = await launchBrowser({ width: 1920, height: 1080 });
    const rotation: number[] = [];
    const firstTable: number[] = [];
    try {
      for (let i = 0; i < Math.min(RUNS, 3); i++) {
        const page = await b.context.newPage();
        await page.goto(`${web.url}/app/login`);
        await page.evaluate((t) => localStorage.setItem('rueda.token', t), api.tokens.admin);
        const t0 = performance.now();
        await page.goto(`${web.url}/app/board/${hall.eventId}?at=${new Date(roundStart.getTime() + 90_000 + i * 3_000).toISOString()}`);
        await page.locator('[data-round="now"] li[data-table]').first().waitFor({ timeout: 60_000 });
        const t1 = performance.now();
        firstTable.push(t1 - t0);
        const seen = new Set<string>();
        while (seen.size < 60 && performance.now() - t1 < 90_000) {
          for (const n of await page
            .locator('[data-round="now"] li[data-table]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-table')!)))
            seen.add(n);
          await page.waitForTimeout(200);
        }
        rotation.push(performance.now() - t1);
        await page.close();
      }
    } finally {
      await b.close();
    }
    log(
      `(c) board 1920×1080, 60 tables: page load → first table ${fmt(firstTable)} (baseline); first table → all 60 seen ${fmt(rotation)}`,
    );
    await web.close();
    await push.close();
  });
});
