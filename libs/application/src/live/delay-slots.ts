import { z } from 'zod';
import { applyDelay } from '@rueda/live';
import { organisers } from '../authorization';
import { useCase } from '../use-case';
import { lockDay } from './day-state';

export const DelaySlotsCommand = z
  .object({
    eventId: z.uuid(),
    fromSlotId: z.uuid(),
    minutes: z.number().int().min(1).max(240),
    scope: z.enum(['slot', 'rest-of-day']).default('slot'),
  })
  .strict();

/** Delays one slot (cascading only as needed) or the rest of the day; every affected agenda is pushed. */
export const DelaySlots = useCase({
  name: 'DelaySlots',
  command: DelaySlotsCommand,
  authorize: organisers,
  async run({ tx, now }, cmd) {
    const { state } = await lockDay(tx, cmd.eventId, now);
    const result = applyDelay(state, { fromSlotId: cmd.fromSlotId, minutes: cmd.minutes, scope: cmd.scope });
    const before = new Map(state.slots.map((x) => [x.id, x.startsAt.getTime()]));
    const moved = result.slots.filter((x) => before.get(x.id) !== x.startsAt.getTime());
    await tx.repos.slots.reschedule(moved);
    const movedIds = new Set(moved.map((x) => x.id));
    const touched = state.meetings.filter((x) => x.slotId && movedIds.has(x.slotId) && ['scheduled', 'checked_in'].includes(x.status));
    tx.record(cmd.eventId, {
      type: 'slots.delayed',
      participants: [...new Set(touched.flatMap((x) => [x.a, x.b]))],
      tables: [],
      payload: {
        slots: moved.map((x) => ({ id: x.id, startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString() })),
        atRisk: result.atRisk,
      },
    });
    return { slots: moved, atRisk: result.atRisk };
  },
});
