export * from './reference-path';
export * from './taxonomy';
export * from './reference-data';
export * from './time-zone';
export * from './slots';
export * from './gadm-lookup';
export * from './meetings';
export * from './random';
