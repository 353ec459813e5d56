export * from './event-store.port';
export * from './errors';
export * from './envelope';
export * from './sqlite/sqlite-event-store';
export * from './kurrentdb/kurrentdb-event-store';
export * from './create-event-store';
export * from './hash-chain';
export * from './log-mark';
