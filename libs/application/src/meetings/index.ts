export * from './set-meeting-video';
