import fc from 'fast-check';
import {
  affectedParticipants,
  applyCancel,
  applyDelay,
  applyLeaveEarly,
  applyNoShow,
  applyProposal,
  applyWalkIn,
  checkInvariants,
  generateLiveState,
  LiveChange,
  LiveError,
  LiveMeetingRecord,
  LiveState,
  MINUTE_MS,
  occupies,
  pairKey,
  proposeReplacement,
} from './index';

const states = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    gadms: fc.integer({ min: 1, max: 14 }),
    cooperants: fc.integer({ min: 1, max: 7 }),
    slots: fc.integer({ min: 1, max: 8 }),
    tables: fc.integer({ min: 1, max: 6 }),
    meetings: fc.integer({ min: 0, max: 40 }),
    unscheduled: fc.integer({ min: 0, max: 6 }),
    candidates: fc.integer({ min: 0, max: 40 }),
    nowOffsetMinutes: fc.integer({ min: -30, max: 180 }),
    checkedInShare: fc.double({ min: 0, max: 1, noNaN: true }),
    fixedTableShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
    unavailableShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
    maxMeetingsShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
  })
  .map((o) => generateLiveState(o));

const timing = fc.record({
  protectMinutes: fc.integer({ min: 0, max: 60 }),
  minRemainingMinutes: fc.integer({ min: 0, max: 20 }),
  allowMoves: fc.boolean(),
});

/** A freed cell: a no-show or cancellation of a placed meeting, or any cell that happens to be empty. */
function freeSomething(
  s: LiveState,
  i: number,
  j: number,
  k: number,
): { state: LiveState; cell: { slotId: string; tableId: string; meetingId?: string | null } } {
  const live = s.meetings.filter((m) => occupies(m) && (m.status === 'scheduled' || m.status === 'checked_in'));
  if (live.length && k % 3 !== 2) {
    const m = live[i % live.length];
    const r = k % 3 === 0 ? applyNoShow(s, m.id) : applyCancel(s, m.id);
    return { state: r.state, cell: r.freed[0] };
  }
  return { state: s, cell: { slotId: s.slots[i % s.slots.length].id, tableId: s.tables[j % s.tables.length].id } };
}

const startsSoon = (s: LiveState, slotId: string, protectMinutes: number) =>
  s.slots.find((x) => x.id === slotId)!.startsAt.getTime() - s.now.getTime() < protectMinutes * MINUTE_MS;

/**
 * Independent judge of a placement: put the meeting there by hand and ask checkInvariants,
 * plus the two timing rules that are not invariants (slot still usable, check-in when soon).
 */
function oracleAllows(
  s: LiveState,
  a: string,
  b: string,
  slotId: string,
  tableId: string,
  own: LiveMeetingRecord | undefined,
  t: { protectMinutes: number; minRemainingMinutes: number },
): boolean {
  const slot = s.slots.find((x) => x.id === slotId)!;
  if (slot.endsAt.getTime() - s.now.getTime() < t.minRemainingMinutes * MINUTE_MS) return false;
  if (startsSoon(s, slotId, t.protectMinutes) && !s.participants.filter((p) => p.id === a || p.id === b).every((p) => p.checkedIn))
    return false;
  const placed: LiveMeetingRecord = own
    ? { ...own, status: 'scheduled', slotId, tableId }
    : { id: '__probe__', a, b, status: 'scheduled', slotId, tableId, weight: 1 };
  const meetings = own ? s.meetings.map((m) => (m.id === own.id ? placed : m)) : [...s.meetings, placed];
  return checkInvariants({ ...s, meetings }).length === 0;
}

