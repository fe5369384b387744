export * from './notification-prefs';
export * from './push-subscriptions';
