export * from './agendas';
export * from './export-job';