describe('live operations (property-based)', () => {
  it('generated states keep every invariant', () => {
    fc.assert(
      fc.property(states, (s) => checkInvariants(s).length === 0),
      { numRuns: 200 },
    );
  });

  it('every proposal is well formed and applying it keeps the invariants', () => {
    fc.assert(
      fc.property(states, timing, fc.nat(), fc.nat(), fc.nat(), (s0, t, i, j, k) => {
        const { state, cell } = freeSomething(s0, i, j, k);
        const ps = proposeReplacement(state, cell, { ...t, limit: 1000 });
        for (let n = 1; n < ps.length; n++) expect(ps[n - 1].score).toBeGreaterThanOrEqual(ps[n].score);
        const lastFill = ps.map((p) => p.kind).lastIndexOf('fill');
        const firstMove = ps.findIndex((p) => p.kind === 'move');
        if (firstMove >= 0) expect(lastFill).toBeLessThan(firstMove);
        const soon = startsSoon(state, cell.slotId, t.protectMinutes);
        for (const p of ps) {
          expect([p.slotId, p.tableId]).toEqual([cell.slotId, cell.tableId]);
          if (p.kind === 'fill') {
            expect(p.disruption).toBe(0);
            expect(p.requiresConfirmation).toBe(false);
            expect(p.moves).toEqual([]);
          } else {
            expect(p.disruption).toBe(1);
            expect(p.requiresConfirmation).toBe(soon);
          }
          const r = applyProposal(state, p, t);
          if (!r.ok) throw new Error(`proposal refused on its own state: ${r.reason.en}`);
          expect(checkInvariants(r.state)).toEqual([]);
          expect(r.state.meetings.filter(occupies).length).toBe(state.meetings.filter(occupies).length + (p.kind === 'fill' ? 1 : 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fills are complete: every candidate an independent check accepts is proposed, and only those', () => {
    fc.assert(
      fc.property(states, timing, fc.nat(), fc.nat(), fc.nat(), (s0, t, i, j, k) => {
        const { state, cell } = freeSomething(s0, i, j, k);
        const proposed = new Set(
          proposeReplacement(state, cell, { ...t, limit: 1_000_000 })
            .filter((p) => p.kind === 'fill')
            .map((p) => pairKey(p.meeting.a, p.meeting.b)),
        );
        const expected = new Set<string>();
        const byId = new Map(state.meetings.map((m) => [m.id, m] as const));
        const waiting = (m: LiveMeetingRecord | undefined) => !!m && (m.status === 'accepted' || m.status === 'requested') && !occupies(m);
        for (const c of state.candidates) {
          const key = pairKey(c.a, c.b);
          let own: LiveMeetingRecord | undefined;
          if (c.meetingId !== undefined) {
            own = byId.get(c.meetingId);
            if (!waiting(own) || pairKey(own!.a, own!.b) !== key) continue;
          } else {
            const blocking = state.meetings.filter(
              (m) => pairKey(m.a, m.b) === key && ['requested', 'accepted', 'scheduled', 'checked_in', 'held'].includes(m.status),
            );
            if (blocking.length === 1 && waiting(blocking[0])) own = blocking[0];
          }
          if (c.a !== c.b && oracleAllows(state, c.a, c.b, cell.slotId, cell.tableId, own, t)) expected.add(key);
        }
        // Candidates in one pair can differ only in how they are valued, not in feasibility.
        expect([...proposed].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('a walk-in lands in the earliest feasible cell, and a refusal means there is none', () => {
    fc.assert(
      fc.property(states, timing, fc.nat(), fc.nat(), (s, t, i, j) => {
        const a = s.participants[i % s.participants.length].id;
        const b = s.participants[j % s.participants.length].id;
        const r = applyWalkIn(s, { a, b }, t);
        const key = pairKey(a, b);
        const blocking = s.meetings.filter(
          (m) => pairKey(m.a, m.b) === key && ['requested', 'accepted', 'scheduled', 'checked_in', 'held'].includes(m.status),
        );
        const own =
          blocking.length === 1 && !occupies(blocking[0]) && ['requested', 'accepted'].includes(blocking[0].status)
            ? blocking[0]
            : undefined;
        const feasible: string[] = [];
        if (a !== b) {
          for (const slot of s.slots)
            for (const table of s.tables) if (oracleAllows(s, a, b, slot.id, table.id, own, t)) feasible.push(`${slot.id}/${table.id}`);
        }
        if (!r.ok) {
          expect(feasible).toEqual([]);
          return;
        }
        expect(checkInvariants(r.state)).toEqual([]);
        const pos = s.slots.findIndex((x) => x.id === r.slotId);
        expect(feasible).toContain(`${r.slotId}/${r.tableId}`);
        expect(feasible.filter((f) => s.slots.findIndex((x) => x.id === f.split('/')[0]) < pos)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('any sequence of live operations keeps the invariants and reports who is affected', () => {
    const op = fc.record({
      kind: fc.constantFrom('noShow', 'cancel', 'leave', 'walkIn', 'fill', 'move', 'advance'),
      i: fc.nat(),
      j: fc.nat(),
      minutes: fc.integer({ min: 0, max: 90 }),
    });
    fc.assert(
      fc.property(states, fc.array(op, { maxLength: 15 }), (s0, ops) => {
        let s = s0;
        for (const o of ops) {
          let r: LiveChange | null = null;
          try {
            const m = s.meetings[o.i % Math.max(1, s.meetings.length)];
            const p = s.participants[o.i % s.participants.length];
            const q = s.participants[o.j % s.participants.length];
            switch (o.kind) {
              case 'noShow':
                if (m) r = applyNoShow(s, m.id);
                break;
              case 'cancel':
                if (m) r = applyCancel(s, m.id);
                break;
              case 'leave':
                r = applyLeaveEarly(s, p.id, new Date(s.now.getTime() + o.minutes * MINUTE_MS));
                break;
              case 'walkIn': {
                const w = applyWalkIn(s, { a: p.id, b: q.id });
                if (w.ok) r = w;
                break;
              }
              case 'fill':
              case 'move': {
                const cell = { slotId: s.slots[o.i % s.slots.length].id, tableId: s.tables[o.j % s.tables.length].id };
                const ps = proposeReplacement(s, cell, { allowMoves: o.kind === 'move' }).filter(
                  (x) => x.kind === (o.kind === 'move' ? 'move' : 'fill'),
                );
                if (ps.length) {
                  const a = applyProposal(s, ps[o.minutes % ps.length]);
                  if (!a.ok) throw new Error(a.reason.en);
                  r = a;
                }
                break;
              }
              case 'advance':
                s = { ...s, now: new Date(s.now.getTime() + o.minutes * MINUTE_MS) };
                break;
            }
          } catch (e) {
            if (!(e instanceof LiveError)) throw e; // impossible transitions are refused, not bugs
          }
          if (r) {
            const touched = new Set(affectedParticipants(s, r.state));
            for (const c of r.changedMeetings) {
              expect(touched.has(c.after.a) && touched.has(c.after.b)).toBe(true);
            }
            s = r.state;
          }
          expect(checkInvariants(s)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a delay keeps slot lengths and order, never moves a slot earlier, and cascades only to resolve overlaps', () => {
    fc.assert(
      fc.property(
        states,
        fc.nat(),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('slot' as const, 'rest-of-day' as const),
        (s0, i, minutes, scope) => {
          const s = { ...s0, now: new Date(s0.slots[0].startsAt.getTime() - 60 * MINUTE_MS) };
          const from = i % s.slots.length;
          const r = applyDelay(s, { fromSlotId: s.slots[from].id, minutes, scope });
          const before = s.slots;
          const after = r.state.slots;
          expect(after.map((x) => x.id)).toEqual(before.map((x) => x.id));
          for (let n = 0; n < after.length; n++) {
            const shift = after[n].startsAt.getTime() - before[n].startsAt.getTime();
            expect(after[n].endsAt.getTime() - after[n].startsAt.getTime()).toBe(before[n].endsAt.getTime() - before[n].startsAt.getTime());
            if (n < from) expect(shift).toBe(0);
            if (n === from) expect(shift).toBe(minutes * MINUTE_MS);
            expect(shift).toBeGreaterThanOrEqual(0);
            if (n > 0) expect(after[n].startsAt.getTime()).toBeGreaterThanOrEqual(after[n - 1].endsAt.getTime());
            // Cascaded slots (slot scope) move just enough to follow their predecessor.
            if (scope === 'slot' && n > from && shift > 0) expect(after[n].startsAt.getTime()).toBe(after[n - 1].endsAt.getTime());
          }
          expect(r.slots.map((x) => x.id)).toEqual(
            after.filter((x, n) => x.startsAt.getTime() !== before[n].startsAt.getTime()).map((x) => x.id),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
