/**
 * The rules every part of Rueda shares, browser-safe (no file or network access): the web
 * front end imports `@rueda/domain` through this entry, the server through the full index.
 */
export * from './errors';
export * from './event-settings';
export * from './validation';
export * from '../meetings';
export * from '../time-zone';
export * from '../hybrid';
export * from '../meeting-safety';
export * from './records';
export * from '../board';
