// Preloaded by bench/live/run.ts --probe into each server process (`node --require …`), and
// loaded by the bench itself: writes, as JSON lines with wall-clock times, every garbage
// collection (from V8's performance entries, the pauses --trace-gc prints) and every event-loop
// stall of at least 10 ms (a 5 ms timer that came late), so that the slowest calls can be set
// against what each process was doing then. Nothing is written unless BENCH_PROBE_FILE is set.
const { appendFileSync } = require('node:fs');
const { performance, PerformanceObserver, constants } = require('node:perf_hooks');

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  const KINDS = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-sweep',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
  };
  let lines = [];
  const flush = () => {
    if (!lines.length) return;
    try {
      appendFileSync(file, lines.join('\n') + '\n');
    } catch {
      /* the run is over */
    }
    lines = [];
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = KINDS[e.detail?.kind ?? e.kind] ?? String(e.detail?.kind ?? e.kind);
      lines.push(JSON.stringify({ what: 'gc', kind, at: performance.timeOrigin + e.startTime, ms: e.duration }));
    }
  }).observe({ entryTypes: ['gc'] });
  const TICK = 5;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK;
    if (late >= 10) lines.push(JSON.stringify({ what: 'stall', at: performance.timeOrigin + last + TICK, ms: late }));
    last = now;
  }, TICK).unref();
  setInterval(flush, 500).unref();
  process.on('exit', flush);
}
