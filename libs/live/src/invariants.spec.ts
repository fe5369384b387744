import { affectedParticipants, affectedTables, checkInvariants } from './index';
import { at, event, meeting } from './testing/fixture';

describe('checkInvariants', () => {
  const codes = (s: Parameters<typeof checkInvariants>[0]) => checkInvariants(s).map((v) => v.code);
  const people = [{ id: 'G1' }, { id: 'G2' }, { id: 'C1' }, { id: 'C2', parallel: 2 }];

  it('accepts a consistent state', () => {
    expect(
      codes(event({ now: '09:00', people, meetings: [meeting('A', 'G1', 'C2', '09:00', 'T1'), meeting('B', 'G2', 'C2', '09:00', 'T2')] })),
    ).toEqual([]);
  });

  it('finds each kind of violation', () => {
    expect(
      codes(event({ now: '09:00', people, meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1'), meeting('B', 'G2', 'C2', '09:00', 'T1')] })),
    ).toEqual(['table_twice']);
    expect(
      codes(event({ now: '09:00', people, meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1'), meeting('B', 'G2', 'C1', '09:00', 'T2')] })),
    ).toEqual(['over_parallel']);
    expect(
      codes(
        event({
          now: '09:00',
          people: [{ id: 'G1', unavailable: ['S0900'] }, { id: 'C1' }],
          meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1')],
        }),
      ),
    ).toEqual(['unavailable']);
    expect(
      codes(
        event({
          now: '09:00',
          people: [{ id: 'G1', leftAt: at('09:00') }, { id: 'C1' }],
          meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1')],
        }),
      ),
    ).toEqual(['left']);
    expect(
      codes(
        event({
          now: '09:00',
          people: [{ id: 'G1' }, { id: 'C1', fixedTable: 'T2' }],
          meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1')],
        }),
      ),
    ).toEqual(['fixed_table']);
    expect(
      codes(
        event({
          now: '09:00',
          people: [{ id: 'G1', maxMeetings: 1 }, { id: 'C1' }, { id: 'C2' }],
          meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1'), meeting('B', 'G1', 'C2', '09:20', 'T1')],
        }),
      ),
    ).toEqual(['over_max']);
    expect(
      codes(
        event({
          now: '09:00',
          people,
          meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1'), meeting('B', 'C1', 'G1', null, null, 'accepted')],
        }),
      ),
    ).toEqual(['duplicate_pair']);
    expect(codes(event({ now: '09:00', people, meetings: [meeting('A', 'G1', 'C1', '09:00', 'T99')] }))).toEqual(['unknown_ref']);
  });

  it('ignores terminal meetings and does not re-judge held ones against availability', () => {
    const s = event({
      now: '10:00',
      people: [{ id: 'G1', leftAt: at('09:30') }, { id: 'C1' }, { id: 'G2' }],
      meetings: [
        meeting('A', 'G1', 'C1', '09:00', 'T1', 'held'),
        meeting('B', 'G2', 'C1', '09:00', 'T1', 'no_show'),
        meeting('C', 'G2', 'C1', '09:40', 'T1', 'cancelled'),
      ],
    });
    expect(codes(s)).toEqual([]);
  });
});

describe('affectedParticipants / affectedTables', () => {
  it('counts removed and created meetings on both sides', () => {
    const before = event({
      now: '09:00',
      people: [],
      meetings: [meeting('A', 'G1', 'C1', '09:00', 'T1'), meeting('B', 'G2', 'C2', '09:20', 'T2')],
    });
    const after = { ...before, meetings: [before.meetings[0], meeting('N', 'G3', 'C3', '09:40', 'T3')] };
    expect(affectedParticipants(before, after)).toEqual(['C2', 'C3', 'G2', 'G3']);
    expect(affectedTables(before, after)).toEqual(['T2', 'T3']);
    expect(affectedParticipants(before, { ...before })).toEqual([]);
  });

  it('a moved meeting touches both its old and new table', () => {
    const before = event({ now: '09:00', people: [], meetings: [meeting('A', 'G1', 'C1', '09:40', 'T4')] });
    const after = { ...before, meetings: [{ ...before.meetings[0], slotId: 'S0900', tableId: 'T7' }] };
    expect(affectedTables(before, after)).toEqual(['T4', 'T7']);
    expect(affectedParticipants(before, after)).toEqual(['C1', 'G1']);
  });
});
