// Live recovery benchmark: `npx tsx bench/live/propose.ts`.
// Jornada-size state (301 participants, 1,400 scheduled meetings, 24 slots × 60 tables,
// 3,000 candidates); times proposeReplacement on freed cells of the current and later slots.
import { cpus, loadavg } from 'node:os';
import { applyNoShow, checkInvariants, generateLiveState, proposeReplacement } from '@rueda/live';

const state0 = generateLiveState({
  seed: 7,
  gadms: 221,
  cooperants: 80,
  slots: 24,
  tables: 60,
  meetings: 1400,
  unscheduled: 70,
  candidates: 3000,
});
const scheduled = state0.meetings.filter((m) => m.slotId !== null).length;
const violations = checkInvariants(state0).length;
console.log(
  `state: ${state0.participants.length} participants, ${scheduled} placed meetings, ${state0.slots.length} slots, ` +
    `${state0.tables.length} tables, ${state0.candidates.length} candidates, ${violations} invariant violations`,
);

const nowMs = state0.now.getTime();
const targets = state0.meetings.filter((m) => (m.status === 'scheduled' || m.status === 'checked_in') && m.slotId !== null);
const pick = Array.from({ length: 200 }, (_, i) => targets[(i * 7919) % targets.length]);

interface Timing {
  wall: number[];
  cpu: number[];
  proposals: number;
}

// Wall time is what a caller waits; CPU time (user + system of this process) leaves out the
// waits for a core when other jobs share the machine, so it is the steadier figure.
function run(allowMoves: boolean): Timing {
  const t: Timing = { wall: [], cpu: [], proposals: 0 };
  for (let round = 0; round < 2; round++) {
    for (const m of pick) {
      const { state, freed } = applyNoShow(state0, m.id);
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const out = proposeReplacement(state, freed[0], { allowMoves });
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      if (round === 1) {
        t.wall.push(wall);
        t.cpu.push((c.user + c.system) / 1000);
        t.proposals += out.length;
      }
    }
  }
  t.wall.sort((a, b) => a - b);
  t.cpu.sort((a, b) => a - b);
  return t;
}

const stats = (xs: number[]) => {
  const q = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(2);
  return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${xs[xs.length - 1].toFixed(2)} ms`;
};

for (const allowMoves of [false, true]) {
  const t = run(allowMoves);
  console.log(
    `proposeReplacement allowMoves=${allowMoves} over ${t.wall.length} freed cells (target ≤ 20 ms), ${(t.proposals / t.wall.length).toFixed(1)} proposals each`,
  );
  console.log(`  wall: ${stats(t.wall)}`);
  console.log(`  cpu:  ${stats(t.cpu)}`);
}
console.log(
  `now = ${new Date(nowMs).toISOString()}; Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (timings include GC pauses and other jobs sharing the machine)`,
);
