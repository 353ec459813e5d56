export * from './actor';
export * from './errors';
export * from './decider';
export * from './event-schema';
export * from './national-id';
export * from './hash-chain';
