export * from './reference-path';
export * from './taxonomy';
export * from './reference-data';
