import { addMonths, localDay } from './calendar';

describe('follow-up dates', () => {
  it('adds months clamped to the end of shorter months', () => {
    expect(addMonths('2026-03-12', 3)).toBe('2026-06-12');
    expect(addMonths('2026-03-12', 12)).toBe('2027-03-12');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('takes the calendar day in the event time zone', () => {
    // 02:00 UTC is still the previous evening in Ecuador.
    expect(localDay(new Date('2026-03-13T02:00:00Z'), 'America/Guayaquil')).toBe('2026-03-12');
    expect(localDay(new Date('2026-03-13T02:00:00Z'), 'Pacific/Galapagos')).toBe('2026-03-12');
    expect(localDay(new Date('2026-03-13T06:00:00Z'), 'America/Guayaquil')).toBe('2026-03-13');
  });
});
