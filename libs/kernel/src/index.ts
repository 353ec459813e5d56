export * from './actor';
export * from './errors';
export * from './decider';
export * from './event-schema';
export * from './national-id';
export * from './hash-chain';
export * from './oslo-date';
export * from './calendar-date';
