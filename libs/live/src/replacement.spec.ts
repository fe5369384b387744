import {
  applyNoShow,
  applyProposal,
  checkInvariants,
  DISRUPTION_PENALTY,
  FreedCell,
  LiveError,
  LiveState,
  proposeReplacement,
  SOURCE_PRIORITY,
  toReplacementProposal,
} from './index';
import { cand, event, meeting, slotId } from './testing/fixture';

/** T7 at 10:20 freed by a no-show; now 10:25 (slot under way, inside the protect window). */
function freedAt1020(extra: Partial<Parameters<typeof event>[0]> = {}, now = '10:25') {
  const base = event({
    now,
    people: [{ id: 'G1' }, { id: 'C1' }, { id: 'G2' }, { id: 'C2' }, ...(extra.people ?? [])],
    meetings: [meeting('M7', 'G1', 'C1', '10:20', 'T7'), ...(extra.meetings ?? [])],
    candidates: extra.candidates ?? [],
  });
  const { state, freed } = applyNoShow(base, 'M7');
  return { state, freed: freed[0] };
}

const pairs = (ps: { meeting: { a: string; b: string } }[]) => ps.map((p) => `${p.meeting.a}-${p.meeting.b}`);

describe('proposeReplacement: who may fill a freed cell', () => {
  it('fills with two free, checked-in participants, immediately and without disruption', () => {
    const { state, freed } = freedAt1020({ candidates: [cand('G2', 'C2', 'mutual', 0.8)] });
    const [p] = proposeReplacement(state, freed);
    expect(p).toMatchObject({ kind: 'fill', slotId: 'S1020', tableId: 'T7', disruption: 0, requiresConfirmation: false, moves: [] });
    expect(p.reason.es).toMatch(/^mesa libre por ausencia: interés mutuo entre G2 y C2/);
    expect(p.reason.en).toMatch(/^table freed by a no-show: mutual interest between G2 and C2/);
  });

  it('availability: skips a participant unavailable in that slot', () => {
    const { state, freed } = freedAt1020({
      people: [
        { id: 'G3', unavailable: new Set([slotId('10:20')]) },
        { id: 'G4', unavailable: [slotId('10:20')] },
      ],
      candidates: [cand('G3', 'C2', 'unscheduled', 5), cand('G4', 'C2', 'unscheduled', 5), cand('G2', 'C2', 'match', 0.5)],
    });
    expect(pairs(proposeReplacement(state, freed))).toEqual(['G2-C2']);
  });

  it('parallel: a participant busy in the slot is skipped unless it has a free delegate', () => {
    const { state, freed } = freedAt1020({
      people: [{ id: 'C3', parallel: 2 }, { id: 'G3' }, { id: 'G4' }],
      meetings: [meeting('B1', 'G2', 'C2', '10:20', 'T1'), meeting('B2', 'G3', 'C3', '10:20', 'T2')],
      candidates: [cand('G2', 'C3', 'mutual', 0.9), cand('G4', 'C2', 'mutual', 0.9), cand('G4', 'C3', 'match', 0.2)],
    });
    expect(pairs(proposeReplacement(state, freed))).toEqual(['G4-C3']);
  });

  it('fixedTable: a participant with its own table only fills that table', () => {
    const { state, freed } = freedAt1020({
      people: [
        { id: 'C3', fixedTable: 'T3' },
        { id: 'C4', fixedTable: 'T7' },
      ],
      candidates: [cand('G2', 'C3', 'unscheduled', 9), cand('G2', 'C4', 'match', 0.1)],
    });
    expect(pairs(proposeReplacement(state, freed))).toEqual(['G2-C4']);
    expect(proposeReplacement(state, { slotId: 'S1020', tableId: 'T3' }).map((p) => p.meeting.b)).toEqual(['C3']);
  });

  it('left early: nobody who leaves before the slot starts; leaving later is fine', () => {
    const { state, freed } = freedAt1020({
      people: [
        { id: 'C3', leftAt: new Date('2026-11-25T10:20:00-05:00') },
        { id: 'C4', leftAt: new Date('2026-11-25T10:21:00-05:00') },
      ],
      candidates: [cand('G2', 'C3', 'unscheduled', 9), cand('G2', 'C4', 'match', 0.1)],
    });
    expect(pairs(proposeReplacement(state, freed))).toEqual(['G2-C4']);
  });

  it('protectMinutes: a slot starting soon needs both checked in; a later slot accepts late arrivals, ranked lower', () => {
    const people = [{ id: 'C3', checkedIn: false }];
    const candidates = [cand('G2', 'C3', 'mutual', 0.5), cand('G2', 'C2', 'mutual', 0.5)];
    const soon = freedAt1020({ people, candidates }, '10:15'); // starts in 5 min
    expect(pairs(proposeReplacement(soon.state, soon.freed))).toEqual(['G2-C2']);
    const later = freedAt1020({ people, candidates }, '09:50'); // starts in 30 min
    const ps = proposeReplacement(later.state, later.freed);
    expect(pairs(ps)).toEqual(['G2-C2', 'G2-C3']);
    expect(ps[1].reason.en).toMatch(/not everyone has checked in/);
    // With a 40-minute protect window, 10:20 counts as soon at 09:50.
    expect(pairs(proposeReplacement(later.state, later.freed, { protectMinutes: 40 }))).toEqual(['G2-C2']);
  });

  it('no duplicate pair: a pair with a live or held meeting is not proposed again', () => {
    const { state, freed } = freedAt1020({
      people: [{ id: 'G3' }, { id: 'G4' }],
      meetings: [
        meeting('L1', 'G2', 'C2', '11:00', 'T1'),
        meeting('H1', 'G3', 'C2', '09:00', 'T1', 'held'),
        meeting('R1', 'G4', 'C2', null, null, 'requested'),
      ],
      candidates: [cand('G2', 'C2', 'mutual', 1), cand('C2', 'G3', 'mutual', 1), cand('G4', 'C2', 'waitlist', 0.3)],
    });
    const ps = proposeReplacement(state, freed);
    // G4–C2 has a requested meeting waiting: it is placed rather than duplicated.
    expect(ps.map((p) => p.meeting)).toEqual([{ a: 'G4', b: 'C2', meetingId: 'R1', source: 'waitlist' }]);
  });

  it('windows: a waiting meeting is only placed inside its allowedSlots', () => {
    const outside = { ...meeting('R1', 'G4', 'C2', null, null, 'requested'), allowedSlots: [slotId('09:00')] };
    const inside = { ...meeting('R2', 'G3', 'C2', null, null, 'requested'), allowedSlots: [slotId('10:20')] };
    const { state, freed } = freedAt1020({
      people: [{ id: 'G3' }, { id: 'G4' }],
      meetings: [outside, inside],
      candidates: [cand('G4', 'C2', 'waitlist', 0.9, 'R1'), cand('G3', 'C2', 'waitlist', 0.3, 'R2')],
    });
    const ps = proposeReplacement(state, freed);
    expect(ps.map((p) => p.meeting.meetingId)).toEqual(['R2']);
    // Placing the meeting outside its window by hand is refused with the reason.
    const forced = { ...ps[0], meeting: { ...ps[0].meeting, a: 'G4', b: 'C2', meetingId: 'R1' } };
    const result = applyProposal(state, forced);
    expect(result).toMatchObject({ ok: false, reason: { en: expect.stringContaining('may only sit in its window') } });
  });

  it('maxMeetings: a participant at its maximum is skipped', () => {
    const { state, freed } = freedAt1020({
      people: [
        { id: 'G3', maxMeetings: 1 },
        { id: 'G4', maxMeetings: 2 },
      ],
      meetings: [meeting('X1', 'G3', 'C1', '09:00', 'T1', 'held'), meeting('X2', 'G4', 'C1', '09:20', 'T1', 'held')],
      candidates: [cand('G3', 'C2', 'unscheduled', 9), cand('G4', 'C2', 'match', 0.2)],
    });
    expect(pairs(proposeReplacement(state, freed))).toEqual(['G4-C2']);
  });

  it('ranks sources unscheduled > mutual > waitlist > match whatever the score', () => {
    const { state, freed } = freedAt1020({
      people: [{ id: 'G3' }, { id: 'G4' }, { id: 'G5' }],
      meetings: [meeting('U1', 'G5', 'C2', null, null, 'accepted', 1)],
      candidates: [
        cand('G2', 'C2', 'match', 1),
        cand('G3', 'C2', 'waitlist', 0.01),
        cand('G4', 'C2', 'mutual', 0),
        cand('G5', 'C2', 'unscheduled', 1, 'U1'),
      ],
    });
    const ps = proposeReplacement(state, freed);
    expect(ps.map((p) => p.meeting.source)).toEqual(['unscheduled', 'mutual', 'waitlist', 'match']);
    expect(ps[0].score).toBeGreaterThanOrEqual(SOURCE_PRIORITY.unscheduled);
  });

  it('keeps the best candidate per pair and drops stale or malformed ones', () => {
    const { state, freed } = freedAt1020({
      meetings: [meeting('D1', 'G2', 'C1', null, null, 'declined')],
      candidates: [
        cand('G2', 'C2', 'match', 0.9),
        cand('C2', 'G2', 'mutual', 0.1),
        cand('G2', 'G2', 'mutual', 1),
        cand('G2', 'X9', 'mutual', 1),
        cand('G2', 'C1', 'unscheduled', 3, 'D1'),
      ],
    });
    const ps = proposeReplacement(state, freed);
    expect(ps.map((p) => [p.meeting.source, p.meeting.a, p.meeting.b])).toEqual([['mutual', 'C2', 'G2']]);
  });

  it('returns nothing for a closed slot or an occupied cell, and throws on unknown ids', () => {
    const { state, freed } = freedAt1020({ candidates: [cand('G2', 'C2', 'mutual', 1)] }, '10:31'); // 9 min left < 10
    expect(proposeReplacement(state, freed)).toEqual([]);
    expect(proposeReplacement(state, freed, { minRemainingMinutes: 5 })).toHaveLength(1);
    const busy = event({ now: '09:00', people: [{ id: 'G1' }, { id: 'C1' }], meetings: [meeting('M', 'G1', 'C1', '10:20', 'T7')] });
    expect(proposeReplacement(busy, { slotId: 'S1020', tableId: 'T7' })).toEqual([]);
    expect(() => proposeReplacement(busy, { slotId: 'S9999', tableId: 'T7' })).toThrow(LiveError);
    expect(() => proposeReplacement(busy, { slotId: 'S1020', tableId: 'T99' })).toThrow(LiveError);
  });

  it('honours the limit', () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ id: `G${10 + i}` }));
    const { state, freed } = freedAt1020({ people, candidates: people.map((p, i) => cand(p.id, 'C2', 'match', i / 30)) });
    expect(proposeReplacement(state, freed)).toHaveLength(20);
    const top = proposeReplacement(state, freed, { limit: 3 });
    expect(top.map((p) => p.meeting.a)).toEqual(['G39', 'G38', 'G37']);
  });
});

