export * from './set-meeting-video';
export * from './requests';
