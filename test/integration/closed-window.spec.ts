import { SetMeetingWindow, SetUnavailability } from '@rueda/application';
import { validateScheduleInstance } from '@rueda/formats';
import { LEFT_OUT, loadEventScheduleInstance } from '@rueda/persistence';
import { solve } from '@rueda/scheduling';
import { ADMIN, seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * A meeting's window is checked against both participants' availability when it is set; the
 * availability can change afterwards (an organiser's SetUnavailability, the participant's own
 * link) and close the window. The schedule of the whole event must still be made: that meeting
 * is left out (as one whose window holds only slots already begun), not handed to the solver,
 * which refuses the instance (it was a failed generation for every meeting of the event).
 */
describe('a window closed by availability set afterwards', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-01T12:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('leaves that meeting out of the schedule instance; the others are scheduled', async () => {
    const day = await seedDay(env);
    const [g1, g2] = [await day.participant('0101', 'gadm'), await day.participant('0102', 'gadm')];
    const c1 = await day.participant('JICA', 'cooperant');
    const windowed = await day.meeting(g1, c1, 'accepted');
    const other = await day.meeting(g2, c1, 'accepted');
    await env.useCases.execute(SetMeetingWindow, ADMIN, { eventId: day.eventId, meetingId: windowed, allowedSlotIds: [day.slots[0]] });
    await env.useCases.execute(SetUnavailability, ADMIN, { eventId: day.eventId, participantId: g1, slotIds: [day.slots[0]] });

    const { instance, leftOut } = await loadEventScheduleInstance(env.db.manager, day.eventId, {
      keepPublished: false,
      now: env.clock.now(),
    });
    expect(validateScheduleInstance(instance)).toEqual([]);
    expect(instance.meetings.map((m) => m.id)).toEqual([other]);
    // Not silently: the draft lists it, with what the organiser can do about it.
    expect(leftOut).toEqual([{ meeting: windowed, reason: LEFT_OUT.windowClosed }]);
    expect(LEFT_OUT.windowClosed).toMatch(/^ninguna franja de su ventana .* \/ no slot of its window/);
    const schedule = await solve(instance, { seed: 1, budget: 1 });
    expect(schedule.assignments.map((a) => a.meeting)).toEqual([other]);
  });
});
