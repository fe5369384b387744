export * from './import-table';
export * from './load-event-data';
