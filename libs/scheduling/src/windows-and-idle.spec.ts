import { FormatError, parseScheduleInstance, ScheduleInstance } from '@rueda/formats';
import { generateDenseInstance, measureSchedule, solve, validateSchedule } from './index';
import { mipLexicographic } from './testing/mip-lexicographic';

const slots = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `S${i + 1}` }));
const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}` }));
const instance = (partial: Partial<ScheduleInstance>): ScheduleInstance => ({
  format: 'rueda.schedule-instance/1',
  slots: slots(4),
  tables: tables(2),
  participants: [],
  meetings: [],
  ...partial,
});

function issuesOf(json: unknown) {
  try {
    parseScheduleInstance(json);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return (e as FormatError).issues;
  }
  throw new Error('expected a FormatError');
}

describe('meeting windows (allowedSlots)', () => {
  it('places a meeting only inside its window', async () => {
    const inst = instance({
      participants: [{ id: 'CAF' }, { id: '0101' }, { id: '0102' }],
      meetings: [
        { id: 'morning', participants: ['CAF', '0101'], allowedSlots: ['S1', 'S2'] },
        { id: 'afternoon', participants: ['CAF', '0102'], allowedSlots: ['S4'] },
      ],
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(validateSchedule(inst, s)).toEqual([]);
    expect(['S1', 'S2']).toContain(s.assignments.find((a) => a.meeting === 'morning')?.slot);
    expect(s.assignments.find((a) => a.meeting === 'afternoon')?.slot).toBe('S4');
    // CAF waits S3 in any case (S2 is the latest morning slot): one hole, one break, proven.
    expect(s.stats).toMatchObject({ holes: 1, breaks: 1 });
    expect(s.bounds).toMatchObject({ idleLowerBound: 1, idleGap: 0, optimal: true });
  });

  it('validateSchedule flags a placement outside the window', () => {
    const inst = instance({
      participants: [{ id: 'A' }, { id: 'B' }],
      meetings: [{ id: 'M', participants: ['A', 'B'], allowedSlots: ['S1'] }],
    });
    const schedule = {
      format: 'rueda.schedule/1' as const,
      assignments: [{ meeting: 'M', slot: 'S2', table: 'T1' }],
      unscheduled: [],
      stats: { scheduled: 1, weight: 1, holes: 0, breaks: 0, seconds: 0 },
      bounds: { weightUpperBound: 1 },
    };
    expect(validateSchedule(inst, schedule).map((v) => v.code)).toContain('outside-window');
  });

  it('rejects a window with no feasible slot, a pin outside its window, unknown slots and an unknown idleMeasure', () => {
    const issues = issuesOf({
      format: 'rueda.schedule-instance/1',
      slots: slots(3),
      tables: tables(1),
      participants: [{ id: 'A', unavailable: ['S1'] }, { id: 'B' }],
      meetings: [
        { id: 'closed', participants: ['A', 'B'], allowedSlots: ['S1'] },
        { id: 'pinned', participants: ['A', 'B'], allowedSlots: ['S2'], pinned: { slot: 'S3', table: 'T1' } },
        { id: 'typo', participants: ['A', 'B'], allowedSlots: ['S9'] },
      ],
    });
    const byPath = new Map(issues.map((i) => [i.path, i.message]));
    expect(byPath.get('meetings[0].allowedSlots')).toMatch(/"closed".*ninguna franja.*no slot/);
    expect(byPath.get('meetings[1].pinned.slot')).toMatch(/"pinned".*fuera de su ventana.*outside its allowedSlots/);
    expect(byPath.get('meetings[2].allowedSlots[0]')).toMatch(/"typo".*franja desconocida "S9".*unknown slot/);
    const measure = issuesOf({
      format: 'rueda.schedule-instance/1',
      slots: [],
      tables: [],
      participants: [],
      meetings: [],
      idleMeasure: 'gaps',
    });
    expect(measure).toEqual([{ path: 'idleMeasure', message: expect.stringMatching(/holes.*breaks/) }]);
  });
});

describe('idle measures', () => {
  it('stats report both measures; an unavailable slot inside a wait is a break but not a hole', async () => {
    const inst = instance({
      slots: slots(3),
      participants: [{ id: 'CAF', unavailable: ['S2'] }, { id: '0101' }, { id: '0102' }],
      meetings: [
        { id: 'a', participants: ['CAF', '0101'], pinned: { slot: 'S1', table: 'T1' } },
        { id: 'b', participants: ['CAF', '0102'], pinned: { slot: 'S3', table: 'T1' } },
      ],
      idleMeasure: 'breaks',
    });
    const s = await solve(inst, { seed: 1, budget: 1 });
    expect(s.stats).toMatchObject({ holes: 0, breaks: 1 });
    expect(s.bounds).toMatchObject({ idleMeasure: 'breaks', idleLowerBound: 1, optimal: true });
    expect(measureSchedule(inst, s.assignments)).toMatchObject({ holes: 0, breaks: 1 });
    expect(s.idleFairness).toMatchObject({ measure: 'breaks', spread: 1, max: 1, histogram: { '0': 2, '1': 1 } });
  });

  it.each(['breaks', 'holes'] as const)(
    'proves the lexicographic optimum of a small dense instance (%s), as HiGHS does',
    async (measure) => {
      const inst = generateDenseInstance({ seed: 3, participants: 14, sessions: [3, 3], tables: 4, idleMeasure: measure });
      const s = await solve(inst, { seed: 1, budget: 1 });
      expect(validateSchedule(inst, s)).toEqual([]);
      // The generator plants a schedule holding every meeting: none may be dropped.
      expect(s.unscheduled).toEqual([]);
      expect(s.bounds.optimal).toBe(true);
      // HiGHS stops as soon as it proves the optimum (seconds on a quiet machine); the long
      // limit is only a safety net for a loaded one, where 60 s was once not enough.
      const mip = await mipLexicographic(inst, 600);
      expect(mip.optimal).toBe(true);
      expect(s.stats.weight).toBe(mip.weight);
      expect(measure === 'breaks' ? s.stats.breaks : s.stats.holes).toBe(mip.idle);
    },
    900_000,
  );

  it('bounds the spread of idle time between participants (fairness d)', async () => {
    const inst = generateDenseInstance({ seed: 5, participants: 12, sessions: [3, 3], tables: 4, idleMeasure: 'breaks' });
    const free = await solve(inst, { seed: 1, budget: 1 });
    const fair = await solve(inst, { seed: 1, budget: 1, maxIdleSpread: 1 });
    expect(validateSchedule(inst, fair)).toEqual([]);
    expect(fair.stats.weight).toBe(free.stats.weight);
    expect(fair.idleFairness!.spread).toBeLessThanOrEqual(Math.max(1, 0));
  });
});

describe('reproducible by work budget', () => {
  it('gives the same schedule when the clock runs a thousand times slower', async () => {
    const inst = generateDenseInstance({ seed: 2, participants: 30, sessions: [4, 4], tables: 8, idleMeasure: 'holes' });
    const normal = await solve(inst, { seed: 4, budget: 0.3 });
    let fake = 0;
    const spy = jest.spyOn(performance, 'now').mockImplementation(() => (fake += 1000));
    try {
      const slow = await solve(inst, { seed: 4, budget: 0.3 });
      expect(slow.assignments).toEqual(normal.assignments);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});
