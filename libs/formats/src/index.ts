export * from './format-error';
export * from './match-input';
export * from './match-output';
export * from './schedule-instance';
export * from './schedule';
