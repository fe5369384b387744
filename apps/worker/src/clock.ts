import { systemClock } from '@rueda/application';

/** Injection token of the Clock (see @rueda/application). */
export const CLOCK = Symbol('CLOCK');
export const clockProvider = { provide: CLOCK, useValue: systemClock };
