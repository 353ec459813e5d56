export * from './decider-spec';
export * from './national-id-numbers';
export * from './ordinary-text';
export * from './key-traces';
export * from './ts-child';
export * from './hostile-text';
