export * from './notification-prefs';
