export * from './users';
export * from './access-links';
