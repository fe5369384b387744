import {
  affectedParticipants,
  affectedTables,
  applyCancel,
  applyDelay,
  applyLeaveEarly,
  applyNoShow,
  applyWalkIn,
  checkInvariants,
  LiveError,
  LiveState,
} from './index';
import { at, cand, event, meeting } from './testing/fixture';

const hm = (d: Date) => new Date(d.getTime() - 5 * 3600_000).toISOString().slice(11, 16);

describe('applyNoShow / applyCancel', () => {
  const s = event({
    now: '10:25',
    people: [{ id: 'G1' }, { id: 'C1' }, { id: 'G2' }],
    meetings: [
      meeting('M1', 'G1', 'C1', '10:20', 'T7', 'checked_in'),
      meeting('M2', 'G2', 'C1', null, null, 'accepted'),
      meeting('M3', 'G2', 'G1', '09:00', 'T1', 'held'),
    ],
  });

  it('marks the no-show, frees its cell and leaves the input untouched', () => {
    const r = applyNoShow(s, 'M1');
    expect(r.freed).toEqual([{ slotId: 'S1020', tableId: 'T7', meetingId: 'M1' }]);
    expect(r.state.meetings.find((m) => m.id === 'M1')).toMatchObject({ status: 'no_show', slotId: 'S1020', tableId: 'T7' });
    expect(r.changedMeetings).toHaveLength(1);
    expect(s.meetings[0].status).toBe('checked_in');
    expect(affectedParticipants(s, r.state)).toEqual(['C1', 'G1']);
    expect(affectedTables(s, r.state)).toEqual(['T7']);
  });

  it('cancels an unplaced meeting without freeing anything', () => {
    const r = applyCancel(s, 'M2');
    expect(r.freed).toEqual([]);
    expect(r.changedMeetings[0].after.status).toBe('cancelled');
  });

  it('refuses impossible transitions and unknown meetings', () => {
    expect(() => applyNoShow(s, 'M3')).toThrow(LiveError);
    expect(() => applyNoShow(s, 'M2')).toThrow(/no puede pasar de accepted a no_show \/ meeting M2 cannot go from accepted to no_show/);
    expect(() => applyCancel(s, 'nope')).toThrow(/reunión desconocida/);
  });
});

describe('applyLeaveEarly', () => {
  it('cancels the meetings in slots starting at or after the departure and keeps the rest', () => {
    const s = event({
      now: '11:30',
      slots: 12,
      people: [{ id: 'G1' }, { id: 'C1', parallel: 2 }, { id: 'G2' }, { id: 'G3' }],
      meetings: [
        meeting('A', 'G1', 'C1', '11:40', 'T1'), // under way at 11:50: kept
        meeting('B', 'G2', 'C1', '12:00', 'T2'),
        meeting('C', 'G3', 'C1', '12:20', 'T3'),
        meeting('D', 'G1', 'G2', '12:20', 'T4'), // not C1's
      ],
    });
    const r = applyLeaveEarly(s, 'C1', at('11:50'));
    expect(r.freed).toEqual([
      { slotId: 'S1200', tableId: 'T2', meetingId: 'B' },
      { slotId: 'S1220', tableId: 'T3', meetingId: 'C' },
    ]);
    expect(r.state.meetings.map((m) => m.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'scheduled']);
    expect(r.state.participants.find((p) => p.id === 'C1')!.leftAt).toEqual(at('11:50'));
    expect(s.participants.find((p) => p.id === 'C1')!.leftAt).toBeUndefined();
    expect(checkInvariants(r.state)).toEqual([]);
    expect(affectedParticipants(s, r.state)).toEqual(['C1', 'G2', 'G3']);
    expect(() => applyLeaveEarly(s, 'X', at('12:00'))).toThrow(LiveError);
  });
});

