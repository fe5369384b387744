export * from './calendar-feed';
