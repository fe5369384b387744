import { Rng } from './rng';
import { solveAssignmentMip } from './exact/assignment-mip';
import { loadMipEngine } from './exact/mip';
import { cheapestAgenda, cheapestPattern, patternIdle, patternIdleLowerBound } from './exact/pattern-bound';
import { buildModel, generateDenseInstance, Model, solve } from './index';

/** Slot per meeting of a schedule (the solver's output read back into the model's indices). */
async function startOf(model: Model): Promise<Int32Array> {
  const s = await solve(model.instance, { seed: 1, budget: 0.1, exact: false });
  const start = new Int32Array(model.M).fill(-1);
  for (const a of s.assignments) start[model.meetingIds.indexOf(a.meeting)] = model.slotIds.indexOf(a.slot);
  return start;
}

describe('Dantzig–Wolfe (pattern) idle bound', () => {
  it.each(['holes', 'breaks'] as const)(
    'on a small dense instance (%s): agendas bound above the compact LP, never above the optimum',
    async (idleMeasure) => {
      // 24 participants, 46 meetings, 8 slots (assignment-mip.spec.ts: optimum 5 holes).
      const inst = generateDenseInstance({ seed: 3, participants: 24, sessions: [4, 4], tables: 6, idleMeasure });
      const model = buildModel(inst);
      const engine = await loadMipEngine();
      const start = await startOf(model);
      const compact = solveAssignmentMip(engine, model, { nodes: 1, timeLimitSeconds: 1e6, relaxation: true });
      const optimum = solveAssignmentMip(engine, model, { nodes: 1e6, timeLimitSeconds: 1e6, start });
      const slots = patternIdleLowerBound(engine, model, { start, rounds: 500, timeLimitSeconds: 1e6 });
      const agendas = patternIdleLowerBound(engine, model, {
        start,
        rounds: 500,
        timeLimitSeconds: 1e6,
        agendaMeetings: 8,
        interior: true,
      });
      expect(optimum.optimal).toBe(true);
      expect(slots.converged && agendas.converged).toBe(true);
      expect(slots.idleLowerBound).toBeGreaterThanOrEqual(compact.idleLowerBound);
      expect(agendas.idleLowerBound).toBeGreaterThanOrEqual(slots.idleLowerBound);
      expect(agendas.idleLowerBound).toBeGreaterThan(compact.idleLowerBound);
      expect(agendas.idleLowerBound).toBeLessThanOrEqual(optimum.idle);
    },
    120_000,
  );

  it('proves in the solver an optimum above the compact MIP root bound (dense 42p, breaks)', async () => {
    // 42 participants, 80 meetings, 8 slots, every table of every slot full: the heuristics and
    // the MIP reach 28 breaks; the agenda bound proves 28 where the MIP's root (LP and cuts) has 26–27.
    const inst = generateDenseInstance({ seed: 4, participants: 42, sessions: [4, 4], tables: 10, idleMeasure: 'breaks' });
    const s = await solve(inst, { seed: 1, budget: 0.1 });
    expect(s.unscheduled).toEqual([]);
    expect(s.stats.breaks).toBe(28);
    expect(s.bounds).toMatchObject({ idleLowerBound: 28, idleGap: 0, optimal: true });
    const model = buildModel(inst);
    const engine = await loadMipEngine();
    const start = new Int32Array(model.M).fill(-1);
    for (const a of s.assignments) start[model.meetingIds.indexOf(a.meeting)] = model.slotIds.indexOf(a.slot);
    const root = solveAssignmentMip(engine, model, { nodes: 1, timeLimitSeconds: 1e6, start });
    const agendas = patternIdleLowerBound(engine, model, { start, rounds: 200, timeLimitSeconds: 1e6, agendaMeetings: 12, interior: true });
    expect(root.idleLowerBound).toBeLessThan(28);
    expect(agendas).toMatchObject({ idleLowerBound: 28, converged: true });
  }, 180_000);

  it('prices exactly: the DPs agree with enumerating every pattern and agenda', () => {
    const inst = generateDenseInstance({ seed: 5, participants: 12, sessions: [3, 3], tables: 3 });
    const rng = new Rng(7);
    for (const idleMeasure of ['holes', 'breaks'] as const) {
      const model = buildModel({ ...inst, idleMeasure });
      const { S } = model;
      for (let p = 0; p < model.P; p++) {
        const mine = [...model.meetingsOf[p]];
        const k = mine.length;
        if (k < 2) continue;
        const usable = new Uint8Array(model.P * S);
        for (const m of mine) for (let s = 0; s < S; s++) if (model.allowed[m * S + s]) usable[p * S + s] = 1;
        const slotPrice = Float64Array.from({ length: S }, () => rng.next() * 2);
        const agendaPrice = Float64Array.from({ length: k * S }, () => rng.next() * 2);
        // Enumerate every assignment of p's meetings to distinct allowed slots.
        let bestSet = Infinity;
        let bestAgenda = Infinity;
        const walk = (j: number, used: number[]) => {
          if (j === k) {
            const sorted = [...used].sort((a, b) => a - b);
            const idle = patternIdle(model, p, sorted);
            bestSet = Math.min(bestSet, idle - sorted.reduce((a, s) => a + slotPrice[s], 0));
            bestAgenda = Math.min(bestAgenda, idle - used.reduce((a, s, i) => a + agendaPrice[i * S + s], 0));
            return;
          }
          for (let s = 0; s < S; s++) if (model.allowed[mine[j] * S + s] && !used.includes(s)) walk(j + 1, [...used, s]);
        };
        walk(0, []);
        const agenda = cheapestAgenda(model, p, mine, agendaPrice);
        expect(agenda.cost).toBeCloseTo(bestAgenda, 9);
        expect(
          patternIdle(
            model,
            p,
            [...agenda.agenda].sort((a, b) => a - b),
          ) - agenda.agenda.reduce((a, s, i) => a + agendaPrice[i * S + s], 0),
        ).toBeCloseTo(agenda.cost, 9);
        // Slot patterns relax the matching of meetings to slots: never above the agendas' least set cost.
        const pattern = cheapestPattern(model, p, k, usable, slotPrice);
        expect(pattern.cost).toBeLessThanOrEqual(bestSet + 1e-9);
        expect(pattern.slots.length).toBe(k);
        expect(patternIdle(model, p, pattern.slots) - pattern.slots.reduce((a, s) => a + slotPrice[s], 0)).toBeCloseTo(pattern.cost, 9);
      }
    }
  });
});
