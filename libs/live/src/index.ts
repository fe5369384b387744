export * from './model';
export * from './occupancy';
export * from './replacement';
export * from './operations';
export * from './affected';
export * from './invariants';
export * from './testing/generate';
