import { canAdvance, dateIssues, defaultDay, outcomeDateIssues, outcomeOpen, reviewsFrom, sideOf } from './follow-up';

describe('commitment stages', () => {
  it('move forward (skipping allowed) or to dropped, never back, never out of closed or dropped', () => {
    expect(canAdvance('identified', 'negotiation')).toBe(true);
    expect(canAdvance('identified', 'execution')).toBe(true);
    expect(canAdvance('signed', 'dropped')).toBe(true);
    expect(canAdvance('negotiation', 'identified')).toBe(false);
    expect(canAdvance('signed', 'signed')).toBe(false);
    expect(canAdvance('closed', 'dropped')).toBe(false);
    expect(canAdvance('dropped', 'identified')).toBe(false);
  });

  it('are reviewed 3, 6 and 12 months after the last day of the event', () => {
    expect(reviewsFrom('2026-11-30').map((r) => [r.months, r.dueDate, r.reviewedOn])).toEqual([
      [3, '2027-02-28', null],
      [6, '2027-05-30', null],
      [12, '2027-11-30', null],
    ]);
  });

  it('take today in the event zone as their day, never before what they follow', () => {
    // 02:00 UTC on the 13th is the evening of the 12th in Guayaquil.
    const now = new Date('2026-03-13T02:00:00Z');
    expect(defaultDay(now, 'America/Guayaquil', null)).toBe('2026-03-12');
    expect(defaultDay(now, 'America/Guayaquil', '2026-03-20')).toBe('2026-03-20');
    expect(dateIssues('date', '2026-03-11', '2026-03-12', 'la reunión', 'the meeting')).toEqual([
      { path: 'date', es: 'No puede ser anterior a la reunión (2026-03-12)', en: 'Cannot be before the meeting (2026-03-12)' },
    ]);
    expect(dateIssues('date', '2026-03-12', '2026-03-12', 'la reunión', 'the meeting')).toEqual([]);
  });
});

describe('outcomes', () => {
  it('a participant files once the meeting is held; organisers from when it is scheduled', () => {
    expect(outcomeOpen('held', 'participant')).toBe(true);
    expect(outcomeOpen('scheduled', 'participant')).toBe(false);
    expect(outcomeOpen('scheduled', 'staff')).toBe(true);
    expect(outcomeOpen('no_show', 'staff')).toBe(false);
    expect(sideOf({ participantAId: 'a', participantBId: 'b' }, 'b')).toBe('b');
    expect(sideOf({ participantAId: 'a', participantBId: 'b' }, 'c')).toBeNull();
  });

  it('follow-up dates cannot precede the meeting day in the event zone', () => {
    const meeting = { startsAt: new Date('2026-03-13T02:00:00Z'), timeZone: 'America/Guayaquil' };
    expect(outcomeDateIssues(meeting, { nextContactDate: '2026-03-12', targetDate: '2026-03-11' }).map((i) => i.path)).toEqual([
      'targetDate',
    ]);
    expect(outcomeDateIssues({ startsAt: null, timeZone: 'America/Guayaquil' }, { targetDate: '2000-01-01' })).toEqual([]);
  });
});
