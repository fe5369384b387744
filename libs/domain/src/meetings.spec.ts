import { canTransition, LIVE_STATUSES, MANDATORY_WEIGHT, meetingWeight, sqlIn } from './meetings';

describe('meeting rules', () => {
  it('weights accepted meetings by match quality and mutual interest', () => {
    expect(meetingWeight({ bestScore: 0, mutual: false, mandatory: false })).toBe(1);
    expect(meetingWeight({ bestScore: 0.5, mutual: false, mandatory: false })).toBe(3);
    expect(meetingWeight({ bestScore: 0.5, mutual: true, mandatory: false })).toBe(5);
    expect(meetingWeight({ bestScore: 1, mutual: true, mandatory: false, mutualBonus: 1 })).toBe(6);
    expect(meetingWeight({ bestScore: 2, mutual: false, mandatory: false })).toBe(5);
    expect(meetingWeight({ bestScore: 0.1, mutual: false, mandatory: true })).toBe(MANDATORY_WEIGHT);
  });

  it('allows only the lifecycle transitions', () => {
    expect(canTransition('requested', 'accepted')).toBe(true);
    expect(canTransition('requested', 'held')).toBe(false);
    expect(canTransition('declined', 'accepted')).toBe(false);
    expect(canTransition('scheduled', 'no_show')).toBe(true);
    expect(canTransition('held', 'cancelled')).toBe(false);
  });
});

describe('sqlIn', () => {
  it('writes a status set as a SQL list', () => {
    expect(sqlIn(LIVE_STATUSES)).toBe("('requested','accepted','scheduled','checked_in')");
    expect(sqlIn(['held'])).toBe("('held')");
  });
  it('refuses what is not a plain word, and an empty set', () => {
    expect(() => sqlIn(["held') OR ('1'='1"])).toThrow(/plain word/);
    expect(() => sqlIn([])).toThrow(/empty/);
  });
});
