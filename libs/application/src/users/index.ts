export * from './users';
export * from './access-links';
export * from './sessions';
