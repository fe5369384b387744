import fc from 'fast-check';
import { parseScheduleInstance, ScheduleInstance, validateScheduleInstance } from '@rueda/formats';
import { computeBounds, generateInstance, greedyBaseline, solve, validateSchedule } from './index';

const generated = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    gadms: fc.integer({ min: 1, max: 30 }),
    cooperants: fc.integer({ min: 1, max: 12 }),
    meetings: fc.integer({ min: 0, max: 120 }),
    slots: fc.integer({ min: 1, max: 10 }),
    tables: fc.integer({ min: 1, max: 8 }),
    unavailableShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
    maxMeetingsShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    fixedTableShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    pins: fc.integer({ min: 0, max: 6 }),
    sameKindShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  })
  .map((o) => generateInstance(o));

/** Instances built field by field (not by our generator), so its habits cannot hide bugs. */
const handMade = fc
  .record({
    slots: fc.integer({ min: 1, max: 6 }),
    tables: fc.integer({ min: 0, max: 4 }),
    people: fc.array(
      fc.record({
        parallel: fc.integer({ min: 1, max: 3 }),
        unavailableMask: fc.integer({ min: 0, max: 63 }),
        maxMeetings: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fixedTable: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 10 },
    ),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 })), { maxLength: 40 }),
  })
  .map(({ slots, tables, people, pairs }): ScheduleInstance => {
    const slotIds = Array.from({ length: slots }, (_, i) => `S${i}`);
    const tableIds = Array.from({ length: tables }, (_, i) => `T${i}`);
    const participants = people.map((p, i) => {
      const fixed = p.fixedTable !== undefined && p.fixedTable < tables ? tableIds[p.fixedTable] : undefined;
      return {
        id: i % 2 === 0 ? String(1000 + i) : `C${i}`,
        ...(fixed ? { fixedTable: fixed } : { parallel: p.parallel }),
        unavailable: slotIds.filter((_, s) => (p.unavailableMask >> s) & 1),
        ...(p.maxMeetings !== undefined ? { maxMeetings: p.maxMeetings } : {}),
      };
    });
    const meetings = pairs
      .map(([a, b, w], k) => ({
        id: `M${k}`,
        participants: [participants[a % people.length].id, participants[b % people.length].id] as [string, string],
        weight: w,
      }))
      .filter((m) => m.participants[0] !== m.participants[1]);
    return {
      format: 'rueda.schedule-instance/1',
      slots: slotIds.map((id) => ({ id })),
      tables: tableIds.map((id) => ({ id })),
      participants,
      meetings,
    };
  });

const instances = fc.oneof(generated, handMade);

describe('schedule invariants (property-based)', () => {
  it('generated instances are valid input', () => {
    fc.assert(
      fc.property(generated, (inst) => {
        expect(validateScheduleInstance(inst)).toEqual([]);
        expect(() => parseScheduleInstance(JSON.parse(JSON.stringify(inst)))).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });

  it('solve respects every hard rule, explains every unscheduled meeting and stays under the bound', async () => {
    await fc.assert(
      fc.asyncProperty(instances, fc.integer({ min: 0, max: 1000 }), async (inst, seed) => {
        const schedule = await solve(inst, { seed, budget: 0.5 });
        // validateSchedule checks parallel, tables, availability, maxMeetings, fixedTable,
        // pins, each meeting exactly once with a reason, stats and weight ≤ bound.
        expect(validateSchedule(inst, schedule)).toEqual([]);
        expect(schedule.assignments.length + schedule.unscheduled.length).toBe(inst.meetings.length);
        expect(schedule.stats.weight).toBeLessThanOrEqual(schedule.bounds.weightUpperBound + 1e-9);
        expect(schedule.stats.holes).toBeGreaterThanOrEqual(schedule.bounds.holesLowerBound ?? 0);
        for (const u of schedule.unscheduled) expect(u.reason).toMatch(/\S+ \/ \S+/);
      }),
      { numRuns: 40 },
    );
  });

  it('holes are counted right on long days (bit-mask path up to 32 slots, plain path beyond)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 28, max: 40 }), async (seed, slots) => {
        const inst = generateInstance({ seed, gadms: 25, cooperants: 6, meetings: 150, slots, tables: 4, unavailableShare: 0.5 });
        const schedule = await solve(inst, { seed, budget: 0.2, exact: false });
        expect(validateSchedule(inst, schedule)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it('greedy baseline is valid too and never beats the bound', () => {
    fc.assert(
      fc.property(instances, (inst) => {
        const schedule = greedyBaseline(inst);
        expect(validateSchedule(inst, schedule)).toEqual([]);
        expect(schedule.stats.weight).toBeLessThanOrEqual(computeBounds(inst).weightUpperBound + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a seed', async () => {
    await fc.assert(
      fc.asyncProperty(instances, fc.integer({ min: 0, max: 1000 }), async (inst, seed) => {
        const a = await solve(inst, { seed, budget: 1, exact: false });
        const b = await solve(inst, { seed, budget: 1, exact: false });
        expect(b.assignments).toEqual(a.assignments);
        expect(b.unscheduled).toEqual(a.unscheduled);
      }),
      { numRuns: 25 },
    );
  });

  it('validateSchedule catches corrupted schedules', async () => {
    await fc.assert(
      fc.asyncProperty(generated, fc.nat(), fc.integer({ min: 0, max: 4 }), async (inst, pick, kind) => {
        const schedule = await solve(inst, { seed: 1, budget: 0.2, exact: false });
        fc.pre(schedule.assignments.length >= 2);
        const bad = structuredClone(schedule);
        const i = pick % bad.assignments.length;
        const j = (i + 1) % bad.assignments.length;
        switch (kind) {
          case 0: // drop a meeting entirely
            bad.assignments.splice(i, 1);
            break;
          case 1: // list a meeting twice
            bad.unscheduled.push({ meeting: bad.assignments[i].meeting, reason: 'x / x' });
            break;
          case 2: // two meetings at the same table and slot
            bad.assignments[j] = { ...bad.assignments[j], slot: bad.assignments[i].slot, table: bad.assignments[i].table };
            break;
          case 3: // claim more weight than scheduled
            bad.stats.weight += 1;
            break;
          case 4: // claim a bound below the weight
            bad.bounds.weightUpperBound = bad.stats.weight - 1;
            break;
        }
        expect(validateSchedule(inst, bad).length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
