export * from './draft-edit';
export * from './publish';
export * from './generate';
