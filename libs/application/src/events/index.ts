export * from './schemas';
export * from './event-use-cases';
