export * from './enums';
export * from './resident-id';
export * from './phone';
export * from './access';
export * from './permissions';
