export * from './matching';
export * from './run-results';
