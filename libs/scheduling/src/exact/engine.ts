import { init } from 'clingo-wasm';
import { Model } from '../model';
import { encodeProgram } from './encoding';

type Run = Awaited<ReturnType<typeof init>>;
let engine: Promise<Run> | undefined;

/**
 * The exact phase runs clasp (clingo, compiled to WebAssembly) on the answer-set program of
 * encoding.ts. Loading the WebAssembly module takes a moment, once per process.
 */
export function loadExactEngine(): Promise<Run> {
  engine ??= (async () => {
    // The module announces itself on the console while it loads; keep the CLI's output clean.
    const { log, info } = console;
    console.log = console.info = () => undefined;
    try {
      return await init({ singleThreaded: true });
    } finally {
      console.log = log;
      console.info = info;
    }
  })();
  return engine;
}

export interface ExactOptions {
  /** Conflicts clasp may spend (its work budget: the same budget gives the same answer anywhere). */
  conflicts: number;
  seed: number;
  /** Slot per meeting of the best known schedule; the search starts from it. */
  hint?: Int32Array;
  /** Meetings each participant must keep (minMeetingsPerGadm floors). */
  floors?: Int32Array;
  maxIdleSpread?: number;
  /** The proven optimum weight, when a schedule already reaches the bound (see EncodingOptions). */
  weightFloor?: number;
  /** Meeting–slot pairs no weight-optimal schedule uses (see EncodingOptions). */
  excluded?: Uint8Array;
}

export interface ExactResult {
  /** Slot per meeting (-1 unscheduled) of the best schedule found, or null if none was found. */
  slotOf: Int32Array | null;
  /** clasp exhausted the search: the schedule is the lexicographic optimum. */
  optimal: boolean;
  /** Proven infeasible (only possible with floors or a fairness bound that cannot hold). */
  infeasible: boolean;
}

export function solveExactly(run: Run, model: Model, o: ExactOptions): ExactResult {
  const weightScale = integralScale(model.weight);
  const program = encodeProgram(model, {
    weightScale,
    hint: o.hint,
    floors: o.floors,
    maxIdleSpread: o.maxIdleSpread,
    weightFloor: o.weightFloor,
    excluded: o.excluded,
  });
  // Core-guided optimisation (usc) raises the lower bound until it meets a model: on dense
  // instances it proves optima that model-guided branch and bound does not reach (bench/scheduling/dense.ts).
  const args = [
    `--solve-limit=${Math.max(1, Math.round(o.conflicts))}`,
    `--seed=${o.seed}`,
    '--quiet=1',
    '--opt-mode=opt',
    '--opt-strategy=usc',
  ];
  if (o.hint) args.push('--heuristic=Domain');
  const result = run(program, 0, args);
  if (result.Result === 'ERROR') throw new Error(`exact phase: ${result.Error}`);
  if (result.Result === 'UNSATISFIABLE') return { slotOf: null, optimal: false, infeasible: true };
  const witnesses = result.Call?.[0]?.Witnesses ?? [];
  const last = witnesses[witnesses.length - 1];
  if (!last) return { slotOf: null, optimal: false, infeasible: false };
  const slotOf = new Int32Array(model.M).fill(-1);
  for (const atom of last.Value) {
    const m = /^at\((\d+),(\d+)\)$/.exec(atom);
    if (m) slotOf[Number(m[1])] = Number(m[2]);
  }
  return { slotOf, optimal: result.Result === 'OPTIMUM FOUND', infeasible: false };
}

/** Smallest power of ten that makes every weight an integer (up to 6 decimals). */
export function integralScale(weights: Float64Array): number {
  for (let scale = 1; scale <= 1e6; scale *= 10) {
    if (weights.every((w) => Math.abs(w * scale - Math.round(w * scale)) < 1e-9)) return scale;
  }
  return 1e6;
}
