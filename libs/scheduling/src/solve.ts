import { FormatError, Schedule, ScheduleInstance, validateScheduleInstance } from '@rueda/formats';
import { computeBoundsWithGuide } from './bounds';
import { allPlacedIdleLowerBound } from './idle-bounds';
import { integralScale, loadExactEngine, solveExactly } from './exact/engine';
import { assignmentMipFits, improveByWindows, solveAssignmentMip } from './exact/assignment-mip';
import { loadMipEngine, solveMip } from './exact/mip';
import { patternIdleLowerBound } from './exact/pattern-bound';
import { weightExcludedPairs } from './exact/weight-fixing';
import { buildModel, Model } from './model';
import { buildSchedule } from './output';
import { construct } from './search/construct';
import { SearchContext, WEIGHT_EPS } from './search/context';
import { improveIdle } from './search/idle-search';
import { branchAndBoundWeight } from './search/weight-branch-and-bound';
import { improveWeight } from './search/weight-search';

export interface SolveProgress {
  /** 0–100, monotone. */
  percent: number;
  bestWeight: number;
  /** Proven upper bound on the weight. */
  bound: number;
  /** Idle time of the best schedule so far, by the instance's idleMeasure. */
  holes: number;
  phase: 'construct' | 'weight' | 'holes' | 'exact' | 'done';
}

export interface SolveOptions {
  /** Seeds every random choice. */
  seed?: number;
  /**
   * Wall-clock limit (default 30 s). Without `budget` the search is anytime: it uses the whole
   * limit while the optimality gap is open and stops early only when it is closed.
   */
  timeLimitMs?: number;
  /**
   * Work budget (multiplies every named budget of `workBudgets`). With it the phases end on
   * work done, never on the clock: the same seed and budget give the same schedule on a slow or
   * a fast machine. `timeLimitMs`, if also given, is then only a safety cap (reported in
   * `stats.stoppedBy` when it binds).
   */
  budget?: number;
  /** Every GADM that asked for meetings gets at least this many when the instance allows it. */
  minMeetingsPerGadm?: number;
  /** Fairness of waits: at most this difference of idle time between any two participants with meetings (exact phase). */
  maxIdleSpread?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** 'sweep' (default) fills slots in time order for compact agendas; 'greedy' places by weight. */
  construction?: 'sweep' | 'greedy';
  /** Skip the exact phase (for comparisons: the heuristics alone). */
  exact?: boolean;
}

/** The named work budgets of the phases, for a given instance (README: "Phases and budgets"). */
export interface WorkBudgets {
  /** Ejection-chain nodes of the weight search. */
  weightNodes: number;
  /** Moves of the idle-time annealing. */
  idleMoves: number;
  /** Restarts from other seeds on small instances whose weight is below the bound. */
  restarts: number;
  /** Nodes of the weight branch and bound (≤ 90 meetings, weight below the bound). */
  weightBranchNodes: number;
  /** Conflicts of the exact phase's first call (each later call, in anytime mode, doubles it). */
  exactConflicts: number;
  /** Branch-and-bound nodes of the MIP (HiGHS) that follows clasp on small instances (≤ 60 meetings). */
  mipNodes: number;
  /** Branch-and-bound nodes of the assignment MIP (every placeable meeting placed; idle time only). */
  assignmentMipNodes: number;
  /** Sub-MIPs of the window search that follows it. */
  windowRounds: number;
  /** Pricing rounds of the Dantzig–Wolfe (agenda) idle bound that precedes it. */
  patternRounds: number;
}

export function workBudgets(model: Model, scale = 1): WorkBudgets {
  return {
    weightNodes: Math.round(60 * model.M * scale) + 10_000,
    idleMoves: Math.round(400 * model.M * scale) + 2000,
    restarts: model.M <= SMALL_INSTANCE_MEETINGS ? Math.max(1, Math.round(SMALL_INSTANCE_RESTARTS * Math.min(1, scale))) : 0,
    weightBranchNodes: model.M <= BRANCH_AND_BOUND_MEETINGS ? Math.round(3_000_000 * scale) : 0,
    exactConflicts: Math.round(EXACT_CONFLICTS * scale),
    mipNodes: model.M <= MIP_MAX_MEETINGS ? Math.round(MIP_NODES * scale) : 0,
    assignmentMipNodes: Math.max(1, Math.round(ASSIGNMENT_MIP_NODES * scale)),
    windowRounds: Math.max(1, Math.round(WINDOW_ROUNDS_PER_SLOT * model.S * scale)),
    patternRounds: Math.max(1, Math.round(PATTERN_ROUNDS * scale)),
  };
}

