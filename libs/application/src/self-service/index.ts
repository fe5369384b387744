export * from './schemas';
export * from './own-data';
export * from './review-changes';
export * from './registrations';
