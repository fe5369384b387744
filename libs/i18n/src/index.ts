export * from './locale';
export * from './numbers';
export * from './dates';
export * from './messages';
export * from './names';
export * from './terms';
