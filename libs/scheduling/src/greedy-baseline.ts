import { FormatError, Schedule, ScheduleInstance, validateScheduleInstance } from '@rueda/formats';
import { computeBounds } from './bounds';
import { buildModel, isPlaceable } from './model';
import { buildSchedule } from './output';
import { ScheduleState } from './state';

/**
 * First come, first served: pins, then each meeting in file order at the earliest slot that
 * still fits. It is what a spreadsheet organiser does by hand, and the yardstick for `solve`.
 */
export function greedyBaseline(instance: ScheduleInstance): Schedule {
  const started = performance.now();
  const issues = validateScheduleInstance(instance);
  if (issues.length > 0) throw new FormatError(issues);
  const model = buildModel(instance);
  const state = new ScheduleState(model);
  for (let m = 0; m < model.M; m++) if (model.pinSlot[m] >= 0) state.place(m, model.pinSlot[m]);
  for (let m = 0; m < model.M; m++) {
    if (model.pinSlot[m] >= 0 || !isPlaceable(model, m)) continue;
    for (let s = 0; s < model.S; s++) {
      if (state.canPlace(m, s)) {
        state.place(m, s);
        break;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const bounds = computeBounds(model);
  return buildSchedule(model, state, { seconds, ...bounds });
}
