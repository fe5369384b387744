import { checkMove, DEFAULT_LIVE_MATCH_CANDIDATES, liveCandidates, liveSettings } from './index';
import { event, meeting, slotId } from './testing/fixture';

describe('checkMove: moving a meeting on the day', () => {
  const s = event({
    now: '10:00',
    people: [{ id: 'G1' }, { id: 'C1' }, { id: 'G2' }, { id: 'C2' }, { id: 'G3', unavailable: [slotId('11:00')] }, { id: 'C3' }],
    meetings: [
      meeting('M1', 'G1', 'C1', '10:40', 'T1'),
      meeting('M2', 'G2', 'C2', '10:40', 'T2'),
      meeting('M3', 'G3', 'C3', '10:40', 'T3'),
      meeting('H', 'G2', 'C1', '09:00', 'T1', 'held'),
      meeting('M4', 'G2', 'C3', '11:20', 'T1'),
      meeting('R', 'G1', 'C2', null, null, 'accepted'),
    ],
  });
  const to = (slot: string, tableId: string) => ({ slotId: slotId(slot), tableId });

  it('accepts a free table in a later slot where both are free', () => {
    expect(checkMove(s, 'M1', to('11:00', 'T5'))).toEqual({ ok: true });
    // Its own cell is free once it leaves it: moving to another table of the same slot is fine.
    expect(checkMove(s, 'M1', to('10:40', 'T4'))).toEqual({ ok: true });
  });

  it('refuses a taken table, naming the meeting there', () => {
    expect(checkMove(s, 'M1', to('10:40', 'T2'))).toEqual({
      ok: false,
      code: 'cell_unavailable',
      reason: { es: 'la mesa T2 ya tiene la reunión M2', en: 'table T2 already holds meeting M2' },
    });
  });

  it('refuses a slot where one of the pair is busy or unavailable', () => {
    expect(checkMove(s, 'M2', to('11:20', 'T9'))).toMatchObject({ ok: false, code: 'cell_unavailable' }); // G2 meets C3 then
    expect(checkMove(s, 'M2', to('10:40', 'T9'))).toEqual({ ok: true }); // its own slot: not busy with itself
    const unavailable = checkMove(s, 'M3', to('11:00', 'T9'));
    expect(unavailable).toMatchObject({ ok: false, code: 'cell_unavailable' });
  });

  it('refuses an unplaced or finished meeting, an unknown one, an unknown slot and a slot that is over', () => {
    expect(checkMove(s, 'R', to('11:00', 'T5'))).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(checkMove(s, 'H', to('11:00', 'T5'))).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(checkMove(s, 'nope', to('11:00', 'T5'))).toMatchObject({ ok: false, code: 'not_found' });
    expect(checkMove(s, 'M1', { slotId: 'S9999', tableId: 'T5' })).toMatchObject({ ok: false, code: 'unknown_slot' });
    expect(checkMove(s, 'M1', to('09:20', 'T5'))).toEqual({
      ok: false,
      code: 'cell_unavailable',
      reason: { es: 'la franja ya terminó', en: 'the slot is over' },
    });
  });
});

describe('liveCandidates: who could fill a freed table', () => {
  it('offers unplaced accepted meetings, open requests, and matches of pairs that never met', () => {
    const out = liveCandidates(
      [
        { id: 'A1', a: 'G1', b: 'C1', status: 'accepted', slotId: null, weight: 3 },
        { id: 'A2', a: 'G2', b: 'C1', status: 'accepted', slotId: 'S1', weight: 2 }, // placed: not a candidate
        { id: 'Q1', a: 'G3', b: 'C2', status: 'requested', slotId: null, weight: 1 },
      ],
      [
        { a: 'G4', b: 'C3', score: 0.8 },
        { a: 'C1', b: 'G5', score: 0.7 }, // missed earlier (either direction): no fresh idea
        { a: 'G1', b: 'C1', score: 0.9 }, // already on the list as a meeting
      ],
      [
        { a: 'G5', b: 'C1' },
        { a: 'G1', b: 'C1' },
        { a: 'G3', b: 'C2' },
      ],
    );
    expect(out).toEqual([
      { a: 'G1', b: 'C1', source: 'unscheduled', score: 3, meetingId: 'A1' },
      { a: 'G3', b: 'C2', source: 'waitlist', score: 1, meetingId: 'Q1' },
      { a: 'G4', b: 'C3', source: 'match', score: 0.8 },
    ]);
  });
});

describe('liveSettings', () => {
  it('applies every default once', () => {
    expect(liveSettings({})).toEqual({ recoveryMode: 'automatic', protectMinutes: 10, matchCandidates: DEFAULT_LIVE_MATCH_CANDIDATES });
    expect(liveSettings({ recoveryMode: 'confirm', protectMinutes: 0, liveMatchCandidates: 8 })).toEqual({
      recoveryMode: 'confirm',
      protectMinutes: 0,
      matchCandidates: 8,
    });
  });
});