describe('applyDelay', () => {
  // 09:00, 09:20, 09:40, 10:00 … with a 20-minute break after 09:40 built by removing S1000.
  const withBreak = (): LiveState => {
    const s = event({ now: '08:30', slots: 6, people: [{ id: 'G1' }, { id: 'C1' }], meetings: [meeting('M', 'G1', 'C1', '10:20', 'T1')] });
    return { ...s, slots: s.slots.filter((x) => x.id !== 'S1000') };
  };

  it('slot scope: shifts the slot and cascades only while it would overlap', () => {
    const s = withBreak();
    const r = applyDelay(s, { fromSlotId: 'S0920', minutes: 5, scope: 'slot' });
    expect(r.state.slots.map((x) => `${x.id}@${hm(x.startsAt)}-${hm(x.endsAt)}`)).toEqual([
      'S0900@09:00-09:20',
      'S0920@09:25-09:45',
      'S0940@09:45-10:05',
      'S1020@10:20-10:40', // the break absorbed it
      'S1040@10:40-11:00',
    ]);
    expect(r.slots.map((x) => x.id)).toEqual(['S0920', 'S0940']);
    expect(affectedParticipants(s, r.state)).toEqual([]);
    const big = applyDelay(s, { fromSlotId: 'S0940', minutes: 30, scope: 'slot' });
    expect(big.state.slots.map((x) => hm(x.startsAt))).toEqual(['09:00', '09:20', '10:10', '10:30', '10:50']);
    expect(affectedParticipants(s, big.state)).toEqual(['C1', 'G1']);
    expect(affectedTables(s, big.state)).toEqual(['T1']);
  });

  it('rest-of-day scope: shifts every later slot of that day, not the next day', () => {
    const day1 = event({ now: '08:30', slots: 3, people: [] });
    const day2 = event({ now: '08:30', slots: 2, people: [] }).slots.map((x) => ({
      id: `D2-${x.id}`,
      startsAt: new Date(x.startsAt.getTime() + 86_400_000),
      endsAt: new Date(x.endsAt.getTime() + 86_400_000),
    }));
    const s = { ...day1, slots: [...day1.slots, ...day2] };
    const r = applyDelay(s, { fromSlotId: 'S0920', minutes: 15, scope: 'rest-of-day' });
    expect(r.state.slots.map((x) => hm(x.startsAt))).toEqual(['09:00', '09:35', '09:55', '09:00', '09:20']);
    expect(r.slots.map((x) => x.id)).toEqual(['S0920', 'S0940']);
  });

  it('reports meetings pushed past a departure', () => {
    const s = event({
      now: '11:00',
      slots: 12,
      people: [{ id: 'G1', leftAt: at('12:10') }, { id: 'C1' }],
      meetings: [meeting('M', 'G1', 'C1', '11:40', 'T1'), meeting('N', 'G1', 'C1x', '11:00', 'T2', 'checked_in')],
    });
    const r = applyDelay(s, { fromSlotId: 'S1140', minutes: 30, scope: 'rest-of-day' });
    expect(r.atRisk).toEqual([
      {
        meetingId: 'M',
        participantId: 'G1',
        reason: { es: 'G1 se retira antes del nuevo inicio de S1140', en: 'G1 leaves before the new start of S1140' },
      },
    ]);
  });

  it('rejects non-positive delays, unknown and finished slots', () => {
    const s = withBreak();
    expect(() => applyDelay(s, { fromSlotId: 'S0920', minutes: 0, scope: 'slot' })).toThrow(LiveError);
    expect(() => applyDelay(s, { fromSlotId: 'S0920', minutes: Number.NaN, scope: 'slot' })).toThrow(LiveError);
    expect(() => applyDelay(s, { fromSlotId: 'S7777', minutes: 5, scope: 'slot' })).toThrow(LiveError);
    expect(() => applyDelay({ ...s, now: at('09:30') }, { fromSlotId: 'S0900', minutes: 5, scope: 'slot' })).toThrow(/ya terminó/);
  });
});

