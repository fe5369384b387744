import { ScheduleInstance } from '@rueda/formats';
import { allPlacedIdleLowerBound } from './idle-bounds';
import { buildModel, generateDenseInstance, measureSchedule, solve, validateSchedule } from './index';

describe('idle time forced when every meeting is placed', () => {
  it('proves a break that availability forces, without the exact phase', async () => {
    // CAF is away in S2 and has two meetings in three slots: any schedule placing both waits once.
    const inst: ScheduleInstance = {
      format: 'rueda.schedule-instance/1',
      slots: [{ id: 'S1' }, { id: 'S2' }, { id: 'S3' }],
      tables: [{ id: 'T1' }],
      participants: [{ id: 'CAF', unavailable: ['S2'] }, { id: '0101' }, { id: '0102' }],
      meetings: [
        { id: 'a', participants: ['CAF', '0101'] },
        { id: 'b', participants: ['CAF', '0102'] },
      ],
      idleMeasure: 'breaks',
    };
    expect(allPlacedIdleLowerBound(buildModel(inst))).toBe(1);
    const s = await solve(inst, { seed: 1, budget: 1, exact: false });
    expect(s.stats).toMatchObject({ scheduled: 2, breaks: 1 });
    expect(s.bounds).toMatchObject({ idleLowerBound: 1, idleGap: 0, optimal: true });
  });

  it('counts one break where empty usable slots join two waits (not one per unusable block)', async () => {
    // CAF is away in S2 and S4; a sits in S1, b in S5, c in S3 or S6. With c in S6, CAF waits
    // once (S2–S4, S3 left empty): the two unusable blocks S2 and S4 do not force two breaks.
    const inst: ScheduleInstance = {
      format: 'rueda.schedule-instance/1',
      slots: [{ id: 'S1' }, { id: 'S2' }, { id: 'S3' }, { id: 'S4' }, { id: 'S5' }, { id: 'S6' }],
      tables: [{ id: 'T1' }],
      participants: [{ id: 'CAF', unavailable: ['S2', 'S4'] }, { id: '0101' }, { id: '0102' }, { id: '0103' }],
      meetings: [
        { id: 'a', participants: ['CAF', '0101'], allowedSlots: ['S1'] },
        { id: 'b', participants: ['CAF', '0102'], allowedSlots: ['S5'] },
        { id: 'c', participants: ['CAF', '0103'], allowedSlots: ['S3', 'S6'] },
      ],
      idleMeasure: 'breaks',
    };
    expect(allPlacedIdleLowerBound(buildModel(inst))).toBe(1);
    const s = await solve(inst, { seed: 1, budget: 1, exact: false });
    expect(s.stats).toMatchObject({ scheduled: 3, breaks: 1 });
    expect(s.bounds).toMatchObject({ idleLowerBound: 1, idleGap: 0, optimal: true });
  });

  it.each(['breaks', 'holes'] as const)('never exceeds the idle time of a schedule placing every meeting (%s)', async (measure) => {
    let checked = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const inst = generateDenseInstance({ seed, participants: 14 + (seed % 3) * 4, sessions: [3, 3], tables: 5, idleMeasure: measure });
      const s = await solve(inst, { seed, budget: 0.05, exact: false });
      expect(validateSchedule(inst, s)).toEqual([]);
      if (s.unscheduled.length > 0) continue;
      const measured = measureSchedule(inst, s.assignments);
      expect(allPlacedIdleLowerBound(buildModel(inst))).toBeLessThanOrEqual(measure === 'breaks' ? measured.breaks : measured.holes);
      checked++;
    }
    // The generator plants a schedule holding every meeting, so the heuristics place them all.
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});
