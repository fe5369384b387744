export * from './ports/clock';
export * from './ports/principal';
export * from './ports/changes';
export * from './ports/unit-of-work';
export * from './ports/repositories';
export * from './use-case';
export * from './authorization';
export * from './live';