describe('applyWalkIn', () => {
  const base = () =>
    event({
      now: '10:05',
      tables: 3,
      people: [
        { id: 'G1' },
        { id: 'C1' },
        { id: 'G2' },
        { id: 'C2', fixedTable: 'T3' },
        { id: 'C3', fixedTable: 'T2' },
        { id: 'G9', checkedIn: false },
        { id: 'C4' },
      ],
      meetings: [
        meeting('A', 'G2', 'C4', '10:00', 'T1', 'checked_in'),
        meeting('B', 'G1', 'C2', '10:20', 'T3'),
        meeting('C', 'G2', 'C3', '10:20', 'T2'),
        meeting('D', 'G1', 'C3', '10:40', 'T2'),
      ],
      candidates: [cand('G1', 'C1', 'match', 0.4)],
    });

  it('takes the earliest cell where both are free, from the slot under way if enough of it remains', () => {
    const r = applyWalkIn(base(), { a: 'G1', b: 'C1' });
    if (!r.ok) throw new Error(r.reason.en);
    expect([r.slotId, r.tableId]).toEqual(['S1000', 'T2']);
    expect(r.meeting).toMatchObject({ a: 'G1', b: 'C1', status: 'scheduled', weight: 1 });
    expect(r.state.candidates).toEqual([]);
    expect(checkInvariants(r.state)).toEqual([]);
    // At 10:12 less than 10 minutes of S1000 remain; G1 is busy at 10:20 and 10:40.
    const late = applyWalkIn({ ...base(), now: at('10:12') }, { a: 'G1', b: 'C1' });
    expect(late.ok && [late.slotId, late.tableId]).toEqual(['S1100', 'T1']);
  });

  it('uses a fixed table and honours a requested slot or table', () => {
    const r = applyWalkIn(base(), { a: 'G2', b: 'C2' });
    expect(r.ok && [r.slotId, r.tableId]).toEqual(['S1040', 'T3']);
    const wanted = applyWalkIn(base(), { a: 'G1', b: 'C1', slotId: 'S1100', tableId: 'T3' }, { newMeetingId: 'W1' });
    expect(wanted.ok && [wanted.meeting.id, wanted.slotId, wanted.tableId]).toEqual(['W1', 'S1100', 'T3']);
  });

  it('places an accepted meeting of the pair instead of creating a duplicate', () => {
    const s = base();
    s.meetings.push(meeting('U', 'G1', 'C1', null, null, 'accepted', 4));
    const r = applyWalkIn(s, { a: 'C1', b: 'G1' });
    expect(r.ok && r.meeting).toMatchObject({ id: 'U', status: 'scheduled', weight: 4 });
    expect(r.ok && r.state.meetings.length).toBe(4 + 1);
  });

  it('explains why there is no cell', () => {
    const s = base();
    const explain = (req: Parameters<typeof applyWalkIn>[1], st = s) => {
      const r = applyWalkIn(st, req);
      if (r.ok) throw new Error('expected a refusal');
      return r.reason.en;
    };
    expect(explain({ a: 'G2', b: 'C4' })).toBe('G2 and C4 already have meeting A');
    expect(explain({ a: 'C2', b: 'C3' })).toBe('C2 and C3 have different fixed tables');
    expect(explain({ a: 'G1', b: 'G1' })).toBe('A meeting needs two different participants (G1)');
    expect(explain({ a: 'G1', b: 'nobody' })).toBe('Unknown participant: nobody');
    expect(explain({ a: 'G1', b: 'C1', slotId: 'S1020' })).toBe('G1 is already busy in S1020');
    expect(explain({ a: 'G1', b: 'C1', slotId: 'S0900' })).toBe('Slot S0900 is over');
    expect(explain({ a: 'G2', b: 'C2', tableId: 'T1' })).toBe('The fixed table is T3, not T1');
    // G9 has not checked in: S1000 (under way) is refused; S1020 starts in 15 min, past the protect window.
    const g9 = applyWalkIn(s, { a: 'G9', b: 'C1' });
    expect(g9.ok && g9.slotId).toBe('S1020');
    const g9Strict = applyWalkIn(s, { a: 'G9', b: 'C1' }, { protectMinutes: 20 });
    expect(g9Strict.ok && g9Strict.slotId).toBe('S1040');
    const full = { ...s, participants: s.participants.map((p) => (p.id === 'G1' ? { ...p, maxMeetings: 2 } : p)) };
    expect(explain({ a: 'G1', b: 'C1' }, full)).toBe('G1 reached its maximum of 2 meetings');
    // G2 is busy at 10:00 and 10:20 and leaves at 10:40: different reasons per slot, one summary.
    const leaving = { ...s, participants: s.participants.map((p) => (p.id === 'G2' ? { ...p, leftAt: at('10:40') } : p)) };
    const r = applyWalkIn(leaving, { a: 'G2', b: 'C2' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.es).toBe('No hay una franja próxima en la que G2 y C2 estén libres con una mesa libre');
      expect(r.details.map((d) => `${d.slotId}: ${d.reason.en}`)).toEqual([
        'S1000: G2 is already busy in S1000',
        'S1020: G2 is already busy in S1020',
        'S1040: G2 has left',
        'S1100: G2 has left',
        'S1120: G2 has left',
        'S1140: G2 has left',
      ]);
    }
  });
});