describe('proposeReplacement: moves', () => {
  const setup = (now: string) =>
    freedAt1020(
      {
        people: [{ id: 'G3' }, { id: 'C3' }, { id: 'C5', fixedTable: 'T2' }],
        meetings: [
          meeting('L1', 'G2', 'C2', '11:00', 'T4', 'scheduled', 7),
          meeting('L2', 'G3', 'C3', '10:00', 'T4'), // earlier: never pulled "forward"
          meeting('L3', 'G3', 'C5', '11:20', 'T2'), // C5 cannot leave its table
          meeting('L4', 'G3', 'C3x', '11:40', 'T5', 'checked_in'), // only scheduled meetings move
        ],
        candidates: [cand('G3', 'C1', 'match', 0.1)],
      },
      now,
    );

  it('are only offered with allowMoves and rank below every fill', () => {
    const { state, freed } = setup('10:25');
    expect(proposeReplacement(state, freed).every((p) => p.kind === 'fill')).toBe(true);
    const ps = proposeReplacement(state, freed, { allowMoves: true });
    expect(ps.map((p) => p.kind)).toEqual(['fill', 'move']);
    const mv = ps[1];
    expect(mv).toMatchObject({
      meeting: { a: 'G2', b: 'C2', meetingId: 'L1', source: 'scheduled' },
      disruption: 1,
      moves: [{ meetingId: 'L1', fromSlot: 'S1100', fromTable: 'T4', toSlot: 'S1020', toTable: 'T7' }],
    });
    expect(mv.score).toBeLessThan(ps[0].score);
    expect(mv.score).toBeLessThan(2 - DISRUPTION_PENALTY + 1e-9);
  });

  it('need confirmation when the freed slot starts within the protect window, not otherwise', () => {
    const soon = setup('10:25');
    expect(proposeReplacement(soon.state, soon.freed, { allowMoves: true }).map((p) => p.requiresConfirmation)).toEqual([false, true]);
    const later = setup('09:30');
    expect(proposeReplacement(later.state, later.freed, { allowMoves: true }).map((p) => p.requiresConfirmation)).toEqual([false, false]);
  });
});

