export * from './codes';
export * from './fields';
export * from './record-use-cases';
export * from './max-meetings';
