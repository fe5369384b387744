export * from './import-table';