// Below these sizes a restart costs milliseconds and branch and bound stays tractable.
const SMALL_INSTANCE_MEETINGS = 200;
const SMALL_INSTANCE_RESTARTS = 20;
const BRANCH_AND_BOUND_MEETINGS = 90;
/** The exact phase runs when the program stays small: meeting–slot pairs (measured in bench/scheduling/dense.ts). */
const EXACT_MAX_PAIRS = 7_000;
const EXACT_CONFLICTS = 50_000;
const ANYTIME_FIRST_CONFLICTS = 5_000;
const EXACT_MIN_MS = 500;
/**
 * Small instances whose optimum leaves meetings out: clasp cannot bound *which* meetings to place
 * under the weight floor, HiGHS's LP relaxation can (bench/scheduling/small-proofs.ts).
 */
const MIP_MAX_MEETINGS = 60;
const MIP_NODES = 2_000;
/**
 * Work budget, pairs ruled out by the weight: clasp's share of its conflicts before the MIP's
 * root node (small seeds 20, 43: the root closes what 50,000 conflicts do not, 0.1–0.3 s; seed 40:
 * clasp proves within the share, the root alone costs 1.7 s).
 */
const ROOT_PROBE_CONFLICT_SHARE = 0.2;
/** Anytime: the share of the time left that this root node may take. */
const ROOT_PROBE_TIME_SHARE = 0.5;
const MIP_ANYTIME_NODES = 2 ** 31 - 1;
/**
 * The assignment MIP (every placeable meeting placed): its size is the meeting–slot pairs; below
 * this HiGHS's LP and branching stay within seconds per hundred nodes (dense 78p: ~2,000 pairs).
 */
const ASSIGNMENT_MIP_MAX_PAIRS = 7_000;
const ASSIGNMENT_MIP_NODES = 500;
/**
 * Window search after it when it did not prove: slots per window (then wider), nodes per sub-MIP,
 * sub-MIPs per slot of the day (dense 60p holes #1: 36 → 33 holes in ~40 sub-MIPs of width 3).
 */
const WINDOW_WIDTH = 3;
const WINDOW_NODES = 200;
const WINDOW_ROUNDS_PER_SLOT = 4;
/** Anytime: the share of the time left that the assignment MIP gets; the rest goes to the window search. */
const ASSIGNMENT_MIP_SHARE = 0.85;
/**
 * Dantzig–Wolfe (agenda) idle bound before the assignment MIP, on instances whose master LP
 * converges in seconds (dense 42p, 354–412 meeting–slot pairs: 34–92 rounds, 0.5–4.5 s; it
 * raised the proven bound by 1–2 on 4 of 5 breaks instances; 60p, ~1,270 pairs, does not
 * converge in 45 s: bench/scheduling/dense-bound.ts). Breaks only: on the 42p holes instances
 * it equals the MIP's root bound (5 of 5) and would only take time from the MIP. Agendas for
 * participants with at most PATTERN_AGENDA_MEETINGS meetings (a DP over 2^k subsets), slot
 * patterns above.
 */
const PATTERN_BOUND_MAX_PAIRS = 800;
const PATTERN_ROUNDS = 200;
const PATTERN_AGENDA_MEETINGS = 12;
/** Anytime: the share of the time left that the pattern bound may take. */
const PATTERN_SHARE = 0.3;
/** The all-placed idle bound matches meetings to slots per participant and window: cheap below this. */
const ALL_PLACED_BOUND_MAX_PAIRS = 40_000;

/**
 * Builds a schedule for a rueda.schedule-instance/1. Lexicographic objective: total weight
 * first, then idle time (the instance's idleMeasure). Phases (README): construction, weight
 * search, idle-time search, then on instances small enough the exact phase, which proves the
 * optimum or improves on the heuristics. Throws FormatError if the instance breaks the format.
 */