describe('applyProposal', () => {
  function base(): { state: LiveState; freed: FreedCell } {
    return freedAt1020({
      people: [{ id: 'G3' }],
      meetings: [meeting('U1', 'G3', 'C2', null, null, 'accepted', 5), meeting('L1', 'G2', 'C2', '11:00', 'T4')],
      candidates: [cand('G3', 'C2', 'unscheduled', 5, 'U1'), cand('G3', 'C2', 'match', 0.4), cand('G2', 'C1', 'mutual', 0.6)],
    });
  }

  it('places the accepted meeting and drops the pair from the candidates', () => {
    const { state, freed } = base();
    const [p] = proposeReplacement(state, freed);
    const r = applyProposal(state, p);
    if (!r.ok) throw new Error(r.reason.en);
    expect(r.meeting).toMatchObject({ id: 'U1', status: 'scheduled', slotId: 'S1020', tableId: 'T7' });
    expect(r.changedMeetings[0].before?.status).toBe('accepted');
    expect(r.state.candidates.map((c) => `${c.a}-${c.b}`)).toEqual(['G2-C1']);
    expect(checkInvariants(r.state)).toEqual([]);
    expect(state.meetings.find((m) => m.id === 'U1')!.status).toBe('accepted'); // input untouched
  });

  it('creates a meeting for a candidate without one, weighted like the scheduler would', () => {
    const { state, freed } = freedAt1020({ candidates: [cand('G2', 'C2', 'mutual', 0.5)] });
    const [p] = proposeReplacement(state, freed);
    const r = applyProposal(state, p);
    if (!r.ok) throw new Error(r.reason.en);
    expect(r.meeting).toMatchObject({ a: 'G2', b: 'C2', status: 'scheduled', weight: 5, slotId: 'S1020', tableId: 'T7' });
    expect(r.changedMeetings[0].before).toBeNull();
    const again = applyProposal(state, p, { newMeetingId: 'NEW-1' });
    expect(again.ok && again.meeting.id).toBe('NEW-1');
  });

  it('moves a meeting and frees its old cell', () => {
    const { state, freed } = base();
    const mv = proposeReplacement(state, freed, { allowMoves: true }).find((p) => p.kind === 'move')!;
    const r = applyProposal(state, mv);
    if (!r.ok) throw new Error(r.reason.en);
    expect(r.freed).toEqual([{ slotId: 'S1100', tableId: 'T4', meetingId: 'L1' }]);
    expect(r.meeting).toMatchObject({ id: 'L1', slotId: 'S1020', tableId: 'T7', status: 'scheduled' });
    expect(checkInvariants(r.state)).toEqual([]);
  });

  it('refuses a stale proposal with a reason', () => {
    const { state, freed } = base();
    const [first, second] = proposeReplacement(state, freed);
    const r1 = applyProposal(state, first);
    if (!r1.ok) throw new Error(r1.reason.en);
    const r2 = applyProposal(r1.state, second);
    expect(r2).toEqual({ ok: false, reason: { es: 'la mesa T7 ya tiene la reunión U1', en: 'table T7 already holds meeting U1' } });
    const r3 = applyProposal({ ...state, now: new Date('2026-11-25T10:45:00-05:00') }, first);
    expect(r3.ok).toBe(false);
  });

  it('maps to the realtime contract', () => {
    const { state, freed } = base();
    const [p] = proposeReplacement(state, freed);
    expect(toReplacementProposal(p, { proposalId: 'P1', freedMeetingId: 'M7' })).toEqual({
      proposalId: 'P1',
      slotId: 'S1020',
      tableId: 'T7',
      freedMeetingId: 'M7',
      candidate: {
        participantAId: 'G3',
        participantBId: 'C2',
        meetingId: 'U1',
        source: 'unscheduled',
        score: p.score,
        reason: `${p.reason.es} / ${p.reason.en}`,
      },
      mode: 'automatic',
    });
  });
});
