export * from './changes';
export * from './set-meeting-status';
export * from './status-audit';
export * from './undo-meeting-status';
export * from './correct-meeting-status';
