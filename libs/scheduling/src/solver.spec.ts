import { Schedule, ScheduleInstance } from '@rueda/formats';
import { computeBounds, fairnessReport, generateInstance, greedyBaseline, REASONS, solve, SolveProgress, validateSchedule } from './index';

const slots = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `S${i + 1}` }));
const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}` }));

function instance(partial: Partial<ScheduleInstance>): ScheduleInstance {
  return { format: 'rueda.schedule-instance/1', slots: slots(2), tables: tables(2), participants: [], meetings: [], ...partial };
}

const placeOf = (schedule: Schedule, id: string) => schedule.assignments.find((a) => a.meeting === id);
const reasonOf = (schedule: Schedule, id: string) => schedule.unscheduled.find((u) => u.meeting === id)?.reason;

describe('solve', () => {
  it('handles the README example: keeps the pin, explains what cannot fit', async () => {
    const inst = instance({
      slots: [
        { id: 'S01', start: '2026-11-25T09:00', end: '2026-11-25T09:20' },
        { id: 'S02', start: '2026-11-25T09:20', end: '2026-11-25T09:40' },
      ],
      tables: [{ id: 'T01' }, { id: 'T02' }],
      participants: [
        { id: '0104', unavailable: ['S02'], maxMeetings: 8 },
        { id: 'CAF', parallel: 2 },
        { id: 'JICA', fixedTable: 'T02' },
      ],
      meetings: [
        { id: 'M0001', participants: ['0104', 'CAF'], weight: 3 },
        { id: 'M0002', participants: ['0104', 'JICA'], weight: 1, pinned: { slot: 'S01', table: 'T02' } },
      ],
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(s.format).toBe('rueda.schedule/1');
    expect(placeOf(s, 'M0002')).toEqual({ meeting: 'M0002', slot: 'S01', table: 'T02' });
    // 0104 is only free in S01 and the pin already uses it.
    expect(reasonOf(s, 'M0001')).toBe(REASONS.displaced);
    expect(s.stats).toMatchObject({ scheduled: 1, weight: 1, holes: 0 });
    expect(s.bounds.weightUpperBound).toBe(1);
    expect(s.bounds.gap).toBe(0);
    expect(validateSchedule(inst, s)).toEqual([]);
  });

  it('keeps the heaviest meetings when tables are the bottleneck', async () => {
    const inst = instance({
      slots: slots(2),
      tables: tables(1),
      participants: ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => ({ id })),
      meetings: [
        { id: 'light', participants: ['A', 'B'], weight: 1 },
        { id: 'heavy', participants: ['C', 'D'], weight: 5 },
        { id: 'mid', participants: ['E', 'F'], weight: 3 },
      ],
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(s.assignments.map((a) => a.meeting).sort()).toEqual(['heavy', 'mid']);
    expect(s.stats.weight).toBe(8);
    expect(s.bounds.weightUpperBound).toBe(8);
    expect(reasonOf(s, 'light')).toBe(REASONS.displaced);
  });

  it('uses a participant fixed table for all its meetings and only once per slot', async () => {
    const inst = instance({
      slots: slots(3),
      tables: tables(3),
      participants: [{ id: 'JICA', fixedTable: 'T2' }, { id: '0101' }, { id: '0102' }, { id: '0103' }],
      meetings: ['0101', '0102', '0103'].map((g, i) => ({ id: `M${i}`, participants: [g, 'JICA'] as [string, string] })),
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(s.assignments).toHaveLength(3);
    expect(new Set(s.assignments.map((a) => a.table))).toEqual(new Set(['T2']));
    expect(new Set(s.assignments.map((a) => a.slot)).size).toBe(3);
    expect(s.stats.holes).toBe(0);
  });

  it('gives specific reasons: no common slot, clashing fixed tables, meeting limit', async () => {
    const inst = instance({
      slots: slots(2),
      tables: tables(2),
      participants: [
        { id: '0101', unavailable: ['S1'] },
        { id: 'EU', unavailable: ['S2'] },
        { id: 'JICA', fixedTable: 'T1' },
        { id: 'KOICA', fixedTable: 'T2' },
        { id: '0102', maxMeetings: 1 },
      ],
      meetings: [
        { id: 'apart', participants: ['0101', 'EU'] },
        { id: 'clash', participants: ['JICA', 'KOICA'] },
        { id: 'first', participants: ['0102', 'JICA'], weight: 5 },
        { id: 'second', participants: ['0102', 'KOICA'], weight: 1 },
      ],
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(reasonOf(s, 'apart')).toBe(REASONS.noCommonSlot);
    expect(reasonOf(s, 'clash')).toBe(REASONS.tableClash);
    expect(placeOf(s, 'first')?.table).toBe('T1');
    expect(reasonOf(s, 'second')).toBe(REASONS.limit('0102'));
    expect(validateSchedule(inst, s)).toEqual([]);
  });

  it('stacks meetings of a participant with parallel delegates in one slot', async () => {
    const inst = instance({
      slots: slots(1),
      tables: tables(3),
      participants: [{ id: 'CAF', parallel: 3 }, { id: '0101' }, { id: '0102' }, { id: '0103' }],
      meetings: ['0101', '0102', '0103'].map((g, i) => ({ id: `M${i}`, participants: [g, 'CAF'] as [string, string] })),
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(s.stats.scheduled).toBe(3);
  });

  it('avoids holes when a compact agenda exists', async () => {
    // CAF meets four GADMs over six slots; any order works, but only some are gap-free.
    const inst = instance({
      slots: slots(6),
      tables: tables(1),
      participants: [
        { id: 'CAF' },
        { id: '0101', unavailable: ['S2', 'S3', 'S4', 'S5', 'S6'] },
        { id: '0102' },
        { id: '0103' },
        { id: '0104' },
      ],
      meetings: ['0101', '0102', '0103', '0104'].map((g, i) => ({ id: `M${i}`, participants: [g, 'CAF'] as [string, string] })),
    });
    const s = await solve(inst, { seed: 5, budget: 1 });
    expect(s.stats.scheduled).toBe(4);
    expect(s.stats.holes).toBe(0);
    expect(placeOf(s, 'M0')?.slot).toBe('S1');
  });

  it('counts holes only in available slots and proves forced holes with the lower bound', async () => {
    // Two pins three slots apart; the participant has no other meeting to fill the middle.
    const inst = instance({
      slots: slots(4),
      tables: tables(2),
      participants: [{ id: 'CAF', unavailable: ['S2'] }, { id: '0101' }, { id: '0102' }],
      meetings: [
        { id: 'a', participants: ['0101', 'CAF'], pinned: { slot: 'S1', table: 'T1' } },
        { id: 'b', participants: ['0102', 'CAF'], pinned: { slot: 'S4', table: 'T1' } },
      ],
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(s.stats.holes).toBe(1); // S3 only: S2 is unavailable
    expect(s.bounds.holesLowerBound).toBe(1);
  });

  it('minMeetingsPerGadm trades weight for a meeting for every GADM that asked', async () => {
    const inst = instance({
      slots: slots(2),
      tables: tables(1),
      participants: [{ id: '0101' }, { id: '0102' }, { id: 'CAF' }, { id: 'EU' }],
      meetings: [
        { id: 'big1', participants: ['0101', 'CAF'], weight: 5 },
        { id: 'big2', participants: ['0101', 'EU'], weight: 5 },
        { id: 'small', participants: ['0102', 'CAF'], weight: 1 },
      ],
    });
    const plain = await solve(inst, { seed: 1, budget: 1 });
    expect(plain.stats.weight).toBe(10);
    expect(fairnessReport(inst, plain)).toMatchObject({ gadms: 2, gadmsWithRequests: 2, gadmsWithRequestsAndNoMeeting: 1, min: 0 });
    const fair = await solve(inst, { seed: 1, minMeetingsPerGadm: 1, budget: 1 });
    expect(fair.stats.weight).toBe(6);
    expect(placeOf(fair, 'small')).toBeDefined();
    expect(fair.fairness).toMatchObject({ gadmsWithRequestsAndNoMeeting: 0, min: 1, histogram: { '1': 2 } });
    expect(validateSchedule(inst, fair)).toEqual([]);
  });

  it('minMeetingsPerGadm lifts the worst-off GADMs on a realistic instance', async () => {
    const inst = generateInstance({ seed: 11, gadms: 60, cooperants: 15, meetings: 500, slots: 8, tables: 20 });
    const plain = await solve(inst, { seed: 1, budget: 1, exact: false });
    const fair = await solve(inst, { seed: 1, minMeetingsPerGadm: 2, budget: 1, exact: false });
    expect(validateSchedule(inst, fair)).toEqual([]);
    expect(fair.fairness!.minAmongRequesting).toBeGreaterThanOrEqual(Math.min(2, plain.fairness!.minAmongRequesting as number));
    expect(fair.fairness!.gadmsWithRequestsAndNoMeeting).toBe(0);
  });

  it('reports progress up to 100 % with the proven bound', async () => {
    const inst = generateInstance({ seed: 3, gadms: 40, cooperants: 10, meetings: 300, slots: 8, tables: 12 });
    const seen: SolveProgress[] = [];
    const s = await solve(inst, { seed: 2, budget: 0.2, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)!.percent).toBe(100);
    for (let i = 1; i < seen.length; i++) expect(seen[i].percent).toBeGreaterThanOrEqual(seen[i - 1].percent);
    expect(seen.every((p) => p.bound === s.bounds.weightUpperBound)).toBe(true);
    expect(seen.at(-1)!.bestWeight).toBe(s.stats.weight);
  });

  it('is deterministic for a seed and beats the first-come-first-served baseline', async () => {
    const inst = generateInstance({ seed: 5, gadms: 80, cooperants: 25, meetings: 900, slots: 12, tables: 25 });
    // A work budget, not the clock, ends every phase: the same on a loaded or an idle machine.
    const a = await solve(inst, { seed: 9, budget: 1 });
    const b = await solve(inst, { seed: 9, budget: 1 });
    expect(b.assignments).toEqual(a.assignments);
    const g = greedyBaseline(inst);
    expect(validateSchedule(inst, a)).toEqual([]);
    expect(a.stats.weight).toBeGreaterThan(g.stats.weight);
    expect(a.stats.holes).toBeLessThan(g.stats.holes);
    expect(a.stats.weight / a.bounds.weightUpperBound).toBeGreaterThan(0.99);
  });

  it('still returns a valid schedule when the time limit is already spent', async () => {
    const inst = generateInstance({ seed: 8, gadms: 50, cooperants: 12, meetings: 400, slots: 8, tables: 15 });
    const s = await solve(inst, { seed: 1, timeLimitMs: 0 });
    expect(validateSchedule(inst, s)).toEqual([]);
    expect(s.stats.weight).toBeGreaterThan(0.95 * s.bounds.weightUpperBound);
  });

  it('rejects an invalid instance with FormatError', async () => {
    const inst = instance({ participants: [{ id: 'A' }], meetings: [{ id: 'M', participants: ['A', 'A'] }] });
    await expect(solve(inst)).rejects.toThrow(/consigo mismo/);
  });
});

describe('computeBounds', () => {
  it('is the fractional b-matching value, rounded down for integer weights (odd cycle)', async () => {
    // Triangle in one slot: each person can hold one meeting, so only one fits; LP says 1.5.
    const inst = instance({
      slots: slots(1),
      tables: tables(3),
      participants: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      meetings: [
        { id: 'ab', participants: ['A', 'B'] },
        { id: 'bc', participants: ['B', 'C'] },
        { id: 'ca', participants: ['C', 'A'] },
      ],
    });
    expect(computeBounds(inst).weightUpperBound).toBe(1);
  });

  it('accounts for tables × slots, participant time, maxMeetings and common slots', async () => {
    const inst = instance({
      slots: slots(3),
      tables: tables(2),
      participants: [{ id: 'CAF', parallel: 2 }, { id: 'EU', maxMeetings: 1 }, ...['0101', '0102', '0103', '0104'].map((id) => ({ id }))],
      meetings: [
        ...['0101', '0102', '0103', '0104'].map((g, i) => ({ id: `caf${i}`, participants: [g, 'CAF'] as [string, string], weight: 2 })),
        ...['0101', '0102', '0103', '0104'].map((g, i) => ({ id: `eu${i}`, participants: [g, 'EU'] as [string, string], weight: 3 })),
      ],
    });
    // EU takes one meeting (3); CAF would take four (8) but only 6 table-slots exist: 3 + 4×2 = 11.
    expect(computeBounds(inst).weightUpperBound).toBe(11);
    expect((await solve(inst, { seed: 1, budget: 1 })).stats.weight).toBe(11);
  });
});
