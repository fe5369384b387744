export * from './notification-prefs';
export * from './push-subscriptions';
export * from './mail-attempts';
export * from './pipeline';
