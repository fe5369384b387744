export * from './schemas';
export * from './plan';
export * from './invitations';
