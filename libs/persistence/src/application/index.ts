export * from './db-errors';
export * from './unit-of-work';
export * from './repositories/meetings';
export * from './repositories/status-changes';
