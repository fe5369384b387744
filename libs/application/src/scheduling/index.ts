export * from './draft-edit';
export * from './publish';
export * from './generate';
export * from './stale-draft';
export * from './fill-draft';