export async function solve(instance: ScheduleInstance, options: SolveOptions = {}): Promise<Schedule> {
  const started = performance.now();
  const issues = validateScheduleInstance(instance);
  if (issues.length > 0) throw new FormatError(issues);
  const model = buildModel(instance);
  const bounds = computeBoundsWithGuide(model);
  const reproducible = options.budget !== undefined;
  const budgets = workBudgets(model, options.budget ?? 1);
  const deadline = reproducible ? started + (options.timeLimitMs ?? Infinity) : started + (options.timeLimitMs ?? 30_000);
  const context = (seed: number, scale: number, withProgress: boolean) =>
    new SearchContext(
      model,
      bounds,
      { ...options, seed, onProgress: withProgress ? options.onProgress : undefined },
      {
        started,
        deadline,
        clockEndsPhases: !reproducible,
        weightNodes: Math.round(budgets.weightNodes * scale),
        idleMoves: Math.round(budgets.idleMoves * scale),
        guide: bounds.guide,
      },
    );
  const seed = options.seed ?? 1;
  let best = context(seed, 1, true);
  runHeuristics(best);
  // Small instances are cheap to re-solve: restarts from other seeds close most remaining gaps.
  // On instances the small MIP covers, restarts also go on while idle time is above what the
  // bounds prove: another seed often reaches the bound that clasp and the MIP only find slowly.
  const restartsOpen = () => !best.weightAtBound() || (model.M <= MIP_MAX_MEETINGS && best.state.totalIdle() > bounds.idleLowerBound);
  for (let k = 1; k <= budgets.restarts && restartsOpen() && !best.timeUp(); k++) {
    const other = context(seed + 7919 * k, 0.1, false);
    runHeuristics(other);
    if (other.better(best)) best = other;
  }
  // The weight is proven optimal when it meets the bound or the branch and bound completed;
  // the exact phase then takes it as a constraint and only has idle time left to prove.
  let weightProven = best.weightAtBound();
  if (budgets.weightBranchNodes > 0 && !weightProven) weightProven = branchAndBoundWeight(best, budgets.weightBranchNodes);

  // Every placeable meeting placed (the maximum weight when weights are positive): then each
  // participant's own meetings force some idle time, often enough to close the gap unaided.
  let totalPlaceable = 0;
  for (let m = 0; m < model.M; m++) if (best.placeable[m]) totalPlaceable += model.weight[m];
  const allPlaced = model.weight.every((w) => w > 0) && best.state.weight >= totalPlaceable - WEIGHT_EPS;
  if (allPlaced && model.M * model.S <= ALL_PLACED_BOUND_MAX_PAIRS) {
    bounds.idleLowerBound = Math.max(bounds.idleLowerBound, allPlacedIdleLowerBound(model));
  }

  let proven = false;
  const floors = (options.minMeetingsPerGadm ?? 0) > 0;
  // The MIP knows neither floors nor the fairness bound: it only runs without them.
  const mipFits = options.exact !== false && budgets.mipNodes > 0 && !floors && options.maxIdleSpread === undefined;
  const pairs = model.commonSlots.reduce((a, b) => a + b, 0);
  const closed = () => best.weightAtBound() && best.state.totalIdle() <= bounds.idleLowerBound;

  let mipTried = false;
  // Small instances whose proven weight leaves meetings out: the pairs the weight LP rules out
  // (reduced costs) are dropped from clasp's program and the MIP, so both only choose among
  // weight-optimal placements (exact/weight-fixing.ts).
  let excluded: Uint8Array | undefined;
  const excludedPairs = async (): Promise<Uint8Array | undefined> =>
    mipFits && weightProven && !allPlaced
      ? (weightExcludedPairs(await loadMipEngine(), model, integralScale(model.weight), best.state.weight) ?? undefined)
      : undefined;
  // Every placeable meeting placed: what is left is a pure assignment minimising idle time, whose
  // MIP proves dense optima that clasp does not reach in the time (docs/benchmarks.md). It gives
  // a schedule (kept if better) and, proven or not, a lower bound on idle time.
  let assignmentPending =
    options.exact !== false &&
    allPlaced &&
    !floors &&
    options.maxIdleSpread === undefined &&
    pairs <= ASSIGNMENT_MIP_MAX_PAIRS &&
    assignmentMipFits(model);
  const runAssignmentMip = async (): Promise<void> => {
    assignmentPending = false;
    // The lexicographic MIP of small instances is a weaker form of the same problem here.
    mipTried = true;
    if (best.timeUp() || closed()) return;
    best.report('exact', 70, true);
    const engine = await loadMipEngine();
    if (pairs <= PATTERN_BOUND_MAX_PAIRS && model.idleMeasure === 'breaks') {
      // A bound the MIP's LP and cuts do not reach: per participant, a convex combination of
      // whole agendas with their exact idle time. When it meets the schedule, it is a proof.
      const leftSeconds = (deadline - performance.now()) / 1000;
      const dw = patternIdleLowerBound(engine, model, {
        start: Int32Array.from(best.state.slotOf),
        rounds: budgets.patternRounds,
        timeLimitSeconds: Math.min(1e6, reproducible ? leftSeconds : PATTERN_SHARE * leftSeconds),
        agendaMeetings: PATTERN_AGENDA_MEETINGS,
        interior: true,
      });
      bounds.idleLowerBound = Math.max(bounds.idleLowerBound, dw.idleLowerBound);
      if (closed()) return;
    }
    const leftSeconds = (deadline - performance.now()) / 1000;
    const mip = solveAssignmentMip(engine, model, {
      nodes: reproducible ? budgets.assignmentMipNodes : MIP_ANYTIME_NODES,
      timeLimitSeconds: Math.min(1e6, reproducible ? leftSeconds : ASSIGNMENT_MIP_SHARE * leftSeconds),
      start: Int32Array.from(best.state.slotOf),
      stopAtIdle: bounds.idleLowerBound,
    });
    if (mip.slotOf && best.betterSlots(mip.slotOf)) best.restore(mip.slotOf);
    bounds.idleLowerBound = Math.max(bounds.idleLowerBound, mip.idleLowerBound);
    if (closed()) return;
    // Not proven: a better schedule by windows of slots reshuffled optimally (cheap sub-MIPs)
    // with what is left (anytime: up to where the heuristic phases would end).
    const windowsEnd = reproducible ? Infinity : started + 0.93 * (deadline - started);
    const improved = improveByWindows(
      engine,
      model,
      Int32Array.from(best.state.slotOf),
      (slots) => {
        best.restore(slots);
        return best.state.totalIdle();
      },
      { rounds: budgets.windowRounds, width: WINDOW_WIDTH, deadline: Math.min(windowsEnd, deadline), nodes: WINDOW_NODES },
    );
    best.restore(improved);
    if (mip.timeLimited && reproducible) best.timedOut = true;
  };
  // Holes: clasp has no bound on them (small dense instances: minutes for clasp, seconds for the
  // MIP), so the MIP goes first. Breaks: clasp proves small instances in a second where the MIP
  // branches longer, so it gets its first call before the MIP.
  if (assignmentPending && model.idleMeasure === 'holes') await runAssignmentMip();

  // Anytime mode: the exact phase needs a little time to load and ground, and one clasp call
  // cannot be cut short, so it only starts with at least half the limit (and 0.5 s) left.
  const left = deadline - performance.now();
  const exactFits = reproducible || (left >= EXACT_MIN_MS && left >= 0.5 * (deadline - started));
  // The same problem as a MIP (HiGHS), whose LP bound settles which meetings to place; its
  // schedule replaces the best only if lexicographically better. With a work budget HiGHS ends
  // on nodes (reproducible); anytime, on its share of the time left.
  const runMip = async (share: number, last: boolean, rootOnly = false): Promise<boolean> => {
    best.report('exact', 80, true);
    const engine = await loadMipEngine();
    const leftSeconds = (deadline - performance.now()) / 1000;
    const mip = solveMip(engine, model, integralScale(model.weight), {
      nodes: rootOnly ? 1 : reproducible ? budgets.mipNodes : MIP_ANYTIME_NODES,
      start: rootOnly ? Int32Array.from(best.state.slotOf) : undefined,
      heuristicEffort: rootOnly ? 0 : undefined,
      timeLimitSeconds: Math.min(1e6, reproducible ? leftSeconds : share * leftSeconds),
      weightFloor: weightProven ? best.state.weight : undefined,
      excluded: weightProven ? (excluded ??= await excludedPairs()) : undefined,
    });
    if (mip.slotOf && best.betterSlots(mip.slotOf)) best.restore(mip.slotOf);
    // Only the last phase's clock ends the search; a share ending early leaves time to clasp.
    if (mip.timeLimited && last) best.timedOut = true;
    return mip.optimal && Math.abs(best.state.weight - mip.weight) <= WEIGHT_EPS && best.state.totalIdle() === mip.idle;
  };
  if (options.exact !== false && pairs <= EXACT_MAX_PAIRS && exactFits && !best.timeUp() && !closed()) {
    best.report('exact', 60, true);
    const run = await loadExactEngine();
    excluded ??= await excludedPairs();
    // Anytime: start small and double while the measured pace says the next call fits in the
    // time left (a clasp call cannot be interrupted from here).
    let conflicts = reproducible ? budgets.exactConflicts : Math.min(budgets.exactConflicts, ANYTIME_FIRST_CONFLICTS);
    // Pairs ruled out by the weight: clasp gets a share of its conflicts, then the MIP's root node
    // (from the best schedule, no primal heuristics) tries to close the gap by its bound, then
    // clasp resumes with the rest (anytime: the usual doubling and MIP share follow instead).
    let probeRest = excluded !== undefined && mipFits ? budgets.exactConflicts : 0;
    if (probeRest > 0) conflicts = Math.max(1, Math.round(ROOT_PROBE_CONFLICT_SHARE * probeRest));
    for (;;) {
      const callStarted = performance.now();
      const result = solveExactly(run, model, {
        conflicts,
        seed,
        hint: Int32Array.from(best.state.slotOf),
        floors: best.floor,
        maxIdleSpread: options.maxIdleSpread,
        weightFloor: weightProven ? best.state.weight : undefined,
        excluded,
      });
      if (result.slotOf && best.betterSlots(result.slotOf)) best.restore(result.slotOf);
      proven = result.optimal;
      const perConflict = (performance.now() - callStarted) / conflicts;
      if (!proven && assignmentPending) {
        await runAssignmentMip();
        if (closed()) break;
      }
      if (probeRest > 0 && !proven && !result.infeasible && !best.timeUp()) {
        proven = await runMip(ROOT_PROBE_TIME_SHARE, false, true);
        const rest = probeRest - conflicts;
        probeRest = 0;
        if (reproducible && !proven && rest > 0 && !best.timeUp()) {
          conflicts = rest;
          continue;
        }
      }
      // One call with a fixed budget is reproducible; the anytime mode doubles it while time is left.
      if (proven || result.infeasible || reproducible || best.timeUp()) break;
      // Anytime on a small instance: the MIP gets half of what is left first (its LP bound settles
      // most of what clasp cannot), then clasp resumes with the rest.
      if (mipFits && !mipTried) {
        mipTried = true;
        proven = await runMip(0.75, false);
        if (proven || best.timeUp() || closed()) break;
      }
      const fits = Math.floor((0.9 * (deadline - performance.now())) / Math.max(perConflict, 1e-6));
      conflicts = Math.min(2 * conflicts, fits);
      if (conflicts < ANYTIME_FIRST_CONFLICTS / 5) break;
    }
  }
  // Clasp could not run (too little time left, too large): the assignment MIP still may.
  if (!proven && assignmentPending) await runAssignmentMip();
  // Small instances clasp did not prove (with a work budget, or when clasp could not run): the
  // same problem as a MIP.
  if (!proven && mipFits && !mipTried && !best.timeUp() && !closed()) proven = await runMip(0.9, true);
  // Anytime: while the gap is open and time is left, keep searching from the best schedule
  // (instances too large for the exact phase, or whose proof did not finish).
  if (!reproducible && !proven) {
    const phaseEnd = started + 0.93 * (deadline - started);
    for (let round = 1; performance.now() < phaseEnd && !best.timeUp() && !closed(); round++) {
      best.reseed(seed + 104_729 * round);
      if (!best.weightAtBound()) improveWeight(best);
      improveIdle(best);
    }
  }
  best.report('done', 100, true);
  return buildSchedule(model, best.state, {
    seconds: (performance.now() - started) / 1000,
    // With minMeetingsPerGadm floors the exact optimum is one under those floors: no proof of the plain bounds.
    weightUpperBound: proven && !floors ? Math.min(bounds.weightUpperBound, best.state.weight + WEIGHT_EPS) : bounds.weightUpperBound,
    holesLowerBound: bounds.holesLowerBound,
    idleLowerBound: proven && !floors ? best.state.totalIdle() : bounds.idleLowerBound,
    stoppedByClock: best.timedOut,
  });
}

function runHeuristics(ctx: SearchContext): void {
  construct(ctx);
  ctx.report('construct', 10, true);
  improveWeight(ctx);
  ctx.report('weight', 40, true);
  improveIdle(ctx);
  ctx.report('holes', 60, true);
}
