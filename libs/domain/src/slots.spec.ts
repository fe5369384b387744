import { generateSlots, SessionError } from './slots';
import { formatLocal, zonedTimeToUtc } from './time-zone';

describe('slot generation', () => {
  const tz = 'America/Guayaquil';

  it('cuts a session into slots in local time, skipping a break', () => {
    const slots = generateSlots(
      [
        {
          day: '2026-11-25',
          startTime: '09:00',
          endTime: '11:00',
          slotMinutes: 20,
          gapMinutes: 0,
          breaks: [{ start: '10:00', end: '10:20' }],
        },
      ],
      tz,
    );
    expect(slots.map((s) => formatLocal(s.startsAt, tz).slice(11))).toEqual(['09:00', '09:20', '09:40', '10:20', '10:40']);
    expect(slots.map((s) => s.code)).toEqual(['S01', 'S02', 'S03', 'S04', 'S05']);
    // Guayaquil is UTC-5 all year.
    expect(slots[0].startsAt.toISOString()).toBe('2026-11-25T14:00:00.000Z');
  });

  it('numbers slots across sessions and days in time order, with gaps between meetings', () => {
    const slots = generateSlots(
      [
        { day: '2026-11-26', startTime: '09:00', endTime: '09:50', slotMinutes: 20, gapMinutes: 5 },
        { day: '2026-11-25', startTime: '14:00', endTime: '14:45', slotMinutes: 20, gapMinutes: 5 },
      ],
      tz,
    );
    expect(slots.map((s) => formatLocal(s.startsAt, tz))).toEqual([
      '2026-11-25T14:00',
      '2026-11-25T14:25',
      '2026-11-26T09:00',
      '2026-11-26T09:25',
    ]);
    expect(slots.map((s) => s.ordinal)).toEqual([1, 2, 3, 4]);
  });

  it('refuses overlapping sessions and bad times', () => {
    expect(() => generateSlots([{ day: '2026-11-25', startTime: '09:00', endTime: '08:00', slotMinutes: 20 }], tz)).toThrow(SessionError);
    expect(() =>
      generateSlots(
        [
          { day: '2026-11-25', startTime: '09:00', endTime: '10:00', slotMinutes: 20 },
          { day: '2026-11-25', startTime: '09:30', endTime: '11:00', slotMinutes: 20 },
        ],
        tz,
      ),
    ).toThrow(/overlap/);
  });

  it('handles a time zone with daylight saving', () => {
    expect(zonedTimeToUtc('2026-07-01', '09:00', 'Europe/Madrid').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedTimeToUtc('2026-12-01', '09:00', 'Europe/Madrid').toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });
});
