export * from './changes';
export * from './set-meeting-status';
