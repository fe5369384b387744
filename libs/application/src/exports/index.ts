export * from './agendas';
