export * from './weights';
export * from './text';
export * from './lexicon';
export * from './heap';
export * from './match-index';
export * from './run-match';
