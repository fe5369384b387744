export * from './kinds';
export * from './format';
export * from './contacts';
export * from './rules';
export * from './reminders';
export * from './render';
export * from './channels';
