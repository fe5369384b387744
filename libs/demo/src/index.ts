export { generateDemoJornada, type DemoJornada, type DemoOptions } from './generate';
export { mulberry32, Rng } from './prng';
// The demo is one producer of match input among others (imports are another), so the conversion lives with the record types.
export { toMatchInput, type MatchInput } from '@rueda/importing';
export { demoDay, DEMO_TIME_ZONE, type DemoDay } from './day';
