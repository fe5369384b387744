import { generateSlots, zonedTimeToUtc } from '@rueda/domain';
import { demoDay, DEMO_TIME_ZONE } from '@rueda/demo';

const at = (day: string, time: string) => zonedTimeToUtc(day, time, DEMO_TIME_ZONE);

describe('demoDay', () => {
  it('puts the Jornada on today in Guayaquil, with rounds over, one under way and most ahead', () => {
    const now = at('2026-11-25', '11:05');
    const d = demoDay(now);
    expect(d.day).toBe('2026-11-25');
    expect(d.sessions.map((s) => [s.startTime, s.endTime])).toEqual([
      ['09:40', '13:40'],
      ['14:20', '17:40'],
    ]);
    const slots = generateSlots(d.sessions, d.timeZone);
    const over = slots.filter((s) => s.endsAt <= now);
    const current = slots.filter((s) => s.startsAt <= now && s.endsAt > now);
    const ahead = slots.filter((s) => s.startsAt > now);
    expect(over).toHaveLength(4);
    expect(current).toHaveLength(1);
    expect(ahead.length).toBe(slots.length - 5);
    expect(ahead.length).toBeGreaterThan(15);
  });

  it('uses the day of the event’s time zone, not the machine’s or UTC', () => {
    // 02:30 UTC on the 26th is still the evening of the 25th in Guayaquil (UTC−5).
    const d = demoDay(new Date('2026-11-26T02:30:00Z'));
    expect(d.day).toBe('2026-11-25');
    expect(d.sessions[0].startTime).toBe('20:00');
  });

  it('never crosses midnight and keeps what fits late at night', () => {
    const d = demoDay(at('2026-11-25', '22:50'));
    expect(d.sessions).toHaveLength(1);
    expect(d.sessions[0]).toMatchObject({ day: '2026-11-25', startTime: '21:20', endTime: '23:59' });
    expect(() => generateSlots(d.sessions, d.timeZone)).not.toThrow();
  });

  it('starts at midnight at the earliest', () => {
    const d = demoDay(at('2026-11-25', '00:30'));
    expect(d.sessions[0].startTime).toBe('00:00');
    expect(generateSlots(d.sessions, d.timeZone)[0].startsAt.getTime()).toBe(at('2026-11-25', '00:00').getTime());
  });
});
